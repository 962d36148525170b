package org.chorusfeed.blogs;

/** The formats a blog feed can come in. */
public enum FeedFormat {
    /** RSS 2.0 (and RSS 1.0, RDF). */
    RSS,
    /** Atom 1.0. */
    ATOM,
    /** JSON Feed 1.0 and 1.1. */
    JSON_FEED,
    /** An HTML page marked up with h-feed / h-entry microformats. */
    H_FEED
}
