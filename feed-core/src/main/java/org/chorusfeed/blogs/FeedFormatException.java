package org.chorusfeed.blogs;

/**
 * A document that is no feed Chorus can read: not XML, JSON or HTML, the wrong root element, no JSON Feed, or a
 * page that names no feed. The message says which, for the member's feed status.
 */
public final class FeedFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    FeedFormatException(String message) {
        super(message);
    }
}
