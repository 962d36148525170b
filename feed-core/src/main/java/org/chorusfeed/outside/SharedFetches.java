package org.chorusfeed.outside;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.chorusfeed.outside.FetchRefusedException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * Makes one fetch serve many callers: callers asking for the same request while it is under way wait for its
 * answer, and answers (refusals too) are kept a short while, bounded in count and bytes, least recently used
 * first out. So a link posted many times at once causes one fetch, not a storm.
 */
final class SharedFetches {

    /** What makes two requests the same: everything that can change the answer. */
    record Key(URI url, Set<String> types, Optional<String> ifNoneMatch, Optional<String> ifModifiedSince,
            long maxBytes) {
    }

    /** The work of one fetch. */
    @FunctionalInterface
    interface Fetch {
        FetchResult run() throws FetchRefusedException;
    }

    /** A fetch's answer: a result, or the refusal. */
    private record Outcome(@Nullable FetchResult result, @Nullable FetchRefusedException failure) {
        static Outcome of(Fetch fetch) {
            try {
                return new Outcome(fetch.run(), null);
            } catch (FetchRefusedException e) {
                return new Outcome(null, e);
            }
        }

        long bytes() {
            return result == null ? 0 : result.bodyLength();
        }

        /** Whether it may be kept: not the refusal of a closed fetcher, which says nothing about the URL. */
        boolean keepable() {
            return failure == null || failure.reason() != Reason.CLOSED;
        }

        /** The result; or the refusal itself for the caller that fetched, a copy for every other caller. */
        FetchResult get(boolean original) throws FetchRefusedException {
            if (result != null) {
                return result;
            }
            FetchRefusedException refusal = Objects.requireNonNull(failure, "failure");
            throw original ? refusal : refusal.copy();
        }
    }

    private record Kept(Outcome outcome, Instant expires) {
    }

    private final Clock clock;
    private final int maxEntries;
    private final long maxBytes;
    private final Duration ttl;
    private final Object lock = new Object();
    private final LinkedHashMap<Key, Kept> recent = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Key, CompletableFuture<Outcome>> underWay = new HashMap<>();
    private long keptBytes;

    SharedFetches(Clock clock, int maxEntries, long maxBytes, Duration ttl) {
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.ttl = ttl;
    }

    /** A recent answer to {@code key}, the answer of the same fetch under way, or the answer of {@code fetch}. */
    FetchResult fetch(Key key, Deadline deadline, Fetch fetch) throws FetchRefusedException {
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> theirs;
        synchronized (lock) {
            Kept kept = fresh(key);
            if (kept != null) {
                return kept.outcome().get(false);
            }
            theirs = underWay.putIfAbsent(key, mine);
        }
        if (theirs != null) {
            return await(theirs, deadline, key.url().toString());
        }
        Outcome outcome = null;
        try {
            outcome = Outcome.of(fetch);
            return outcome.get(true);
        } finally {
            synchronized (lock) {
                underWay.remove(key);
                if (outcome != null) {
                    keep(key, outcome);
                }
            }
            if (outcome != null) {
                mine.complete(outcome);
            } else {
                mine.completeExceptionally(new IllegalStateException("the shared fetch failed unexpectedly"));
            }
        }
    }

    private static FetchResult await(CompletableFuture<Outcome> theirs, Deadline deadline, String url)
            throws FetchRefusedException {
        try {
            return theirs.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS).get(false);
        } catch (TimeoutException e) {
            throw deadline.timedOut(url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchRefusedException(Reason.CLOSED, url, "the fetch was interrupted");
        } catch (ExecutionException e) {
            throw new FetchRefusedException(Reason.CONNECTION_FAILED, url, "the fetch failed unexpectedly");
        }
    }

    private @Nullable Kept fresh(Key key) {
        Kept kept = recent.get(key);
        if (kept != null && !clock.instant().isBefore(kept.expires())) {
            forget(key, kept);
            return null;
        }
        return kept;
    }

    /** Keeps an outcome unless it is a closed fetcher's or too big for a fair share of the cache. */
    private void keep(Key key, Outcome outcome) {
        if (maxEntries == 0 || ttl.isZero() || !outcome.keepable() || outcome.bytes() > maxBytes / 4) {
            return;
        }
        Kept previous = recent.put(key, new Kept(outcome, clock.instant().plus(ttl)));
        if (previous != null) {
            keptBytes -= previous.outcome().bytes();
        }
        keptBytes += outcome.bytes();
        Iterator<Map.Entry<Key, Kept>> eldest = recent.entrySet().iterator();
        while ((recent.size() > maxEntries || keptBytes > maxBytes) && eldest.hasNext()) {
            keptBytes -= eldest.next().getValue().outcome().bytes();
            eldest.remove();
        }
    }

    private void forget(Key key, Kept kept) {
        recent.remove(key);
        keptBytes -= kept.outcome().bytes();
    }
}
