package org.chorusfeed.servlet.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a member, a client address): it holds up to {@code perMinute} writes and refills at
 * {@code perMinute} a minute, so a burst of that many is allowed and a steady rate no faster. Time comes from a
 * {@link Clock}, so tests move it instead of sleeping. Buckets that have refilled completely are forgotten when
 * the table grows past its bound, so memory stays bounded however many addresses write.
 */
public final class RateLimiter {
    /** The largest rate a bucket can count without overflow. */
    public static final int MAX_PER_MINUTE = 1_000_000;
    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final int capacity;
    private final Clock clock;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * A limiter with one bucket per key.
     *
     * @param perMinute how many writes a key may make per minute, and at once
     * @param clock     where time comes from
     * @param maxKeys   how many keys to track before forgetting full buckets
     */
    public RateLimiter(int perMinute, Clock clock, int maxKeys) {
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("perMinute is " + perMinute + "; give 1 to " + MAX_PER_MINUTE);
        }
        this.capacity = perMinute;
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /**
     * Takes one write from the key's bucket.
     *
     * @return zero when the write may go ahead; otherwise how long until the bucket holds one (nothing is taken)
     */
    public Duration acquire(String key) {
        long now = nanos();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                forgetFull(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        }
        return bucket.take(now, capacity);
    }

    /** How many keys are tracked now. */
    int size() {
        return buckets.size();
    }

    private long nanos() {
        java.time.Instant instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private void forgetFull(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext();) {
            if (it.next().isFull(now, capacity)) {
                it.remove();
            }
        }
        if (buckets.size() >= maxKeys) {
            // Every bucket is in use: a flood of fresh keys. Forgetting some lets those keys write again sooner,
            // which is better than refusing every newcomer or growing without bound.
            Iterator<Bucket> it = buckets.values().iterator();
            for (int i = 0; i < maxKeys / 2 && it.hasNext(); i++) {
                it.next();
                it.remove();
            }
        }
    }

    /** Whole seconds to wait, rounded up, at least 1: the value of {@code Retry-After}. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** Tokens are counted in nanos-of-a-token: capacity tokens refill over one minute. */
    private static final class Bucket {
        /** Tokens available, scaled by MINUTE_NANOS (one token = MINUTE_NANOS units). */
        private long units;
        private long updated;

        Bucket(int capacity, long now) {
            this.units = capacity * MINUTE_NANOS;
            this.updated = now;
        }

        synchronized Duration take(long now, int capacity) {
            refill(now, capacity);
            if (units >= MINUTE_NANOS) {
                units -= MINUTE_NANOS;
                return Duration.ZERO;
            }
            // Each elapsed nano adds `capacity` units; one token needs MINUTE_NANOS units.
            long missing = MINUTE_NANOS - units;
            return Duration.ofNanos((missing + capacity - 1) / capacity);
        }

        synchronized boolean isFull(long now, int capacity) {
            refill(now, capacity);
            return units >= capacity * MINUTE_NANOS;
        }

        private void refill(long now, int capacity) {
            long elapsed = now - updated;
            if (elapsed <= 0) {
                return;
            }
            long max = capacity * MINUTE_NANOS;
            long added = elapsed >= MINUTE_NANOS ? max : elapsed * capacity;
            units = Math.min(max, units + added);
            updated = now;
        }
    }
}
