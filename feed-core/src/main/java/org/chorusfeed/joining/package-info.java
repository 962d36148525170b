/**
 * Joining the network: invitations an admin hands out and a person accepts through the host's login, and join
 * requests an admin approves or declines when the hub runs in approval mode. There is no open registration.
 *
 * <pre>{@code
 * Invitation invitation = chorus.invitations().create(admin.id(), NewInvitation.singleUse().organisation("baltic-lab"));
 * // the person signs in at the host (account "u-4711") and opens the invitation link
 * Member ada = chorus.invitations().accept(invitation.code(), NewMember.handle("ada").name("Ada").account("u-4711"));
 * }</pre>
 */
@NullMarked
package org.chorusfeed.joining;

import org.jspecify.annotations.NullMarked;
