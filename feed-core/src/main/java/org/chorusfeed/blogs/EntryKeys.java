package org.chorusfeed.blogs;

import java.util.Objects;
import java.util.Optional;

/**
 * What recognises an entry across fetches, strongest first: its id (RSS guid, Atom id, JSON Feed id, h-entry
 * uid), its link normalised, and its title with its date. Two entries are the same when any key both have is
 * equal, so a changed GUID (same link) or an edited entry (same id) updates one post instead of adding a second.
 *
 * @param id           the entry's id as the feed gives it
 * @param link         the link without scheme, default port, fragment or trailing slashes:
 *                     {@code ada.example/2026/11/kick-off}, so http and https, with or without {@code /}, are equal
 * @param titleAndDate the plain-text title and the date ({@code "undated"} when none), when there is a title
 */
public record EntryKeys(Optional<String> id, Optional<String> link, Optional<String> titleAndDate) {

    /** Checks that no part is null and at least one key is present. */
    public EntryKeys {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(titleAndDate, "titleAndDate");
        if (id.isEmpty() && link.isEmpty() && titleAndDate.isEmpty()) {
            throw new IllegalArgumentException("an entry needs an id, a link or a title to be recognised");
        }
    }

    /** The strongest key, prefixed with its kind: {@code id:...}, {@code link:...} or {@code title:...}. */
    public String primary() {
        return id.map(value -> "id:" + value)
                .or(() -> link.map(value -> "link:" + value))
                .orElseGet(() -> "title:" + titleAndDate.orElseThrow());
    }

    /** Whether {@code other} is the same entry: some key both have is equal. */
    public boolean matches(EntryKeys other) {
        return same(id, other.id) || same(link, other.link) || same(titleAndDate, other.titleAndDate);
    }

    private static boolean same(Optional<String> one, Optional<String> other) {
        return one.isPresent() && one.equals(other);
    }
}
