package org.chorusfeed.servlet.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * in the {@link TimelineCache} and a write of cached bytes. Every other page is read from the store and assembled
 * from each post's kept JSON ({@link PostJson}); its weak entity tag comes from the change log's position rather
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
        long generation = posts.generation();
        Page<Post> page = chorus.timeline().read(timelineQuery);
        x.sendTagged(Exchange.JSON, render(page, reader, generation), etag, cacheControl);
    }

    private byte[] renderNewest(int limit) {
        long generation = posts.generation();
        return render(chorus.timeline().read(TimelineQuery.latest().limit(limit)), null, generation);
    }

    /**
     * A page: {@code {"items":[...],"next":...,"prev":...}}, the same bytes Jackson would write for the tree of
     * {@link Representations#post}s; with a reader, each post also says if they appreciate it.
     *
     * @param generation {@link PostJson#generation()} read before the page was
     */
    private byte[] render(Page<Post> page, @Nullable Member reader, long generation) {
        List<Post> items = page.items();
        List<byte[]> rendered = new ArrayList<>(items.size());
        List<Post> missing = new ArrayList<>();
        for (Post post : items) {
            byte[] json = posts.cached(post, PostJson.View.PUBLIC, generation);
            rendered.add(json);
            if (json == null) {
                missing.add(post);
            }
        }
        if (!missing.isEmpty()) {
            Directory directory = new Directory(chorus, people);
            items.forEach(directory::remember);
            directory.rememberRepliedTo(missing);
            for (int i = 0; i < items.size(); i++) {
                if (rendered.get(i) == null) {
                    rendered.set(i, posts.render(items.get(i), PostJson.View.PUBLIC, directory, generation));
                }
            }
        }
        if (reader != null) {
            Set<PostId> appreciated = items.isEmpty() ? Set.of()
                    : new HashSet<>(chorus.posts().appreciatedBy(reader.id(), ids(items)));
            for (int i = 0; i < items.size(); i++) {
                rendered.set(i, PostJson.withField(rendered.get(i), "appreciatedByMe",
                        appreciated.contains(items.get(i).id())));
            }
        }
        return page(rendered, page.next(), page.prev());
    }

    private static byte[] page(List<byte[]> items, Optional<String> next, Optional<String> prev) {
        int size = 64;
        for (byte[] item : items) {
            size += item.length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(ITEMS);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i));
        }
        out.writeBytes(NEXT);
        out.writeBytes(Representations.MAPPER.writeValueAsBytes(next.orElse(null)));
        out.writeBytes(PREV);
        out.writeBytes(Representations.MAPPER.writeValueAsBytes(prev.orElse(null)));
        out.write('}');
        return out.toByteArray();
    }

    private static List<PostId> ids(List<Post> posts) {
        return posts.stream().map(Post::id).toList();
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
