package org.chorusfeed.joining;

import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.NewMember;

/**
 * A person's request to join a hub that runs in approval mode.
 *
 * @param id        stable id
 * @param applicant the account asking, the handle, name and organisation they would have as a member, and their
 *                  message to the admins
 * @param status    pending, approved or declined
 * @param createdAt when they asked
 * @param decidedAt when an admin decided, if one did
 * @param decidedBy the admin who decided, if one did
 * @param reason    the admin's reason for declining, if they gave one
 */
public record JoinRequest(long id, NewJoinRequest applicant, JoinRequestStatus status,
        Instant createdAt, Optional<Instant> decidedAt, Optional<MemberId> decidedBy, Optional<String> reason) {

    /** What they wrote to the admins (may be empty). */
    public String message() {
        return applicant.message();
    }

    /**
     * The member approving it admits.
     *
     * @throws JoinRequestDecidedException if it is not pending
     */
    public NewMember admitting() {
        if (status != JoinRequestStatus.PENDING) {
            throw new JoinRequestDecidedException(id, status);
        }
        return applicant.member();
    }

    /**
     * A copy decided by an admin at this time.
     *
     * @throws JoinRequestDecidedException if it is not pending
     */
    public JoinRequest decided(JoinRequestStatus decision, MemberId by, Optional<String> why, Instant at) {
        if (status != JoinRequestStatus.PENDING) {
            throw new JoinRequestDecidedException(id, status);
        }
        return new JoinRequest(id, applicant, decision, createdAt, Optional.of(at), Optional.of(by), why);
    }
}
