package org.chorusfeed.samples.hub;

import java.time.Duration;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.joining.Invitation;
import org.chorusfeed.joining.InvitationStatus;
import org.chorusfeed.joining.NewInvitation;
import org.chorusfeed.member.Member;

/**
 * The demo's open invitation: one the hub admin made for visitors trying the demo, so the join page has something
 * to accept. Made at start-up when no such invitation is open any more.
 */
final class DemoInvitation {
    /** The note that marks the demo's invitation among the admins' own. */
    static final String NOTE = "for visitors trying the demo";
    private static final int USES = 100;

    private DemoInvitation() {
    }

    /** The demo's open invitation, made by the first active admin when none is open; empty without an admin. */
    static Optional<Invitation> ensureOpen(Chorus chorus) {
        Optional<Invitation> open = chorus.invitations().list().stream()
                .filter(i -> i.note().equals(NOTE) && i.status(chorus.clock().instant()) == InvitationStatus.OPEN)
                .findFirst();
        if (open.isPresent()) {
            return open;
        }
        Optional<Member> admin = chorus.members().list().stream().filter(m -> m.isActiveAdmin()).findFirst();
        return admin.map(a -> chorus.invitations().create(a.id(), NewInvitation.singleUse().uses(USES)
                .validFor(Duration.ofDays(NewInvitation.MAX_DAYS)).note(NOTE)));
    }
}
