package org.chorusfeed.store;

import java.net.URI;
import java.util.Objects;

/**
 * Which link a post's preview was made for, and whether its author removed it: what decides if a post's link is
 * previewed (again).
 *
 * @param link    the post's first link the preview was made or removed for
 * @param removed whether the author (or an admin) removed the preview
 */
public record PreviewMark(URI link, boolean removed) {
    /** Checks the link is present. */
    public PreviewMark {
        Objects.requireNonNull(link, "link");
    }
}
