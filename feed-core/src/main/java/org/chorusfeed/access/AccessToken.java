package org.chorusfeed.access;

import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.member.MemberId;

/**
 * What is known of a personal access token; never the secret itself.
 *
 * @param id        the token's id, for listing and revoking
 * @param member    whom it acts as
 * @param label     what the member called it ("newsletter script")
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked, if it was
 */
public record AccessToken(long id, MemberId member, String label, Instant createdAt, Optional<Instant> revokedAt) {
    /** Whether it still authenticates. */
    public boolean isActive() {
        return revokedAt.isEmpty();
    }
}
