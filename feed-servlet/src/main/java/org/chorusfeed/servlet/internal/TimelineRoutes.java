package org.chorusfeed.servlet.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.timeline.Page;
import org.chorusfeed.timeline.TimelineQuery;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/timeline}: the most read URL. Its newest unfiltered page, for anonymous readers, is a lookup
 * in the {@link TimelineCache} and a write of cached bytes; every other page is read and rendered.
 */
final class TimelineRoutes {
    private final Chorus chorus;
    private final TimelineCache cache;
    private final People people;

    TimelineRoutes(Chorus chorus, TimelineCache cache, People people) {
        this.chorus = chorus;
        this.cache = cache;
        this.people = people;
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
        Page<Post> page = chorus.timeline().read(TimelineQueries.from(query));
        x.jsonTagged(page(page, reader), reader == null ? "no-cache" : "private, no-cache");
    }

    private byte[] renderNewest(int limit) {
        Page<Post> page = chorus.timeline().read(TimelineQuery.latest().limit(limit));
        return Representations.MAPPER.writeValueAsBytes(page(page, null));
    }

    /** A page: {@code {"items":[...],"next":...,"prev":...}}; with a reader, each post says if they appreciate it. */
    private ObjectNode page(Page<Post> page, @Nullable Member reader) {
        Directory directory = new Directory(chorus, people);
        page.items().forEach(directory::remember);
        Set<PostId> appreciated = reader == null ? Set.of()
                : new HashSet<>(chorus.posts().appreciatedBy(reader.id(), ids(page.items())));
        ObjectNode node = Representations.object();
        ArrayNode items = node.putArray("items");
        for (Post post : page.items()) {
            items.add(Representations.post(post, directory, reader == null ? null : appreciated.contains(post.id())));
        }
        node.put("next", page.next().orElse(null));
        node.put("prev", page.prev().orElse(null));
        return node;
    }

    private static List<PostId> ids(List<Post> posts) {
        return posts.stream().map(Post::id).toList();
    }
}
