package org.chorusfeed.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.chorusfeed.member.MemberId;

/**
 * One recorded admin act: who did what to what, when and why. Entries are never changed or removed.
 *
 * @param id     rising with time, from 1
 * @param at     when the act happened
 * @param actor  the member who acted; empty for an act of the system itself
 * @param action what was done, such as {@code post.hidden} (see {@link AuditLog})
 * @param target what it was done to: {@code @handle}, {@code post:<id>}, {@code report:<id>}, ...
 * @param reason why, as the actor wrote it, if they did
 */
public record AuditEntry(long id, Instant at, Optional<MemberId> actor, String action, String target,
        Optional<String> reason) {

    /** Checks that every field is present and the id is positive. */
    public AuditEntry {
        if (id < 1) {
            throw new IllegalArgumentException("audit entry id is " + id + "; ids start at 1");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
    }
}
