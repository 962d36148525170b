package org.chorusfeed.servlet.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.chorusfeed.Chorus;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeLog;

/**
 * Every live-stream connection of one servlet. Fed by the servlet's one change-log subscription: each change is
 * rendered once and offered to every connection, which filters it. One daemon thread sends heartbeats; it stops
 * on {@link #close()}.
 */
final class StreamHub implements Consumer<Change>, AutoCloseable {
    private final Chorus chorus;
    private final StreamEvents events;
    private final int maxConnections;
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reserved = new AtomicInteger();
    private final ScheduledExecutorService heartbeat;

    StreamHub(Chorus chorus, People people, int maxConnections, Duration heartbeatInterval) {
        this.chorus = chorus;
        this.events = new StreamEvents(chorus, people);
        this.maxConnections = maxConnections;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chorus-stream-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long millis = heartbeatInterval.toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    ChangeLog changes() {
        return chorus.changes();
    }

    StreamEvents events() {
        return events;
    }

    /** Takes a place for a new connection; false when the cap is reached. */
    boolean tryReserve() {
        if (reserved.incrementAndGet() > maxConnections) {
            reserved.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives back a place taken by {@link #tryReserve()} for a connection that never registered. */
    void release() {
        reserved.decrementAndGet();
    }

    void register(StreamClient client) {
        clients.add(client);
    }

    void remove(StreamClient client) {
        if (clients.remove(client)) {
            reserved.decrementAndGet();
        }
    }

    /** How many connections are open. */
    int connections() {
        return clients.size();
    }

    @Override
    public void accept(Change change) {
        if (clients.isEmpty()) {
            return;
        }
        StreamEvent event = events.render(change);
        for (StreamClient client : clients) {
            client.offer(change.seq(), event);
        }
    }

    private void beat() {
        for (StreamClient client : clients) {
            try {
                client.heartbeat();
            } catch (RuntimeException e) {
                client.close();
            }
        }
    }

    /** Ends every connection and stops the heartbeat thread. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        for (StreamClient client : clients) {
            client.close();
        }
    }
}
