package org.chorusfeed.timeline;

import org.chorusfeed.post.Post;

/** The one timeline: every post newest first, by id, with no ranking of any kind. */
public interface Timeline {
    /**
     * Reads one page. A filtered page is as full as the limit allows whenever enough matching posts exist.
     * A malformed cursor is an {@link IllegalArgumentException}.
     */
    Page<Post> read(TimelineQuery query);

    /**
     * Reads one page as post ids only: the same page as {@link #read}, for a caller that keeps what it needs of
     * each post (reading ids costs a fraction of reading posts). Cursors are those {@link #read} would give.
     */
    Page<org.chorusfeed.post.PostId> readIds(TimelineQuery query);
}
