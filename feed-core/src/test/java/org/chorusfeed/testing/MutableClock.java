package org.chorusfeed.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand, so ordering and expiry are tested without sleeping. */
public final class MutableClock extends Clock {
    private final AtomicLong millis;

    /** A clock standing at the given instant. */
    public MutableClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    /** A clock standing at 2026-11-30T10:00:00Z. */
    public static MutableClock standing() {
        return new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    }

    /** Moves the clock forward (or, with a negative duration, back). */
    public void advance(Duration by) {
        millis.addAndGet(by.toMillis());
    }

    /** Sets the clock. */
    public void set(Instant instant) {
        millis.set(instant.toEpochMilli());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a MutableClock is always UTC");
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }
}
