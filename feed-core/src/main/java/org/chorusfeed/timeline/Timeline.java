package org.chorusfeed.timeline;

import org.chorusfeed.post.Post;

/** The one timeline: every post newest first, by id, with no ranking of any kind. */
public interface Timeline {
    /**
     * Reads one page. A filtered page is as full as the limit allows whenever enough matching posts exist.
     * A malformed cursor is an {@link IllegalArgumentException}.
     */
    Page<Post> read(TimelineQuery query);
}
