package org.chorusfeed.blogs;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.chorusfeed.text.TextRules;

/**
 * One entry of a member's blog, as plain text, ready to become a post of that member.
 *
 * <pre>{@code
 * for (BlogEntry entry : feed.newest(5)) {
 *     String text = entry.toPostText(rules);          // "Title — excerpt… https://ada.example/post"
 *     Instant time = entry.timeIn(arrival);           // never later than its arrival
 * }
 * }</pre>
 *
 * @param keys    what recognises it on the next fetch
 * @param link    the original, an absolute http(s) URL resolved against the feed
 * @param title   the title as plain text (HTML reduced to its text); may be empty, as for notes
 * @param excerpt the beginning of the entry's summary or content as plain text, cut with "…" when shortened;
 *                may be empty
 * @param date    the date the feed claims (published, else updated), if it gives a readable one
 */
public record BlogEntry(EntryKeys keys, Optional<URI> link, String title, String excerpt, Optional<Instant> date) {

    /** Checks that no part is null and that the entry shows something. */
    public BlogEntry {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(date, "date");
        if (title.isBlank() && excerpt.isBlank() && link.isEmpty()) {
            throw new IllegalArgumentException("an entry needs a title, an excerpt or a link");
        }
        link.ifPresent(Links::requireWeb);
    }

    /** The strongest key, for logs and maps: see {@link EntryKeys#primary()}. */
    public String key() {
        return keys.primary();
    }

    /** Whether {@code other} is this entry, perhaps edited or with a changed id: see {@link EntryKeys#matches}. */
    public boolean isSameEntryAs(BlogEntry other) {
        return keys.matches(other.keys);
    }

    /**
     * The entry's time in the network (DESIGN rule 2): the earlier of its own date and its arrival, so never in the
     * future whatever the feed claims; its arrival when it has no date.
     *
     * @param arrival when the entry reached the network (the fetch that first saw it)
     */
    public Instant timeIn(Instant arrival) {
        Objects.requireNonNull(arrival, "arrival");
        return date.filter(claimed -> claimed.isBefore(arrival)).orElse(arrival);
    }

    /**
     * The post text for this entry within the rules: {@code "Title — excerpt… link"}. When too long, the excerpt is
     * shortened first, then the title, each at a word (or else a character) boundary and marked with "…" (when not
     * even a shortened title fits, the text is "… link"); the link is never cut, and no user-perceived character or
     * link in the text is split.
     *
     * @throws IllegalArgumentException when the rules allow too few characters even for "…" and the link
     */
    public String toPostText(TextRules rules) {
        Objects.requireNonNull(rules, "rules");
        return PostTexts.compose(title, excerpt, link, rules);
    }
}
