package org.chorusfeed.blogs;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A blog feed read into plain text.
 *
 * @param format   the format it came in
 * @param title    the feed's title as plain text; may be empty
 * @param siteLink the blog's home page, when the feed names one
 * @param entries  the entries in the feed's order (usually newest first)
 */
public record ParsedFeed(FeedFormat format, String title, Optional<URI> siteLink, List<BlogEntry> entries)
        implements FeedDocument {

    /** Checks the parts and copies the entries. */
    public ParsedFeed {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(siteLink, "siteLink");
        entries = List.copyOf(entries);
    }

    /**
     * At most {@code count} entries, newest first: dated entries by their date, then undated ones in feed order.
     * For a first import, which takes only the few newest entries with their own dates.
     */
    public List<BlogEntry> newest(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count is " + count + "; it must be 0 or more");
        }
        List<BlogEntry> dated = new ArrayList<>();
        List<BlogEntry> undated = new ArrayList<>();
        for (BlogEntry entry : entries) {
            (entry.date().isPresent() ? dated : undated).add(entry);
        }
        dated.sort(Comparator.comparing((BlogEntry entry) -> entry.date().orElseThrow()).reversed());
        dated.addAll(undated);
        return List.copyOf(dated.subList(0, Math.min(count, dated.size())));
    }
}
