package org.chorusfeed.joining;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Role;

/**
 * An invitation to join the network: a secret code good for a number of uses until it expires.
 *
 * @param id           stable id, for admins
 * @param code         the secret in the invitation link (128 random bits, URL-safe)
 * @param organisation the organisation everyone who accepts joins, if it is bound to one
 * @param uses         how many people may accept it
 * @param used         how many did
 * @param expiresAt    from when it can no longer be accepted
 * @param createdAt    when an admin created it
 * @param createdBy    the admin who created it
 * @param note         the admin's note (who it is for), may be empty
 * @param revokedAt    when an admin revoked it, if they did
 */
public record Invitation(long id, String code, Optional<String> organisation, int uses, int used, Instant expiresAt,
        Instant createdAt, MemberId createdBy, String note, Optional<Instant> revokedAt) {

    /** Checks the counts. */
    public Invitation {
        Objects.requireNonNull(code, "code");
        if (used < 0 || used > uses) {
            throw new IllegalArgumentException("an invitation for " + uses + " uses cannot have been used " + used
                    + " times");
        }
    }

    /** Where it stands at this time. */
    public InvitationStatus status(Instant now) {
        if (revokedAt.isPresent()) {
            return InvitationStatus.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return InvitationStatus.EXPIRED;
        }
        return used >= uses ? InvitationStatus.USED_UP : InvitationStatus.OPEN;
    }

    /**
     * The member accepting it at this time would become: in the invitation's organisation, a plain member.
     *
     * @throws InvitationClosedException if it is expired, used up or revoked
     * @throws WrongOrganisationException if it is bound to an organisation and the member names another
     */
    public NewMember admitting(NewMember member, Instant now) {
        InvitationStatus status = status(now);
        if (status != InvitationStatus.OPEN) {
            throw new InvitationClosedException(status);
        }
        NewMember admitted = member.role(Role.MEMBER);
        if (organisation.isEmpty()) {
            return admitted;
        }
        if (member.organisation().isPresent() && !member.organisation().equals(organisation)) {
            throw new WrongOrganisationException(organisation.get(), member.organisation().get());
        }
        return admitted.organisation(organisation.get());
    }

    /** A copy used once more. */
    public Invitation usedOnce() {
        return new Invitation(id, code, organisation, uses, used + 1, expiresAt, createdAt, createdBy, note, revokedAt);
    }

    /** A copy revoked at this time (an invitation revoked before keeps its time). */
    public Invitation revoked(Instant at) {
        return new Invitation(id, code, organisation, uses, used, expiresAt, createdAt, createdBy, note,
                Optional.of(revokedAt.orElse(at)));
    }
}
