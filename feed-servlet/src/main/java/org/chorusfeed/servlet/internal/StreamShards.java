package org.chorusfeed.servlet.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The live-stream connections split over a few writer threads, so that one post reaches thousands of connections
 * on every core at once rather than one after another on the change log's thread.
 *
 * <p>Each shard is one thread with its own share of the connections. An event is handed to every shard in seq
 * order, and each shard's thread runs what it is handed in that order (a single-thread executor is first in,
 * first out), so every connection still sees the changes in seq order; and a change handed over after a
 * connection registered reaches it together with every later change, which is what its replay hand-over relies
 * on ({@link StreamClient}).
 *
 * <p>The same threads send heartbeats, staggered: each connection belongs to one of {@value #SLICES} slices, and
 * every {@code interval / SLICES} one slice beats, so the writes of a heartbeat round spread over the interval.
 * The threads are daemons and stop on {@link #close()}.
 */
final class StreamShards implements AutoCloseable {
    /** How many parts a heartbeat round is spread over. */
    static final int SLICES = 16;

    private final Shard[] shards;
    private final Map<StreamClient, Shard> placement = new ConcurrentHashMap<>();
    private final AtomicInteger registrations = new AtomicInteger();

    /** Shards on {@code threads} threads, each beating its connections once per {@code heartbeatInterval}. */
    StreamShards(int threads, Duration heartbeatInterval) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads is " + threads + "; give at least 1");
        }
        long tick = Math.max(1, heartbeatInterval.toNanos() / SLICES);
        shards = new Shard[threads];
        for (int i = 0; i < threads; i++) {
            shards[i] = new Shard("chorus-stream-" + (i + 1), tick);
        }
    }

    /** The writer threads for this many cores: one per core, at most four. */
    static int threadsFor(int cores) {
        return Math.max(1, Math.min(cores, 4));
    }

    /** Places a connection on the next shard, in the next heartbeat slice. */
    void add(StreamClient client) {
        int n = registrations.getAndIncrement() & Integer.MAX_VALUE;
        Shard shard = shards[n % shards.length];
        shard.clients.put(client, (n / shards.length) % SLICES);
        placement.put(client, shard);
    }

    /** Removes a connection; false when it was not there. */
    boolean remove(StreamClient client) {
        Shard shard = placement.remove(client);
        if (shard == null) {
            return false;
        }
        shard.clients.remove(client);
        return true;
    }

    /** How many connections there are. */
    int size() {
        return placement.size();
    }

    /** Hands a change (and its event; null when it sends none) to every shard, which offers it to its connections. */
    void offer(long seq, @Nullable StreamEvent event) {
        for (Shard shard : shards) {
            if (!shard.clients.isEmpty()) {
                shard.run(() -> shard.offer(seq, event));
            }
        }
    }

    /** Waits until every shard has done what it was handed before this call (for tests). */
    void awaitIdle() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(shards.length);
        for (Shard shard : shards) {
            shard.run(done::countDown);
        }
        done.await(10, TimeUnit.SECONDS);
    }

    /** Closes every connection and stops the threads. */
    @Override
    public void close() {
        for (Shard shard : shards) {
            shard.executor.shutdownNow();
        }
        for (StreamClient client : placement.keySet()) {
            client.close();
        }
    }

    private static final class Shard {
        /** Each connection with its heartbeat slice. */
        final Map<StreamClient, Integer> clients = new ConcurrentHashMap<>();
        final ScheduledThreadPoolExecutor executor;
        private int tick;

        Shard(String name, long tickNanos) {
            executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            executor.scheduleAtFixedRate(this::beat, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
        }

        void run(Runnable task) {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException closed) {
                // the hub is closing; its connections are being closed
            }
        }

        void offer(long seq, @Nullable StreamEvent event) {
            for (StreamClient client : clients.keySet()) {
                client.offer(seq, event);
            }
        }

        private void beat() {
            int slice = tick++ % SLICES;
            for (Map.Entry<StreamClient, Integer> entry : clients.entrySet()) {
                if (entry.getValue() == slice) {
                    try {
                        entry.getKey().heartbeat();
                    } catch (RuntimeException e) {
                        entry.getKey().close();
                    }
                }
            }
        }
    }
}
