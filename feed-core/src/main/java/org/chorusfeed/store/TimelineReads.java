package org.chorusfeed.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;

/** Reads that serve a timeline page in as few statements as possible. Part of {@link Store}. */
public interface TimelineReads {

    /**
     * The posts with these ids that exist, by id, read together (one statement on a database, not one per id).
     * Ids of posts that do not exist are left out; duplicates count once.
     */
    Map<PostId, Post> findPosts(Collection<PostId> ids);

    /** The posts of a keyset range; see {@link PostSelection} for the order. */
    List<Post> posts(PostSelection selection);

    /**
     * The posts of a keyset range and whether a matching post lies beyond its cursor ({@link PostRange}). This
     * default reads twice; a database store answers both in one statement.
     */
    default PostRange<Post> postRange(PostSelection selection) {
        return new PostRange<>(posts(selection), beyondCursor(selection));
    }

    /** {@link #postRange} as post ids only. This default reads whole posts; a database store reads only ids. */
    default PostRange<PostId> postIdRange(PostSelection selection) {
        PostRange<Post> range = postRange(selection);
        return new PostRange<>(range.items().stream().map(Post::id).toList(), range.beyondCursor());
    }

    private boolean beyondCursor(PostSelection selection) {
        Optional<PostSelection> probe = Optional.empty();
        if (selection.before().isPresent()) {
            long before = selection.before().get().value();
            // at or after the cursor: greater than the id just below it (every id when there is none)
            probe = Optional.of(selection.range(Optional.empty(),
                    before > 1 ? Optional.of(new PostId(before - 1)) : Optional.empty(), 1));
        } else if (selection.after().isPresent()) {
            long after = selection.after().get().value();
            probe = Optional.of(selection.range(after < Long.MAX_VALUE ? Optional.of(new PostId(after + 1))
                    : Optional.empty(), Optional.empty(), 1));
        }
        return probe.isPresent() && !posts(probe.get()).isEmpty();
    }
}
