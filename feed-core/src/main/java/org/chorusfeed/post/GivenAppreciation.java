package org.chorusfeed.post;

import java.time.Instant;
import java.util.Objects;

/**
 * An appreciation a member gave, as their data export lists it.
 *
 * @param post the post they appreciate
 * @param at   when they appreciated it
 */
public record GivenAppreciation(PostId post, Instant at) {
    /** Checks the fields. */
    public GivenAppreciation {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(at, "at");
    }
}
