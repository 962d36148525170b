package org.chorusfeed.blogs;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An HTML page that is not a feed itself but names feeds with {@code <link rel="alternate">}: fetch the first.
 *
 * @param feeds the feeds' absolute http(s) URLs, the page's main feeds first and comment feeds last; never empty
 */
public record FeedLinks(List<URI> feeds) implements FeedDocument {

    /** Copies the list and refuses an empty one. */
    public FeedLinks {
        feeds = List.copyOf(Objects.requireNonNull(feeds, "feeds"));
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("feeds is empty; a page that names no feed has no FeedLinks");
        }
    }
}
