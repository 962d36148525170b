package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimelineCacheTest {
    private final AtomicInteger renders = new AtomicInteger();

    private byte[] render(int limit) {
        return ("page " + limit + " render " + renders.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void get_rendersOncePerSize_untilInvalidated() {
        TimelineCache cache = new TimelineCache(100);
        TimelineCache.Entry first = cache.get(20, this::render);
        assertThat(cache.get(20, this::render)).isSameAs(first);
        assertThat(renders).hasValue(1);
        cache.get(5, this::render);
        assertThat(renders).hasValue(2);
        assertThat(first.etag()).startsWith("W/\"");

        cache.invalidate();
        TimelineCache.Entry second = cache.get(20, this::render);
        assertThat(second).isNotSameAs(first);
        assertThat(second.etag()).isNotEqualTo(first.etag());
        assertThat(renders).hasValue(3);
        assertThat(cache.peek(5)).as("every size is invalidated").isNull();
    }

    @Test
    void aPageRenderedBeforeAChange_isNeverServedAfterIt() {
        TimelineCache cache = new TimelineCache(100);
        // The render reads the timeline, then a change lands and invalidates before the render is stored.
        TimelineCache.Entry stale = cache.get(20, limit -> {
            byte[] before = render(limit);
            cache.invalidate();
            return before;
        });
        assertThat(cache.peek(20)).isNull();
        TimelineCache.Entry fresh = cache.get(20, this::render);
        assertThat(fresh).isNotSameAs(stale);
        assertThat(cache.get(20, this::render)).isSameAs(fresh);
    }

    @Test
    void nothingButInvalidate_expiresAnEntry() throws InterruptedException {
        TimelineCache cache = new TimelineCache(100);
        TimelineCache.Entry entry = cache.get(1, this::render);
        Thread.sleep(20);
        assertThat(cache.peek(1)).isSameAs(entry);
    }
}
