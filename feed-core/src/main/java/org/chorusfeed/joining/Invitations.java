package org.chorusfeed.joining;

import java.util.List;
import java.util.Optional;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.NewMember;

/**
 * Invitations: admins create and revoke them; a person signed in at the host accepts one and becomes a member.
 *
 * <pre>{@code
 * Invitation invitation = chorus.invitations().create(admin.id(), NewInvitation.singleUse().uses(3));
 * Member ada = chorus.invitations().accept(invitation.code(), NewMember.handle("ada").name("Ada").account("u-4711"));
 * }</pre>
 */
public interface Invitations {
    /**
     * Creates an invitation with a new random code.
     *
     * @param by the admin creating it
     * @throws org.chorusfeed.NotPermittedException if {@code by} is not an active admin
     * @throws org.chorusfeed.NoSuchOrganisationException if it names an organisation that does not exist
     */
    Invitation create(MemberId by, NewInvitation invitation);

    /** Every invitation, newest first. */
    List<Invitation> list();

    /** The invitation with this id. */
    Optional<Invitation> find(long id);

    /**
     * The open invitation with this code.
     *
     * @throws NoSuchInvitationException if no invitation has this code
     * @throws InvitationClosedException if it is expired, used up or revoked
     */
    Invitation open(String code);

    /**
     * Revokes an invitation: it can no longer be accepted. Revoking it again changes nothing.
     *
     * @param by the admin revoking it
     * @throws NoSuchInvitationException if there is no invitation with this id
     */
    Invitation revoke(MemberId by, long id);

    /**
     * Accepts an invitation: admits the person as an active, plain member, atomically with using the invitation
     * up once (so a single-use code admits one person however many try at once).
     *
     * @param member the handle and name they picked, and their {@linkplain NewMember#account(String) account}
     * @throws NoSuchInvitationException if no invitation has this code
     * @throws InvitationClosedException if it is expired, used up or revoked
     * @throws WrongOrganisationException if it is bound to an organisation and the member names another
     * @throws AlreadyMemberException if the account is a member already
     * @throws org.chorusfeed.HandleTakenException if the handle is taken
     * @throws IllegalArgumentException if the member has no account
     */
    Member accept(String code, NewMember member);
}
