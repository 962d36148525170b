package org.chorusfeed.syndication;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The two date formats feeds use, both in UTC. */
final class FeedDates {
    private FeedDates() {
    }

    /** RFC 3339, as Atom and JSON Feed want it: {@code 2026-11-30T12:00:00.25Z}. */
    static String rfc3339(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }

    /** RFC 822 as RFC 1123 updates it, as RSS wants it: {@code Mon, 30 Nov 2026 12:00:00 GMT}. */
    static String rfc822(Instant time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.atOffset(ZoneOffset.UTC));
    }
}
