package org.chorusfeed.store;

import java.util.List;
import org.chorusfeed.post.Post;

/**
 * The posts of a {@link PostSelection}, and whether the selection matches any post on the far side of its cursor:
 * at or after a {@code before} cursor, at or before an {@code after} cursor (false without a cursor). A page uses it
 * to know whether a page lies beyond it in the other direction.
 *
 * @param posts        the rows, in the selection's order
 * @param beyondCursor whether a matching post lies on the cursor's other side
 */
public record PostRange(List<Post> posts, boolean beyondCursor) {
    /** Copies the list. */
    public PostRange {
        posts = List.copyOf(posts);
    }
}
