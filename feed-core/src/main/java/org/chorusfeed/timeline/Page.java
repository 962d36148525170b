package org.chorusfeed.timeline;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of the timeline, newest first, with opaque cursors to the pages around it.
 *
 * @param items posts of this page, newest first
 * @param next  cursor for the page of older items, present when older items exist
 * @param prev  cursor for the page of newer items, present when newer items exist
 * @param <T>   the item type
 */
public record Page<T>(List<T> items, Optional<String> next, Optional<String> prev) {
    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    /** Whether older items exist beyond this page. */
    public boolean hasOlder() {
        return next.isPresent();
    }

    /** Whether newer items exist beyond this page. */
    public boolean hasNewer() {
        return prev.isPresent();
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next, prev);
    }
}
