package org.chorusfeed.blogs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds write: RFC 3339 / ISO 8601 (Atom, JSON Feed, h-entry, {@code dc:date}) and RFC 822 as RSS
 * writes it in practice (any or a wrong day name, one-digit days, two-digit years, zone names, no seconds).
 * Unreadable dates, and dates before 1970-01-02 (the Unix epoch a broken feed falls back to), are no date.
 */
final class FeedDates {
    private static final Instant EARLIEST = Instant.parse("1970-01-02T00:00:00Z");
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[Tt ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?)\\s*([Zz]|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?)?");
    private static final Pattern RFC822 = Pattern.compile(
            "(?:[A-Za-z]+,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3})[A-Za-z]*\\.?[\\s-]+(\\d{2}|\\d{4})\\s+"
                    + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, String> ZONES = Map.ofEntries(Map.entry("gmt", "+00:00"),
            Map.entry("ut", "+00:00"), Map.entry("utc", "+00:00"), Map.entry("z", "+00:00"), Map.entry("est", "-05:00"),
            Map.entry("edt", "-04:00"), Map.entry("cst", "-06:00"), Map.entry("cdt", "-05:00"),
            Map.entry("mst", "-07:00"), Map.entry("mdt", "-06:00"), Map.entry("pst", "-08:00"),
            Map.entry("pdt", "-07:00"), Map.entry("cet", "+01:00"), Map.entry("cest", "+02:00"),
            Map.entry("bst", "+01:00"), Map.entry("eet", "+02:00"), Map.entry("eest", "+03:00"));

    private FeedDates() {
    }

    /** The instant {@code text} names, if it is a date in a form feeds use and not before 1970-01-02. */
    static Optional<Instant> parse(String text) {
        String value = text.strip();
        if (value.isEmpty() || value.length() > 64) {
            return Optional.empty();
        }
        Optional<Instant> instant = iso(value).or(() -> rfc822(value));
        return instant.filter(date -> !date.isBefore(EARLIEST));
    }

    private static Optional<Instant> iso(String value) {
        Matcher matcher = ISO.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(matcher.group(1));
            if (matcher.group(2) == null) {
                return Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            LocalDateTime local = LocalDateTime.of(date, LocalTime.parse(matcher.group(2).replace(',', '.')));
            return Optional.of(local.atOffset(offset(matcher.group(3))).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> rfc822(String value) {
        Matcher matcher = RFC822.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Integer month = MONTHS.get(matcher.group(2).toLowerCase(Locale.ROOT));
        if (month == null) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(3));
        if (matcher.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        }
        try {
            int seconds = matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6));
            OffsetDateTime time = OffsetDateTime.of(year, month, Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)), seconds, 0,
                    offset(matcher.group(7)));
            return Optional.of(time.toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A zone as feeds write it: absent (UTC), Z, a name, +hh, +hhmm or +hh:mm. */
    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        String named = ZONES.get(zone.toLowerCase(Locale.ROOT));
        if (named != null) {
            return ZoneOffset.of(named);
        }
        if (zone.matches("[+-]\\d{2}")) {
            return ZoneOffset.of(zone + ":00");
        }
        if (zone.matches("[+-]\\d{4}")) {
            return ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3));
        }
        try {
            return ZoneOffset.of(zone);
        } catch (DateTimeException e) {
            throw new DateTimeParseException("unknown zone", zone, 0, e);
        }
    }
}
