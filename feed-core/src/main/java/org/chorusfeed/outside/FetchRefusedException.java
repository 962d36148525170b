package org.chorusfeed.outside;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A fetch that the {@link SafeFetcher} refused or that did not succeed; {@link #reason()} says which rule or
 * failure, and the message says what and why in words a member can act on.
 *
 * <p>Messages name the URL and never internal details such as the addresses a host name resolved to.
 */
public final class FetchRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why a fetch was refused or failed. */
    public enum Reason {
        /** The URL is not a valid absolute URL with a host, or writes an IPv4 address in a non-standard form. */
        MALFORMED_URL,
        /** The scheme is not http or https. */
        SCHEME,
        /** The URL carries a user name or password ({@code user@host}). */
        USERINFO,
        /** The host is, or resolves to, an address that is not public (loopback, private, link-local, ...). */
        ADDRESS_NOT_PUBLIC,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** No connection could be made, or it broke off. */
        CONNECTION_FAILED,
        /** The https handshake failed: the certificate was not valid for the host, or no protocol was agreed. */
        TLS,
        /** The fetch took longer than the total time allowed. */
        TIMEOUT,
        /** More redirects than allowed. */
        TOO_MANY_REDIRECTS,
        /** The server answered with a status other than success, redirect or not-modified. */
        HTTP_STATUS,
        /** The response's content type is missing or not one the request accepts. */
        CONTENT_TYPE,
        /** The body, as sent or once decoded, is larger than allowed. */
        TOO_LARGE,
        /** The response broke HTTP/1.1 framing or used an encoding Chorus does not read. */
        MALFORMED_RESPONSE,
        /** The fetcher was closed, or the fetching thread interrupted, while the fetch was under way. */
        CLOSED
    }

    private final Reason reason;
    private final String url;
    private final int status;
    private final @Nullable Duration retryAfter;

    FetchRefusedException(Reason reason, String url, String why) {
        this(reason, url, why, -1, null);
    }

    FetchRefusedException(Reason reason, String url, String why, int status, @Nullable Duration retryAfter) {
        this(reason, url, status, retryAfter, Urls.display(url) + ": " + why);
    }

    private FetchRefusedException(Reason reason, String url, int status, @Nullable Duration retryAfter,
            @Nullable String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.url = url;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** A copy for another caller that waited on the same fetch, so each gets its own stack trace. */
    FetchRefusedException copy() {
        return new FetchRefusedException(reason, url, status, retryAfter, getMessage());
    }

    /** This refusal of a redirect target, its message naming the URL that redirected there. */
    FetchRefusedException redirectedFrom(String from) {
        return new FetchRefusedException(reason, url, status, retryAfter,
                getMessage() + " (redirected from " + Urls.display(from) + ")");
    }

    /** Which rule refused the fetch, or what failed. */
    public Reason reason() {
        return reason;
    }

    /** The URL that was refused: the one asked for, or the redirect target that broke a rule. */
    public String url() {
        return url;
    }

    /** The HTTP status, for {@link Reason#HTTP_STATUS}. */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** How long the server asked callers to wait ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether trying again later may succeed: network failures, timeouts, 408, 429 and 5xx statuses. Refusals by
     * rule (scheme, address, size, type, ...) stay refused until the URL or the site changes.
     */
    public boolean isTransient() {
        return switch (reason) {
            case UNKNOWN_HOST, CONNECTION_FAILED, TIMEOUT, CLOSED -> true;
            case HTTP_STATUS -> status >= 500 || status == 408 || status == 429;
            default -> false;
        };
    }
}
