package org.chorusfeed.outside;

import java.time.Duration;

/**
 * When a fetch must be over. Measured on the monotonic {@link System#nanoTime()}: it bounds real socket waits,
 * which a wall clock that jumps (or a test's fixed {@link java.time.Clock}) must not stretch or shrink.
 */
final class Deadline {
    private final Duration total;
    private final long end;

    private Deadline(Duration total) {
        this.total = total;
        this.end = System.nanoTime() + total.toNanos();
    }

    /** A deadline {@code total} from now. */
    static Deadline after(Duration total) {
        return new Deadline(total);
    }

    /** Milliseconds left, at least 0. */
    long remainingMillis() {
        long nanos = end - System.nanoTime();
        return nanos <= 0 ? 0 : Math.max(1, nanos / 1_000_000);
    }

    /** Milliseconds left but at most {@code cap}, as a socket timeout (at least 1, since 0 means "forever"). */
    int timeoutMillis(Duration cap) {
        return (int) Math.max(1, Math.min(Math.min(remainingMillis(), cap.toMillis()), Integer.MAX_VALUE));
    }

    /** Whether the time is up. */
    boolean passed() {
        return remainingMillis() == 0;
    }

    /** A refusal saying the fetch of {@code url} ran out of time. */
    FetchRefusedException timedOut(String url) {
        return new FetchRefusedException(FetchRefusedException.Reason.TIMEOUT, url,
                "the fetch took longer than the " + describe(total) + " allowed");
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
