package org.chorusfeed.member;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What erasing a member removed. The member's profile, posts (with their history and tags), the appreciations
 * they gave and their tokens are gone from the store; only the handle and the time stay, so the handle is refused
 * to new members until {@link #handleFreeFrom()}.
 *
 * @param member        the erased member's former id (never handed out again)
 * @param handle        the erased member's handle
 * @param erasedAt      when they were erased
 * @param posts         how many of their posts were removed
 * @param appreciations how many appreciations they had given, now withdrawn
 * @param tokens        how many access tokens were removed
 */
public record Erasure(MemberId member, String handle, Instant erasedAt, int posts, int appreciations, int tokens) {
    /** How long an erased member's handle is refused to new members: 30 days. */
    public static final Duration HANDLE_QUARANTINE = Duration.ofDays(30);

    /** Checks every field. */
    public Erasure {
        Objects.requireNonNull(member, "member");
        Names.requireHandle(handle);
        Objects.requireNonNull(erasedAt, "erasedAt");
        if (posts < 0 || appreciations < 0 || tokens < 0) {
            throw new IllegalArgumentException("erasure counts are " + posts + ", " + appreciations + " and " + tokens
                    + "; none can be negative");
        }
    }

    /** From when the handle can be taken by a new member again. */
    public Instant handleFreeFrom() {
        return freeFrom(erasedAt);
    }

    /** From when a handle erased at {@code erasedAt} can be taken by a new member again. */
    public static Instant freeFrom(Instant erasedAt) {
        return erasedAt.plus(HANDLE_QUARANTINE);
    }
}
