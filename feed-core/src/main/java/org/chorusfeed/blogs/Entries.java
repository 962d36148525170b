package org.chorusfeed.blogs;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.text.TextRules;

/** Turns what the format readers found into {@link BlogEntry}s: plain text, absolute links, keys. One place for all formats. */
final class Entries {
    /** The longest title kept, as the text rules count. */
    static final int MAX_TITLE_LENGTH = 200;
    private static final int MAX_ID_LENGTH = 1024;

    private final int excerptLength;
    private final TextRules rules;

    Entries(int excerptLength, TextRules rules) {
        this.excerptLength = excerptLength;
        this.rules = rules;
    }

    /** The entry, or empty when it shows nothing (no title, text or link). */
    Optional<BlogEntry> build(RawEntry raw) {
        String title = visible(Excerpts.shorten(raw.title().plain(), MAX_TITLE_LENGTH, rules));
        String summary = visible(raw.summary().plain());
        String body = summary.isEmpty() ? visible(raw.content().plain()) : summary;
        if (body.equals(title)) {
            title = "";                    // a note whose name is its text (h-entry) shows the text once
        }
        String excerpt = body.isEmpty() ? "" : Excerpts.shorten(body, excerptLength, rules);
        Optional<URI> link = Links.web(raw.link(), raw.base());
        if (title.isEmpty() && excerpt.isEmpty() && link.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> id = Optional.of(PlainText.clean(raw.id())).filter(value -> !value.isEmpty())
                .map(value -> value.length() > MAX_ID_LENGTH ? value.substring(0, MAX_ID_LENGTH) : value);
        Optional<String> titleAndDate = Optional.of(title).filter(value -> !value.isEmpty())
                .map(value -> value + " @ " + raw.date().map(Instant::toString).orElse("undated"));
        Optional<String> linkKey = link.map(Links::key);
        if (id.isEmpty() && linkKey.isEmpty() && titleAndDate.isEmpty()) {
            titleAndDate = Optional.of(excerpt + " @ " + raw.date().map(Instant::toString).orElse("undated"));
        }
        return Optional.of(new BlogEntry(new EntryKeys(id, linkKey, titleAndDate), link, title, excerpt, raw.date()));
    }

    private static String visible(String text) {
        return PlainText.isVisible(text) ? text : "";
    }
}
