package org.chorusfeed.syndication;

/** The feed formats Chorus writes. */
public enum FeedFormat {
    /** Atom 1.0 (RFC 4287). */
    ATOM("application/atom+xml"),
    /** RSS 2.0 with Dublin Core creators. */
    RSS("application/rss+xml"),
    /** JSON Feed 1.1. */
    JSON_FEED("application/feed+json");

    private final String mediaType;

    FeedFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The HTTP {@code Content-Type} of this format, such as {@code application/atom+xml; charset=utf-8}. */
    public String contentType() {
        return mediaType + "; charset=utf-8";
    }

    /** The media type without parameters, as used in a feed's link to itself. */
    String mediaType() {
        return mediaType;
    }
}
