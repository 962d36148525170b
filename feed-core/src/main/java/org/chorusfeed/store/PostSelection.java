package org.chorusfeed.store;

import java.util.Optional;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.SourceKind;

/**
 * A keyset range of posts with filters, as a store reads it.
 *
 * <p>With {@code after}, the store returns the {@code limit} posts with ids greater than it, <em>oldest
 * first</em>; otherwise the {@code limit} posts with ids less than {@code before} (or the newest),
 * newest first.
 *
 * @param before         exclusive upper bound
 * @param after          exclusive lower bound
 * @param limit          most rows to return, at least 1
 * @param author         only this author
 * @param organisation   only authors currently in this organisation
 * @param tag            only posts with this tag, lower-cased with {@code Locale.ROOT}
 * @param includeReplies whether replies are included
 * @param source         only this source kind
 */
public record PostSelection(Optional<PostId> before, Optional<PostId> after, int limit, Optional<MemberId> author,
        Optional<String> organisation, Optional<String> tag, boolean includeReplies, Optional<SourceKind> source) {
    /** Checks the bounds. */
    public PostSelection {
        if (before.isPresent() && after.isPresent()) {
            throw new IllegalArgumentException("a selection has either a 'before' or an 'after' bound, not both");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit is " + limit + "; it must be at least 1");
        }
    }

    /** The newest {@code limit} posts, unfiltered. */
    public static PostSelection newest(int limit) {
        return new PostSelection(Optional.empty(), Optional.empty(), limit, Optional.empty(), Optional.empty(),
                Optional.empty(), true, Optional.empty());
    }

    /** Whether the store returns rows oldest first. */
    public boolean ascending() {
        return after.isPresent();
    }

    /** The same filters over another range. */
    public PostSelection range(Optional<PostId> newBefore, Optional<PostId> newAfter, int newLimit) {
        return new PostSelection(newBefore, newAfter, newLimit, author, organisation, tag, includeReplies, source);
    }
}
