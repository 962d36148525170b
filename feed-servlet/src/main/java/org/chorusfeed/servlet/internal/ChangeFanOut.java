package org.chorusfeed.servlet.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeLog;
import org.chorusfeed.changes.Subscription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet's one subscription to the change log. Each change goes, in order, first to the consumers that
 * readers' consistency depends on (the timeline cache), then counts as processed, which writers wait for so that a
 * member who has just posted never reads a page from before the post; then it goes to the others (the live
 * stream), so a write never waits for thousands of stream connections.
 */
public final class ChangeFanOut implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFanOut.class);

    private final ChangeLog log;
    private final List<Consumer<Change>> first = new CopyOnWriteArrayList<>();
    private final List<Consumer<Change>> then = new CopyOnWriteArrayList<>();
    private final Object progress = new Object();
    /** Written under {@code progress} (waiters are notified), read without it. */
    private volatile long processed;
    private @Nullable Subscription subscription;

    /** A fan-out of this change log; {@link #start()} subscribes. */
    public ChangeFanOut(ChangeLog log) {
        this.log = log;
    }

    /**
     * Adds a consumer that handles each change before it counts as processed (writers wait for it). It is called
     * on the subscription's thread, in seq order, and must be quick.
     */
    public void addFirst(Consumer<Change> consumer) {
        first.add(consumer);
    }

    /** Adds a consumer that handles each change after it counts as processed; called in seq order, never blocking. */
    public void add(Consumer<Change> consumer) {
        then.add(consumer);
    }

    /** Subscribes from the change log's current end. */
    public synchronized void start() {
        if (subscription != null) {
            return;
        }
        long from = log.lastSeq();
        synchronized (progress) {
            processed = from;
        }
        subscription = log.subscribe(from, this::deliver);
    }

    private void deliver(Change change) {
        deliver(first, change);
        synchronized (progress) {
            processed = change.seq();
            progress.notifyAll();
        }
        deliver(then, change);
    }

    private static void deliver(List<Consumer<Change>> consumers, Change change) {
        for (Consumer<Change> consumer : consumers) {
            try {
                consumer.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("[chorus] handling change {} failed; going on", change.seq(), e);
            }
        }
    }

    /** The seq of the last change the first consumers have handled. */
    public long processed() {
        return processed;
    }

    /**
     * Waits until every change up to {@code seq} has been handled, or the timeout passed.
     *
     * @return whether it was handled in time
     */
    public boolean awaitProcessed(long seq, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (processed < seq) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                try {
                    progress.wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Stops the subscription. */
    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
