package org.chorusfeed.outside;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The one door to the outside (DESIGN rule 10): every outbound HTTP request Chorus makes goes through here.
 *
 * <pre>{@code
 * try (SafeFetcher fetcher = SafeFetcher.builder().hub("https://hub.example").build()) {
 *     FetchResult feed = fetcher.fetch(FetchRequest.feed("https://blog.example/feed/"));
 * }
 * }</pre>
 *
 * <p>A fetch goes only to http and https URLs without user info. The host is resolved once, every address it
 * resolves to must be public, and the connection goes to that vetted address: no second lookup can send it
 * elsewhere (DNS rebinding). Each redirect is checked the same way, at most {@link Builder#maxRedirects} of
 * them. Size, connect time and total time are capped; only the content types the request names are read.
 * Concurrent fetches of the same request share one fetch, and recent answers are kept a short while.
 *
 * <p>Implementations are thread-safe. {@link #close()} aborts fetches under way; the fetcher starts no threads.
 */
public interface SafeFetcher extends AutoCloseable {

    /** A builder with the defaults: 2 MiB, 5 s to connect, 20 s in all, 5 redirects, 2 fetches per host. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Fetches what the request names, following redirects, or refuses.
     *
     * @return a 200 (or 203) result with a body of an accepted type, or a 304 result for a conditional request
     * @throws FetchRefusedException when a rule refuses the URL or a redirect, or the fetch fails; its reason says
     *                               which
     * @throws IllegalStateException when the fetcher is closed
     */
    FetchResult fetch(FetchRequest request) throws FetchRefusedException;

    /**
     * Checks a URL as far as can be done without the network: scheme, user info, syntax, and hosts written as
     * addresses or reserved names. For refusing a member's blog or link early, with a clear reason.
     *
     * @return the URL normalised as it would be fetched (lower-case scheme and host, no default port, no fragment)
     * @throws FetchRefusedException when the URL would be refused whatever the network says
     */
    URI check(String url) throws FetchRefusedException;

    /** Aborts fetches under way (they fail with {@link FetchRefusedException.Reason#CLOSED}) and refuses new ones. */
    @Override
    void close();

    /** Configures a {@link SafeFetcher}; starts from the defaults. Not thread-safe. */
    final class Builder {
        private static final Pattern HUB = Pattern.compile("https?://[A-Za-z0-9.:\\[\\]_~%/-]{1,200}");

        final Set<String> allowed = new LinkedHashSet<>();
        long maxBytes = 2L << 20;
        Duration connectTimeout = Duration.ofSeconds(5);
        Duration totalTimeout = Duration.ofSeconds(20);
        int maxRedirects = 5;
        int perHostConcurrency = 2;
        @Nullable String hub;
        Clock clock = Clock.systemUTC();
        int cacheEntries = 256;
        long cacheBytes = 16L << 20;
        Duration cacheTtl = Duration.ofSeconds(60);
        Resolver resolver = InetAddress::getAllByName;
        Dialer dialer = Dialer.PLAIN;
        @Nullable SSLContext sslContext;

        Builder() {
        }

        /**
         * Allows one {@code host:port} that is not public, such as {@code 127.0.0.1:8080} or
         * {@code fixtures.internal:8443}, for tests and a hub's own fixture server. The host matches as written in
         * a URL (a name matches that name only); there are no wildcards or ranges.
         */
        public Builder allow(String hostAndPort) {
            allowed.add(AllowList.checkEntry(hostAndPort));
            return this;
        }

        /**
         * Allows each entry of a comma-separated list of {@code host:port}, as {@link #allow(String)} does; blank
         * entries are skipped. For lists from configuration, such as an environment variable the host reads.
         */
        public Builder allowAll(String commaSeparated) {
            Objects.requireNonNull(commaSeparated, "commaSeparated");
            for (String entry : commaSeparated.split(",")) {
                if (!entry.isBlank()) {
                    allow(entry.strip());
                }
            }
            return this;
        }

        /** The most body bytes read, as sent and once decoded, unless a request sets its own: 1 byte to 64 MiB. */
        public Builder maxBytes(long bytes) {
            if (bytes < 1 || bytes > FetchRequest.LIMIT_MAX_BYTES) {
                throw new IllegalArgumentException("maxBytes is " + bytes + "; it must be between 1 and "
                        + FetchRequest.LIMIT_MAX_BYTES);
            }
            this.maxBytes = bytes;
            return this;
        }

        /** The longest wait to connect to one address: 1 ms to 1 minute. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requireDuration("connectTimeout", timeout, Duration.ofMinutes(1));
            return this;
        }

        /** The longest a whole fetch may take, redirects, queueing and body included: 1 ms to 5 minutes. */
        public Builder totalTimeout(Duration timeout) {
            this.totalTimeout = requireDuration("totalTimeout", timeout, Duration.ofMinutes(5));
            return this;
        }

        /** The most redirects followed: 0 to 5 (DESIGN rule 10). */
        public Builder maxRedirects(int redirects) {
            this.maxRedirects = requireBetween("maxRedirects", redirects, 0, 5);
            return this;
        }

        /** The most fetches to one host at a time; others wait (within their total time): 1 to 16. */
        public Builder perHostConcurrency(int fetches) {
            this.perHostConcurrency = requireBetween("perHostConcurrency", fetches, 1, 16);
            return this;
        }

        /** The hub's URL, named in the {@code User-Agent} so site owners know who fetches: {@code https://hub.example}. */
        public Builder hub(String hubUrl) {
            Objects.requireNonNull(hubUrl, "hubUrl");
            if (!HUB.matcher(hubUrl).matches()) {
                throw new IllegalArgumentException("hub is \"" + Urls.display(hubUrl)
                        + "\"; it must be an http or https URL of at most 200 plain ASCII characters");
            }
            this.hub = hubUrl;
            return this;
        }

        /** The clock for the cache's expiry and {@code Retry-After} dates. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The shared cache of recent answers: at most {@code entries} answers and {@code bytes} body bytes, each kept
         * {@code ttl}. Zero entries keeps none (concurrent fetches of one request are still shared).
         */
        public Builder cache(int entries, long bytes, Duration ttl) {
            this.cacheEntries = requireBetween("cache entries", entries, 0, 100_000);
            if (bytes < 0 || bytes > (1L << 30)) {
                throw new IllegalArgumentException("cache bytes is " + bytes + "; it must be between 0 and " + (1L << 30));
            }
            this.cacheBytes = bytes;
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("cache ttl is " + ttl + "; it must be between 0 and 1 hour");
            }
            this.cacheTtl = ttl;
            return this;
        }

        /** Resolves host names; tests pretend to be DNS with it. */
        Builder resolver(Resolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** Opens connections to vetted addresses; tests route pretend public addresses to local servers with it. */
        Builder dialer(Dialer dialer) {
            this.dialer = Objects.requireNonNull(dialer, "dialer");
            return this;
        }

        /** The TLS context for https; tests trust their own certificate with it. Default: the JDK's default context. */
        Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /** A fetcher with these settings. */
        public SafeFetcher build() {
            return new PinnedFetcher(this);
        }

        private static Duration requireDuration(String name, Duration value, Duration max) {
            Objects.requireNonNull(value, name);
            if (value.toMillis() < 1 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " is " + value + "; it must be between 1 ms and " + max);
            }
            return value;
        }

        private static int requireBetween(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " is " + value + "; it must be between " + min + " and " + max);
            }
            return value;
        }
    }
}
