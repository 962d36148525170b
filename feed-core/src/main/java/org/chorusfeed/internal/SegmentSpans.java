package org.chorusfeed.internal;

import java.util.List;
import java.util.Objects;
import org.chorusfeed.text.Segment;

/**
 * A compact form of a post's segments that stores keep beside the text, so reading a post never parses it again.
 *
 * <p>Only links, mentions and tags are written, as {@code l}, {@code m} or {@code t} with a start and end offset
 * in UTF-16 chars, comma-separated and in order; the text between them is plain text. For example
 * {@code "l0-23,m30-34,t40-50"}. What a span names comes from the text: a link's href is its text, a mention's
 * handle is the text after {@code @} lower-cased, a tag is the text after {@code #}.
 *
 * <pre>{@code
 * String spans = SegmentSpans.encode(post.segments());        // on write
 * List<Segment> segments = SegmentSpans.decode(text, spans);  // on every read
 * }</pre>
 */
public final class SegmentSpans {
    private static final int MAX_QUOTED_CHARS = 80;

    private SegmentSpans() {
    }

    /**
     * Writes the links, mentions and tags of {@code segments} as spans.
     *
     * @throws IllegalArgumentException when a segment says more than its text: a link whose href is not its text,
     *                                  a mention whose handle is not its text after {@code @} lower-cased, or a
     *                                  tag that is not its text after {@code #}
     */
    public static String encode(List<Segment> segments) {
        StringBuilder spans = new StringBuilder();
        int start = 0;
        for (Segment segment : segments) {
            int end = start + segment.text().length();
            char kind = kindOf(segment);
            if (kind != 0) {
                if (spans.length() > 0) {
                    spans.append(',');
                }
                spans.append(kind).append(start).append('-').append(end);
            }
            start = end;
        }
        return spans.toString();
    }

    /**
     * Rebuilds the segments of {@code text} from its spans: no regular expressions, and nothing allocated but
     * the segments, their strings and the list.
     *
     * @throws IllegalArgumentException when the spans are malformed, out of order, outside the text, or do not
     *                                  fit it (a mention not starting with {@code @}, a link that is not http or https)
     */
    public static List<Segment> decode(String text, String spans) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(spans, "spans");
        Segment[] segments = new Segment[countSegments(text, spans)];
        int count = 0;
        int covered = 0;
        int i = 0;
        while (i < spans.length()) {
            char kind = spans.charAt(i);
            long start = readNumber(spans, i + 1);
            long end = readNumber(spans, next(start) + 1);
            int from = value(start);
            int to = value(end);
            if (from > covered) {
                segments[count++] = new Segment.Text(text.substring(covered, from));
            }
            segments[count++] = span(kind, text, from, to, spans);
            covered = to;
            i = next(end) + 1;
        }
        if (covered < text.length()) {
            segments[count++] = new Segment.Text(text.substring(covered));
        }
        return List.of(segments);
    }

    /** Checks the syntax, order and bounds of the spans and counts the segments they make, text included. */
    private static int countSegments(String text, String spans) {
        int count = 0;
        int covered = 0;
        int i = 0;
        while (i < spans.length()) {
            char kind = spans.charAt(i);
            if (kind != 'l' && kind != 'm' && kind != 't') {
                throw malformed(spans, i, "expected l, m or t");
            }
            long start = readNumber(spans, i + 1);
            if (start < 0 || next(start) >= spans.length() || spans.charAt(next(start)) != '-') {
                throw malformed(spans, start < 0 ? i + 1 : next(start), "expected a start offset and '-'");
            }
            long end = readNumber(spans, next(start) + 1);
            if (end < 0) {
                throw malformed(spans, next(start) + 1, "expected an end offset");
            }
            int after = next(end);
            if (after < spans.length() && (spans.charAt(after) != ',' || after == spans.length() - 1)) {
                throw malformed(spans, after, "expected ',' and another span");
            }
            int from = value(start);
            int to = value(end);
            if (from < covered || to <= from || to > text.length()) {
                throw malformed(spans, i, "span " + from + "-" + to + " must start at or after " + covered
                        + ", end after its start and end within the text's " + text.length() + " chars");
            }
            if (splitsSurrogatePair(text, from) || splitsSurrogatePair(text, to)) {
                throw malformed(spans, i, "span " + from + "-" + to + " cuts a character in half");
            }
            count += from > covered ? 2 : 1;
            covered = to;
            i = after + 1;
        }
        return covered < text.length() ? count + 1 : count;
    }

    private static boolean splitsSurrogatePair(String text, int at) {
        return at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))
                && Character.isLowSurrogate(text.charAt(at));
    }

    private static Segment span(char kind, String text, int from, int to, String spans) {
        String piece = text.substring(from, to);
        try {
            switch (kind) {
                case 'l':
                    return new Segment.Link(piece, piece); // refuses anything but http and https
                case 'm':
                    if (piece.charAt(0) != '@') {
                        throw new IllegalArgumentException("a mention must start with '@'");
                    }
                    return new Segment.Mention(piece, asciiLowerCase(text, from + 1, to));
                default:
                    if (piece.charAt(0) != '#' || piece.length() < 2) {
                        throw new IllegalArgumentException("a tag must be '#' and at least one more character");
                    }
                    return new Segment.Tag(piece, text.substring(from + 1, to));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spans \"" + shorten(spans) + "\" do not fit the text: " + kind + from + "-"
                    + to + " covers \"" + shorten(piece) + "\", but " + e.getMessage(), e);
        }
    }

    /** The text's handle chars lower-cased; handles are ASCII, so nothing else needs a locale. */
    private static String asciiLowerCase(String text, int from, int to) {
        int upper = from;
        while (upper < to && !(text.charAt(upper) >= 'A' && text.charAt(upper) <= 'Z')) {
            upper++;
        }
        if (upper == to) {
            return text.substring(from, to);
        }
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            chars[i - from] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(chars);
    }

    private static char kindOf(Segment segment) {
        String text = segment.text();
        if (segment instanceof Segment.Link link) {
            if (!link.href().equals(text)) {
                throw new IllegalArgumentException("link \"" + shorten(text) + "\" has href \"" + shorten(link.href())
                        + "\"; spans can only keep links whose href is their text");
            }
            return 'l';
        }
        if (segment instanceof Segment.Mention mention) {
            if (text.charAt(0) != '@' || !mention.handle().equals(asciiLowerCase(text, 1, text.length()))) {
                throw new IllegalArgumentException("mention \"" + shorten(text) + "\" has handle \"" + mention.handle()
                        + "\"; spans can only keep mentions whose handle is their text after '@' lower-cased");
            }
            return 'm';
        }
        if (segment instanceof Segment.Tag tag) {
            if (text.charAt(0) != '#' || !text.regionMatches(1, tag.tag(), 0, tag.tag().length())
                    || text.length() != tag.tag().length() + 1) {
                throw new IllegalArgumentException("tag \"" + shorten(text) + "\" has tag \"" + shorten(tag.tag())
                        + "\"; spans can only keep tags that are their text after '#'");
            }
            return 't';
        }
        return 0;
    }

    /**
     * Reads a decimal number starting at {@code at}: the value in the high 32 bits and the index after it in the
     * low 32 bits, or -1 when there is no digit or it exceeds {@link Integer#MAX_VALUE}. Packed so reading
     * allocates nothing.
     */
    private static long readNumber(String spans, int at) {
        long value = 0;
        int i = at;
        while (i < spans.length() && spans.charAt(i) >= '0' && spans.charAt(i) <= '9') {
            value = value * 10 + (spans.charAt(i) - '0');
            if (value > Integer.MAX_VALUE) {
                return -1;
            }
            i++;
        }
        return i == at ? -1 : value << 32 | i;
    }

    private static int value(long number) {
        return (int) (number >>> 32);
    }

    private static int next(long number) {
        return (int) number;
    }

    private static IllegalArgumentException malformed(String spans, int at, String expected) {
        return new IllegalArgumentException("spans \"" + shorten(spans) + "\" are malformed at index " + at + ": " + expected);
    }

    private static String shorten(String s) {
        return s.length() <= MAX_QUOTED_CHARS ? s : s.substring(0, MAX_QUOTED_CHARS) + "…";
    }
}
