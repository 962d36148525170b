package org.chorusfeed.blogs;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How importing a member's blog goes, for the member and the hub's admins.
 *
 * @param url           the blog feed or page the member set
 * @param feedUrl       the feed read: the URL itself, or the feed its page names; empty until a poll found it
 * @param lastSuccessAt when a poll last read the feed (or heard it had not changed)
 * @param lastError     what went wrong the last time something did, in words the member can act on
 * @param lastErrorAt   when that was
 * @param nextPollAt    when the next poll is due (a URL just set is due at once)
 * @param imported      how many of the member's blog entries became posts (from any URL the member set)
 */
public record BlogStatus(URI url, Optional<URI> feedUrl, Optional<Instant> lastSuccessAt, Optional<String> lastError,
        Optional<Instant> lastErrorAt, Instant nextPollAt, int imported) {

    /** Checks that nothing is null. */
    public BlogStatus {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(feedUrl, "feedUrl");
        Objects.requireNonNull(lastSuccessAt, "lastSuccessAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(lastErrorAt, "lastErrorAt");
        Objects.requireNonNull(nextPollAt, "nextPollAt");
    }
}
