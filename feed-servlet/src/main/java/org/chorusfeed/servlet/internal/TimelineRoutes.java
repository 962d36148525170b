package org.chorusfeed.servlet.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.timeline.Page;
import org.chorusfeed.timeline.TimelineQuery;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/timeline}: the most read URL. Its newest unfiltered page, for anonymous readers, is a lookup
 * in the {@link TimelineCache} and a write of cached bytes. Every other page is read from the store as post ids
 * and assembled from each post's kept JSON ({@link PostJson}); its weak entity tag comes from the change log's position rather
 * than the body ({@link TimelineTags}), so a matching {@code If-None-Match} is answered before anything is read.
 */
final class TimelineRoutes {
    private static final byte[] ITEMS = bytes("{\"items\":[");
    private static final byte[] NEXT = bytes("],\"next\":");
    private static final byte[] PREV = bytes(",\"prev\":");

    private final Chorus chorus;
    private final TimelineCache cache;
    private final People people;
    private final PostJson posts;
    private final TimelineTags tags;

    /**
     * The timeline's route.
     *
     * @param processedSeq the seq of the last change the servlet's caches have handled (for entity tags)
     */
    TimelineRoutes(Chorus chorus, TimelineCache cache, People people, PostJson posts, LongSupplier processedSeq) {
        this.chorus = chorus;
        this.cache = cache;
        this.people = people;
        this.posts = posts;
        this.tags = new TimelineTags(processedSeq);
    }

    void addTo(RouteTable.Builder table) {
        table.add("GET", "/api/timeline", Access.READ, this::timeline);
    }

    private void timeline(Exchange x) throws IOException {
        QueryString query = x.queryString();
        Member reader = x.caller().member().orElse(null);
        if (reader == null && TimelineQueries.isNewestUnfiltered(query)) {
            TimelineCache.Entry entry = cache.get(TimelineQueries.limit(query), this::renderNewest);
            x.sendTagged(Exchange.JSON, entry.body(), entry.etag(), "no-cache");
            return;
        }
        TimelineQuery timelineQuery = TimelineQueries.from(query);
        String cacheControl = reader == null ? "no-cache" : "private, no-cache";
        // The tag before the read: the page then shows the state at that seq or later, never earlier.
        String etag = tags.of(timelineQuery, reader);
        if (x.notModified(etag, cacheControl)) {
            return;
        }
        long stamp = posts.stamp();
        Page<PostId> page = chorus.timeline().readIds(timelineQuery);
        x.sendTagged(Exchange.JSON, render(page, reader, stamp), etag, cacheControl);
    }

    private byte[] renderNewest(int limit) {
        long stamp = posts.stamp();
        return render(chorus.timeline().readIds(TimelineQuery.latest().limit(limit)), null, stamp);
    }

    /**
     * A page: {@code {"items":[...],"next":...,"prev":...}}, the same bytes Jackson would write for the tree of
     * {@link Representations#post}s; with a reader, each post also says if they appreciate it. Posts without kept
     * JSON are read together and rendered; one deleted since its id was read is left out.
     *
     * @param stamp {@link PostJson#stamp()} read before the page was
     */
    private byte[] render(Page<PostId> page, @Nullable Member reader, long stamp) {
        List<PostId> ids = page.items();
        List<byte @Nullable []> rendered = new ArrayList<>(ids.size());
        List<PostId> missing = new ArrayList<>();
        for (PostId id : ids) {
            byte[] json = posts.cached(id, PostJson.View.PUBLIC);
            rendered.add(json);
            if (json == null) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<PostId, Post> found = chorus.posts().findAll(missing);
            Directory directory = new Directory(chorus, people);
            found.values().forEach(directory::remember);
            directory.rememberRepliedTo(found.values());
            for (int i = 0; i < ids.size(); i++) {
                Post post = rendered.get(i) == null ? found.get(ids.get(i)) : null;
                if (post != null) {
                    rendered.set(i, posts.render(post, PostJson.View.PUBLIC, directory, stamp));
                }
            }
        }
        List<byte[]> items = new ArrayList<>(ids.size());
        List<PostId> shown = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            byte[] json = rendered.get(i);
            if (json != null) {
                items.add(json);
                shown.add(ids.get(i));
            }
        }
        if (reader != null && !shown.isEmpty()) {
            Set<PostId> appreciated = new HashSet<>(chorus.posts().appreciatedBy(reader.id(), shown));
            for (int i = 0; i < items.size(); i++) {
                items.set(i, PostJson.withField(items.get(i), "appreciatedByMe", appreciated.contains(shown.get(i))));
            }
        }
        return page(items, page.next(), page.prev());
    }

    private static byte[] page(List<byte[]> items, Optional<String> next, Optional<String> prev) {
        byte[] nextJson = Representations.MAPPER.writeValueAsBytes(next.orElse(null));
        byte[] prevJson = Representations.MAPPER.writeValueAsBytes(prev.orElse(null));
        int size = ITEMS.length + Math.max(0, items.size() - 1) + NEXT.length + nextJson.length + PREV.length
                + prevJson.length + 1;
        for (byte[] item : items) {
            size += item.length;
        }
        byte[] page = new byte[size];
        int at = put(page, 0, ITEMS);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                page[at++] = ',';
            }
            at = put(page, at, items.get(i));
        }
        at = put(page, at, NEXT);
        at = put(page, at, nextJson);
        at = put(page, at, PREV);
        at = put(page, at, prevJson);
        page[at] = '}';
        return page;
    }

    private static int put(byte[] target, int at, byte[] source) {
        System.arraycopy(source, 0, target, at, source.length);
        return at + source.length;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
