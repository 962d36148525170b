package org.chorusfeed.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.store.PostRange;
import org.chorusfeed.store.PostSelection;
import org.chorusfeed.store.Store;
import org.chorusfeed.timeline.Page;
import org.chorusfeed.timeline.Timeline;
import org.chorusfeed.timeline.TimelineQuery;

/**
 * {@link Timeline} over a store: keyset pages by post id. A page reads one row more than it shows to learn
 * whether more lie beyond it, and learns in the same read whether any lie on the other side of its cursor
 * ({@link Store#postRange}); never an offset.
 */
public final class StoreTimeline implements Timeline {
    private final Store store;

    /** The timeline of this store. */
    public StoreTimeline(Store store) {
        this.store = store;
    }

    @Override
    public Page<Post> read(TimelineQuery query) {
        return read(query, store::postRange, Post::id);
    }

    @Override
    public Page<PostId> readIds(TimelineQuery query) {
        return read(query, store::postIdRange, id -> id);
    }

    private <T> Page<T> read(TimelineQuery query, Function<PostSelection, PostRange<T>> reads, Function<T, PostId> ids) {
        Optional<PostId> before = query.before().map(Cursors::decode);
        Optional<PostId> after = query.after().map(Cursors::decode);
        Optional<MemberId> author = Optional.empty();
        if (query.member().isPresent()) {
            Optional<Member> member = store.findMemberByHandle(query.member().get());
            if (member.isEmpty()) {
                return new Page<>(List.of(), Optional.empty(), Optional.empty());
            }
            author = member.map(Member::id);
        }
        PostSelection selection = new PostSelection(before, after, query.limit() + 1, author, query.organisation(),
                query.tag().map(t -> t.toLowerCase(Locale.ROOT)), query.includeReplies(), query.source());
        PostRange<T> range = reads.apply(selection);
        List<T> rows = range.items();
        boolean more = rows.size() > query.limit();
        List<T> items = new ArrayList<>(more ? rows.subList(0, query.limit()) : rows);
        if (after.isPresent()) {
            Collections.reverse(items);
            // older posts exist at or before the cursor, so just below the oldest post shown
            Optional<String> older = range.beyondCursor() ? Optional.of(Cursors.encode(items.isEmpty()
                    ? after.get().next() : ids.apply(items.get(items.size() - 1)))) : Optional.empty();
            return new Page<>(items, older, more ? cursor(items, 0, ids) : Optional.empty());
        }
        Optional<String> next = more ? cursor(items, items.size() - 1, ids) : Optional.empty();
        // newer posts exist at or after the cursor, so just above the newest post shown
        Optional<String> prev = before.isPresent() && range.beyondCursor() ? Optional.of(Cursors.encode(
                items.isEmpty() ? previous(before.get()) : ids.apply(items.get(0)))) : Optional.empty();
        return new Page<>(items, next, prev);
    }

    private static <T> Optional<String> cursor(List<T> items, int index, Function<T, PostId> ids) {
        return items.isEmpty() ? Optional.empty() : Optional.of(Cursors.encode(ids.apply(items.get(index))));
    }

    private static PostId previous(PostId id) {
        return id.value() > 1 ? new PostId(id.value() - 1) : id;
    }
}
