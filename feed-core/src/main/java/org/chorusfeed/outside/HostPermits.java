package org.chorusfeed.outside;

import java.util.HashMap;
import java.util.Map;
import org.chorusfeed.outside.FetchRefusedException.Reason;

/** Limits how many fetches talk to one host at a time; the rest wait, within their deadline. */
final class HostPermits {
    private final int perHost;
    private final Map<String, Integer> inUse = new HashMap<>();
    private boolean closed;

    HostPermits(int perHost) {
        this.perHost = perHost;
    }

    /** Waits until fewer than the limit of fetches talk to {@code host}, then counts this one. */
    synchronized void acquire(String host, Deadline deadline, String url) throws FetchRefusedException {
        while (!closed && inUse.getOrDefault(host, 0) >= perHost) {
            long millis = deadline.remainingMillis();
            if (millis == 0) {
                throw deadline.timedOut(url);
            }
            try {
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchRefusedException(Reason.CLOSED, url, "the fetch was interrupted");
            }
        }
        if (closed) {
            throw new FetchRefusedException(Reason.CLOSED, url, "the fetcher was closed");
        }
        inUse.merge(host, 1, Integer::sum);
    }

    /** Counts a fetch to {@code host} as done and wakes those waiting. */
    synchronized void release(String host) {
        inUse.computeIfPresent(host, (name, count) -> count == 1 ? null : count - 1);
        notifyAll();
    }

    /** Refuses further permits and wakes those waiting, who then give up. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
