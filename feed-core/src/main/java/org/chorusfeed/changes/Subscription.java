package org.chorusfeed.changes;

/** A live subscription to the change log; {@link #close()} stops it. */
public interface Subscription extends AutoCloseable {
    /** The seq of the last change delivered, 0 before any. */
    long lastDelivered();

    /** Stops delivery and the thread behind it; waits until it has stopped. */
    @Override
    void close();
}
