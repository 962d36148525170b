package org.chorusfeed.servlet.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.chorusfeed.Chorus;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeLog;

/**
 * Every live-stream connection of one servlet. Fed by the servlet's one change-log subscription: each change is
 * rendered once, here, and handed to the {@link StreamShards}, whose writer threads offer it to every connection
 * (which filters it) and send the heartbeats. The threads stop on {@link #close()}.
 */
final class StreamHub implements Consumer<Change>, AutoCloseable {
    private final Chorus chorus;
    private final StreamEvents events;
    private final int maxConnections;
    private final StreamShards clients;
    private final AtomicInteger reserved = new AtomicInteger();

    StreamHub(Chorus chorus, People people, int maxConnections, Duration heartbeatInterval) {
        this.chorus = chorus;
        this.events = new StreamEvents(chorus, people);
        this.maxConnections = maxConnections;
        this.clients = new StreamShards(StreamShards.threadsFor(Runtime.getRuntime().availableProcessors()),
                heartbeatInterval);
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
        if (clients.size() == 0) {
            return;
        }
        clients.offer(change.seq(), events.render(change));
    }

    /** Waits until every change accepted so far has been offered to every connection (for tests). */
    void awaitDelivered() throws InterruptedException {
        clients.awaitIdle();
    }

    /** Ends every connection and stops the writer threads. */
    @Override
    public void close() {
        clients.close();
    }
}
