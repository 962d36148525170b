package org.chorusfeed.blogs;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * An entry as a format's reader found it, before it is reduced to plain text: what each format has in common.
 *
 * @param id      the id as written; may be blank
 * @param link    the link as written (maybe relative); may be blank
 * @param base    what a relative link resolves against
 * @param title   the title and whether it is HTML
 * @param summary the summary and whether it is HTML; may be blank
 * @param content the content and whether it is HTML; may be blank
 * @param date    the date read, if any
 */
record RawEntry(String id, String link, URI base, Markup title, Markup summary, Markup content,
        Optional<Instant> date) {

    /**
     * Text as a feed carries it.
     *
     * @param value the text
     * @param html  whether it is HTML (to be reduced to its text) rather than plain text
     */
    record Markup(String value, boolean html) {
        static final Markup NONE = new Markup("", false);

        static Markup html(String value) {
            return new Markup(value, true);
        }

        static Markup text(String value) {
            return new Markup(value, false);
        }

        /** Reduced to clean plain text. */
        String plain() {
            return PlainText.of(value, html);
        }
    }
}
