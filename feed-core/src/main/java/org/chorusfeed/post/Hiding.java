package org.chorusfeed.post;

import java.time.Instant;
import java.util.Objects;
import org.chorusfeed.member.MemberId;

/**
 * An admin's decision to hide a post from every public read. The post stays visible to its author and to
 * admins, with the reason.
 *
 * @param reason why, as the admin wrote it
 * @param at     when
 * @param by     the admin who hid it
 */
public record Hiding(String reason, Instant at, MemberId by) {

    /** Checks that every field is present. */
    public Hiding {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
