package org.chorusfeed.changes;

import java.util.List;

/**
 * The change log: every mutation, in {@code seq} order, with no gaps.
 *
 * <pre>{@code
 * try (Subscription s = chorus.changes().subscribe(change -> System.out.println(change))) { ... }
 * }</pre>
 */
public interface ChangeLog {
    /** At most {@code limit} changes with a seq greater than {@code afterSeq}, in order. */
    List<Change> since(long afterSeq, int limit);

    /** The seq of the newest change, 0 when there is none. */
    long lastSeq();

    /** Delivers every change made from now on. Slow listeners never hold up writers. */
    Subscription subscribe(ChangeListener listener);

    /** Delivers every change with a seq greater than {@code afterSeq}, then live ones: a resumable subscription. */
    Subscription subscribe(long afterSeq, ChangeListener listener);
}
