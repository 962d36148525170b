package org.chorusfeed.blogs;

import java.util.Objects;
import org.chorusfeed.ChorusException;

/**
 * A blog feed URL a member (or an admin for them) tried to set is refused before anything is fetched: it is not an
 * http(s) URL, carries a user name, or names a host Chorus never fetches from. The message says which and why.
 */
public final class BlogFeedUrlException extends ChorusException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param url     the URL refused, as given
     * @param reason  a stable, lower-case name of the rule that refused it, such as {@code address-not-public}
     * @param message what is wrong and what is allowed
     */
    public BlogFeedUrlException(String url, String reason, String message) {
        super(message);
        this.url = Objects.requireNonNull(url, "url");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The URL refused, as given. */
    public String url() {
        return url;
    }

    /** The rule that refused it: {@code malformed-url}, {@code scheme}, {@code userinfo}, {@code address-not-public}. */
    public String reason() {
        return reason;
    }
}
