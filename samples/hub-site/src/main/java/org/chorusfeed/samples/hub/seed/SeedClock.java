package org.chorusfeed.samples.hub.seed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The hub's clock: the system clock, except while the demo network is seeded, when the seeder sets it to the
 * past moment each seeded act happens at. A native post's time is the time of its acceptance, so this is how
 * the seeded posts get times spread over the last weeks, in order, all before now.
 */
public final class SeedClock extends Clock {
    private final Clock system = Clock.systemUTC();
    private final AtomicReference<@Nullable Instant> held = new AtomicReference<>();

    /** Holds the clock at this moment, which must not lie in the future. */
    public void holdAt(Instant moment) {
        if (moment.isAfter(system.instant())) {
            throw new IllegalArgumentException("seed time " + moment + " lies in the future; seeded acts happen before now");
        }
        held.set(moment);
    }

    /** Lets the clock follow the system clock again. */
    public void release() {
        held.set(null);
    }

    @Override
    public Instant instant() {
        Instant moment = held.get();
        return moment != null ? moment : system.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the hub's clock is always UTC");
    }
}
