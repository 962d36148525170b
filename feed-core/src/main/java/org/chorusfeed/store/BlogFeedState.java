package org.chorusfeed.store;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.chorusfeed.member.MemberId;

/**
 * A member's blog feed as the poller keeps it: where it is, the validators for the next conditional GET, how the
 * last polls went and when the next is due.
 *
 * @param member        whose blog it is
 * @param url           the feed or page the member set
 * @param feedUrl       the feed read: the URL itself, or the feed its page names; empty until found
 * @param etag          the {@code ETag} of the last answer, sent back as {@code If-None-Match}
 * @param lastModified  the {@code Last-Modified} of the last answer, sent back as {@code If-Modified-Since}
 * @param lastSuccessAt when a poll last read the feed (or heard it had not changed)
 * @param lastError     what went wrong the last time a poll failed, in words the member can act on
 * @param lastErrorAt   when that was
 * @param failures      failed polls in a row since the last success, for the backoff
 * @param nextPollAt    when the next poll is due
 */
public record BlogFeedState(MemberId member, URI url, Optional<URI> feedUrl, Optional<String> etag,
        Optional<String> lastModified, Optional<Instant> lastSuccessAt, Optional<String> lastError,
        Optional<Instant> lastErrorAt, int failures, Instant nextPollAt) {

    /** Checks that nothing is null and the counts are not negative. */
    public BlogFeedState {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(feedUrl, "feedUrl");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(lastSuccessAt, "lastSuccessAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(lastErrorAt, "lastErrorAt");
        Objects.requireNonNull(nextPollAt, "nextPollAt");
        if (failures < 0) {
            throw new IllegalArgumentException("failures is " + failures + "; it may not be negative");
        }
    }

    /** A feed never polled yet, due at {@code due}. */
    public static BlogFeedState fresh(MemberId member, URI url, Instant due) {
        return new BlogFeedState(member, url, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, due);
    }

    /** Whether no poll has read the feed yet: its first import takes only the newest few entries. */
    public boolean neverRead() {
        return lastSuccessAt.isEmpty();
    }

    /**
     * This feed after a successful poll.
     *
     * @param read         the feed read
     * @param etag         the new {@code ETag}, if any
     * @param lastModified the new {@code Last-Modified}, if any
     */
    public BlogFeedState succeeded(URI read, Optional<String> etag, Optional<String> lastModified, Instant at,
            Instant next) {
        return new BlogFeedState(member, url, Optional.of(read), etag, lastModified, Optional.of(at), lastError,
                lastErrorAt, 0, next);
    }

    /** This feed after a failed poll, with what went wrong. */
    public BlogFeedState failed(String error, Instant at, Instant next) {
        return new BlogFeedState(member, url, feedUrl, etag, lastModified, lastSuccessAt, Optional.of(error),
                Optional.of(at), failures + 1, next);
    }

    /** This feed with an error noted without counting as a failed poll (one entry could not be imported). */
    public BlogFeedState noting(String error, Instant at) {
        return new BlogFeedState(member, url, feedUrl, etag, lastModified, lastSuccessAt, Optional.of(error),
                Optional.of(at), failures, nextPollAt);
    }

    /** This feed, due at another time and otherwise unchanged. */
    public BlogFeedState dueAt(Instant next) {
        return new BlogFeedState(member, url, feedUrl, etag, lastModified, lastSuccessAt, lastError, lastErrorAt,
                failures, next);
    }
}
