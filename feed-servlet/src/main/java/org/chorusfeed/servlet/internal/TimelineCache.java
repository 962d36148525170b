package org.chorusfeed.servlet.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The newest unfiltered timeline page as the bytes of its response, one entry per page size. Only the change log
 * invalidates it (every change moves it to a new generation); there is no expiry. An entry made from a read that
 * began before an invalidation carries the older generation and is never served, so a page read just before a
 * change cannot outlive it.
 */
public final class TimelineCache {
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReferenceArray<@Nullable Entry> entries;

    /**
     * A cached response.
     *
     * @param generation the generation it was read in
     * @param body       the JSON bytes
     * @param etag       its weak entity tag
     */
    public record Entry(long generation, byte[] body, String etag) {
    }

    /** A cache for page sizes 1 to {@code maxLimit}. */
    public TimelineCache(int maxLimit) {
        this.entries = new AtomicReferenceArray<>(maxLimit + 1);
    }

    /** The cached page of this size, rendering and caching it first when there is none for this generation. */
    public Entry get(int limit, IntFunction<byte[]> render) {
        long current = generation.get();
        Entry entry = entries.get(limit);
        if (entry != null && entry.generation == current) {
            return entry;
        }
        byte[] body = render.apply(limit);
        Entry fresh = new Entry(current, body, ETags.weak(body));
        // Keep the newer of two racing renders; an entry of an older generation is simply never served.
        entries.accumulateAndGet(limit, fresh, (old, candidate) ->
                old != null && old.generation > candidate.generation ? old : candidate);
        return fresh;
    }

    /** The entry for this size if it is current, else null. */
    public @Nullable Entry peek(int limit) {
        Entry entry = entries.get(limit);
        return entry != null && entry.generation == generation.get() ? entry : null;
    }

    /** Makes every entry stale; called for each change in the change log. */
    public void invalidate() {
        generation.incrementAndGet();
    }
}
