package org.chorusfeed.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeListener;
import org.chorusfeed.changes.ChangeLog;
import org.chorusfeed.changes.Subscription;
import org.chorusfeed.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change log over a store. Each subscription reads the store from its own position on a thread of its own,
 * so a slow listener delays only itself and writers never wait for listeners. The store's commit callback
 * wakes every subscription; a periodic wake-up covers anything a callback could miss.
 */
public final class ChangeFeed implements ChangeLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int BATCH = 500;
    private static final long IDLE_WAKE_MILLIS = 1000;

    private final Store store;
    private final Set<Live> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadCount = new AtomicInteger();
    private volatile boolean closed;

    /** A change feed over this store; it registers itself for the store's commit callbacks. */
    public ChangeFeed(Store store) {
        this.store = store;
        store.onChanges(this::wakeAll);
    }

    @Override
    public List<Change> since(long afterSeq, int limit) {
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq is " + afterSeq + "; it must be 0 or more");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit is " + limit + "; it must be at least 1");
        }
        return store.changesSince(afterSeq, limit);
    }

    @Override
    public long lastSeq() {
        return store.lastSeq();
    }

    @Override
    public Subscription subscribe(ChangeListener listener) {
        return subscribe(store.lastSeq(), listener);
    }

    @Override
    public Subscription subscribe(long afterSeq, ChangeListener listener) {
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq is " + afterSeq + "; it must be 0 or more");
        }
        if (closed) {
            throw new IllegalStateException("Chorus is closed; no new subscriptions");
        }
        Live subscription = new Live(afterSeq, listener);
        live.add(subscription);
        subscription.thread.start();
        return subscription;
    }

    private void wakeAll() {
        for (Live subscription : live) {
            subscription.wake();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Live subscription : live) {
            subscription.close();
        }
    }

    private final class Live implements Subscription {
        private final ChangeListener listener;
        private final Thread thread;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition signal = lock.newCondition();
        private boolean pending;
        private volatile boolean stopped;
        private volatile long position;

        Live(long afterSeq, ChangeListener listener) {
            this.listener = listener;
            this.position = afterSeq;
            this.thread = new Thread(this::run, "chorus-changes-" + threadCount.incrementAndGet());
            this.thread.setDaemon(true);
        }

        void wake() {
            lock.lock();
            try {
                pending = true;
                signal.signal();
            } finally {
                lock.unlock();
            }
        }

        private void run() {
            while (!stopped) {
                try {
                    deliverAvailable();
                    awaitSignal();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (stopped) {
                        return;
                    }
                    LOG.warn("[chorus] reading the change log failed; retrying", e);
                    sleepQuietly();
                }
            }
        }

        private void deliverAvailable() {
            List<Change> batch;
            do {
                batch = store.changesSince(position, BATCH);
                for (Change change : batch) {
                    if (stopped) {
                        return;
                    }
                    position = change.seq();
                    try {
                        listener.onChange(change);
                    } catch (RuntimeException e) {
                        LOG.warn("[chorus] a change listener failed on change {}; delivery goes on", change.seq(), e);
                    }
                }
            } while (batch.size() == BATCH && !stopped);
        }

        private void awaitSignal() throws InterruptedException {
            lock.lock();
            try {
                if (!pending && !stopped) {
                    signal.await(IDLE_WAKE_MILLIS, TimeUnit.MILLISECONDS);
                }
                pending = false;
            } finally {
                lock.unlock();
            }
        }

        private void sleepQuietly() {
            try {
                Thread.sleep(IDLE_WAKE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public long lastDelivered() {
            return position;
        }

        @Override
        public void close() {
            stopped = true;
            live.remove(this);
            thread.interrupt();
            if (Thread.currentThread() != thread) {
                try {
                    thread.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
