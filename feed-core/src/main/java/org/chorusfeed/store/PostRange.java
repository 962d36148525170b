package org.chorusfeed.store;

import java.util.List;

/**
 * The posts (or their ids) of a {@link PostSelection}, and whether the selection matches any post on the far side of its cursor:
 * at or after a {@code before} cursor, at or before an {@code after} cursor (false without a cursor). A page uses it
 * to know whether a page lies beyond it in the other direction.
 *
 * @param <T>          {@link org.chorusfeed.post.Post} or {@link org.chorusfeed.post.PostId}
 * @param items        the rows, in the selection's order
 * @param beyondCursor whether a matching post lies on the cursor's other side
 */
public record PostRange<T>(List<T> items, boolean beyondCursor) {
    /** Copies the list. */
    public PostRange {
        items = List.copyOf(items);
    }
}
