package org.chorusfeed.servlet.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.chorusfeed.changes.Change;
import org.jspecify.annotations.Nullable;

/**
 * One live-stream connection. No thread of its own: events are written with the Servlet API's non-blocking
 * output from whichever thread has them (its {@link StreamShards} writer thread for live events and heartbeats,
 * the container when the socket can take more), one at a time under this object's lock.
 *
 * <p>A connection starts by <em>replaying</em> the change log after its {@code Last-Event-ID}, a batch at a time
 * as the client takes them, while live changes wait in {@code held}. Replay ends at the first change the
 * fan-out delivered after the connection registered (or when the log has nothing more); from there on the held
 * and then live changes follow. Every change up to {@link #position} has been sent or filtered out, so nothing
 * is lost and nothing sent twice. Both queues are bounded: a client that falls behind is disconnected and comes
 * back with its {@code Last-Event-ID}.
 */
final class StreamClient implements WriteListener, AsyncListener {
    private static final int REPLAY_BATCH = 64;

    private final StreamHub hub;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final StreamFilter filter;
    private final int capacity;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>(4);
    private @Nullable ArrayDeque<StreamEvent> held;
    private long position;
    private long firstLiveSeq;
    private boolean replaying = true;
    private boolean fetching;
    private boolean unflushed;
    private boolean closed;

    StreamClient(StreamHub hub, AsyncContext async, ServletOutputStream out, StreamFilter filter, long position,
            int capacity) {
        this.hub = hub;
        this.async = async;
        this.out = out;
        this.filter = filter;
        this.position = position;
        this.capacity = capacity;
    }

    /** Queues bytes to send first (the preamble). */
    synchronized void enqueue(byte[] frame) {
        queue.add(frame);
    }

    /**
     * A change the fan-out delivered, with its event (null when it sends none). Takes this connection's lock once:
     * a live event is queued and written in the same hold.
     */
    void offer(long seq, @Nullable StreamEvent event) {
        boolean failed;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (replaying) {
                if (firstLiveSeq == 0) {
                    firstLiveSeq = seq;
                }
                if (event == null || !filter.matches(event)) {
                    return;
                }
                if (held == null) {
                    held = new ArrayDeque<>(4);
                }
                held.add(event);
                failed = held.size() > capacity;
            } else {
                if (seq <= position) {
                    return;
                }
                position = seq;
                if (event == null || !filter.matches(event)) {
                    return;
                }
                queue.add(event.frame());
                failed = queue.size() > capacity || !writeQuietly();
            }
        }
        if (failed) {
            close();
        }
    }

    /**
     * Sends a heartbeat comment if nothing else is waiting; it carries the position as the last event id. Takes
     * this connection's lock once.
     */
    void heartbeat() {
        boolean failed;
        synchronized (this) {
            if (closed || replaying || !queue.isEmpty()) {
                return;
            }
            String beat = position > 0 ? ": heartbeat\nid: " + position + "\n\n" : ": heartbeat\n\n";
            queue.add(beat.getBytes(StandardCharsets.US_ASCII));
            failed = !writeQuietly();
        }
        if (failed) {
            close();
        }
    }

    /** Under the lock: {@link #writeQueued()}; false when the connection failed. */
    private boolean writeQuietly() {
        try {
            writeQueued();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void onWritePossible() {
        pump();
    }

    /** Writes what is queued while the connection takes it; while replaying, fetches the next batch. */
    private void pump() {
        try {
            while (true) {
                long from;
                synchronized (this) {
                    if (closed || !writeQueued() || !replaying || fetching) {
                        return;
                    }
                    fetching = true;
                    from = position;
                }
                replayBatch(from);
            }
        } catch (IOException | RuntimeException e) {
            close();
        }
    }

    /** Under the lock: writes while the output is ready; false when it is not (the container calls back). */
    private boolean writeQueued() throws IOException {
        while (true) {
            if (!out.isReady()) {
                return false;
            }
            byte[] next = queue.poll();
            if (next == null) {
                break;
            }
            out.write(next);
            unflushed = true;
        }
        if (unflushed) {
            unflushed = false;
            out.flush();
            return out.isReady();
        }
        return true;
    }

    private void replayBatch(long from) {
        List<Change> batch = hub.changes().since(from, REPLAY_BATCH);
        List<@Nullable StreamEvent> events = new ArrayList<>(batch.size());
        for (Change change : batch) {
            events.add(hub.events().render(change));
        }
        synchronized (this) {
            fetching = false;
            if (closed) {
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                long seq = batch.get(i).seq();
                if (firstLiveSeq != 0 && seq >= firstLiveSeq) {
                    goLive();
                    return;
                }
                position = seq;
                StreamEvent event = events.get(i);
                if (event != null && filter.matches(event)) {
                    queue.add(event.frame());
                }
            }
            if (batch.isEmpty()) {
                goLive();
            }
        }
    }

    /** Under the lock: the replay has caught up; the held live events follow, and from now on live ones. */
    private void goLive() {
        replaying = false;
        if (held != null) {
            for (StreamEvent event : held) {
                if (event.seq() > position) {
                    position = event.seq();
                    queue.add(event.frame());
                }
            }
            held = null;
        }
    }

    /** Ends the connection (the client may resume with its Last-Event-ID) and frees its place. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            held = null;
        }
        hub.remove(this);
        try {
            async.complete();
        } catch (IllegalStateException alreadyComplete) {
            // the container completed it first (client gone); nothing left to do
        }
    }

    @Override
    public void onError(Throwable failure) {
        close();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
