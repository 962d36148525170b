package org.chorusfeed.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds links, mentions and tags in plain text. Nothing else is recognised: no markup, no entities.
 *
 * <p>Links come first and nothing is found inside a link. A link is {@code http://} or {@code https://}
 * with a host, up to whitespace or {@code < > "}, without trailing punctuation or an unmatched closing bracket.
 */
final class Segmenter {
    /** The longest handle a mention can name. */
    static final int MAX_HANDLE_LENGTH = 30;

    /** Punctuation that is not part of a link when it comes last. */
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"";

    /** What may be trimmed off the end of a link: punctuation and (unmatched) closing brackets. */
    private static final String TRIMMABLE = TRAILING_PUNCTUATION + ")]}";

    private Segmenter() {
    }

    /** Cuts {@code text} into segments; {@code isMemberHandle} decides which {@code @handle}s are mentions. */
    static List<Segment> segment(String text, Predicate<String> isMemberHandle) {
        Map<String, Boolean> members = new HashMap<>();
        Predicate<String> isMember = handle -> members.computeIfAbsent(handle, isMemberHandle::test);
        List<Segment> segments = new ArrayList<>();
        int textStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            Segment found = null;
            int end = i;
            if (c == 'h' || c == 'H') {
                end = linkEnd(text, i);
                if (end > i) {
                    String link = text.substring(i, end);
                    found = new Segment.Link(link, link);
                }
            } else if (c == '@') {
                end = mentionEnd(text, i);
                if (end > i) {
                    String handle = text.substring(i + 1, end).toLowerCase(Locale.ROOT);
                    if (isMember.test(handle)) {
                        found = new Segment.Mention(text.substring(i, end), handle);
                    }
                }
            } else if (c == '#') {
                end = tagEnd(text, i);
                if (end > i) {
                    found = new Segment.Tag(text.substring(i, end), text.substring(i + 1, end));
                }
            }
            if (found == null) {
                i++;
                continue;
            }
            if (textStart < i) {
                segments.add(new Segment.Text(text.substring(textStart, i)));
            }
            segments.add(found);
            i = end;
            textStart = end;
        }
        if (textStart < text.length()) {
            segments.add(new Segment.Text(text.substring(textStart)));
        }
        return List.copyOf(segments);
    }

    /**
     * Where the link that starts at {@code start} ends, or {@code start} when no link starts there.
     *
     * <p>A host that is invalid as written is only scanned past when trimming could still save it, so that text
     * full of failed link candidates (say {@code https://(/} repeated) is segmented in linear time.
     */
    static int linkEnd(CharSequence text, int start) {
        int schemeEnd = schemeEnd(text, start);
        if (schemeEnd < 0) {
            return start;
        }
        int authorityEnd = schemeEnd;
        while (authorityEnd < text.length() && !endsLink(text.charAt(authorityEnd))
                && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        if (!hasHost(text, schemeEnd, authorityEnd) && !onlyTrimmableFrom(text, authorityEnd)) {
            return start;
        }
        int end = authorityEnd;
        while (end < text.length() && !endsLink(text.charAt(end))) {
            end++;
        }
        end = withoutTrailingPunctuation(text, start, end);
        return hasHost(text, schemeEnd, end) ? end : start;
    }

    /** Whether every char from {@code from} to where a link would end could be trimmed off as punctuation. */
    private static boolean onlyTrimmableFrom(CharSequence text, int from) {
        for (int i = from; i < text.length() && !endsLink(text.charAt(i)); i++) {
            if (TRIMMABLE.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int schemeEnd(CharSequence text, int start) {
        if (regionMatchesIgnoreCase(text, start, "https://")) {
            return start + 8;
        }
        if (regionMatchesIgnoreCase(text, start, "http://")) {
            return start + 7;
        }
        return -1;
    }

    /** Links win over tags and mentions: {@code #https://example.org} is a {@code #} and a link. */
    private static boolean linkStartsAt(CharSequence text, int at) {
        char c = text.charAt(at);
        return (c == 'h' || c == 'H') && linkEnd(text, at) > at;
    }

    /** Compares ignoring ASCII case only, so no other script's letters can pass for a scheme's. */
    private static boolean regionMatchesIgnoreCase(CharSequence text, int start, String lowerCase) {
        if (start + lowerCase.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            char c = text.charAt(start + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsLink(char c) {
        return c == '<' || c == '>' || c == '"' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || isBidiControl(c);
    }

    /** Explicit bidi embeddings, overrides and isolates: they can disguise what a link says. */
    static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /** Drops trailing punctuation and unmatched closing brackets from {@code text[start, end)}; O(length). */
    private static int withoutTrailingPunctuation(CharSequence text, int start, int end) {
        int round = balance(text, start, end, '(', ')');
        int square = balance(text, start, end, '[', ']');
        int curly = balance(text, start, end, '{', '}');
        while (end > start) {
            char last = text.charAt(end - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && round < 0) {
                round++;
                end--;
            } else if (last == ']' && square < 0) {
                square++;
                end--;
            } else if (last == '}' && curly < 0) {
                curly++;
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    /** Opening minus closing brackets of one kind in {@code text[start, end)}. */
    private static int balance(CharSequence text, int start, int end, char open, char close) {
        int balance = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == open) {
                balance++;
            } else if (c == close) {
                balance--;
            }
        }
        return balance;
    }

    /**
     * Whether the authority in {@code text[from, end)} names a host: optional {@code user@}, then a name of
     * letters, digits, {@code - . _ ~ %} with at least one letter or digit (or an IPv6 literal in brackets),
     * then an optional {@code :port} of digits.
     */
    private static boolean hasHost(CharSequence text, int from, int end) {
        int authorityEnd = from;
        while (authorityEnd < end && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        int hostStart = from;
        for (int i = from; i < authorityEnd; i++) {
            if (text.charAt(i) == '@') {
                hostStart = i + 1;
            }
        }
        if (hostStart < authorityEnd && text.charAt(hostStart) == '[') {
            return hasIpv6Literal(text, hostStart, authorityEnd);
        }
        int hostEnd = authorityEnd;
        for (int i = hostStart; i < authorityEnd; i++) {
            if (text.charAt(i) == ':') {
                hostEnd = i;
                break;
            }
        }
        return isHostName(text, hostStart, hostEnd) && isPort(text, hostEnd, authorityEnd);
    }

    private static boolean isHostName(CharSequence text, int from, int to) {
        boolean letterOrDigit = false;
        for (int i = from; i < to; ) {
            int c = Character.codePointAt(text, i);
            if (Character.isLetterOrDigit(c)) {
                letterOrDigit = true;
            } else if ("-._~%".indexOf(c) < 0 && !isMark(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return letterOrDigit;
    }

    private static boolean hasIpv6Literal(CharSequence text, int from, int authorityEnd) {
        int close = from + 1;
        while (close < authorityEnd && text.charAt(close) != ']') {
            char c = text.charAt(close);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return false;
            }
            close++;
        }
        return close < authorityEnd && close > from + 1 && isPort(text, close + 1, authorityEnd);
    }

    /** Whether {@code text[from, to)} is empty or a colon followed by digits. */
    private static boolean isPort(CharSequence text, int from, int to) {
        if (from == to) {
            return true;
        }
        if (text.charAt(from) != ':') {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the {@code @handle} that starts at {@code at} ends, or {@code at} when none does. A handle must not
     * follow a word character, {@code @} or {@code .} (so e-mail addresses are no mentions) and must not run on
     * into other word characters or a link.
     */
    private static int mentionEnd(CharSequence text, int at) {
        if (at > 0) {
            int before = Character.codePointBefore(text, at);
            if (isWordCharacter(before) || before == '@' || before == '.') {
                return at;
            }
        }
        int end = at + 1;
        while (end < text.length() && end <= at + MAX_HANDLE_LENGTH + 1 && isHandleCharacter(text.charAt(end))
                && !linkStartsAt(text, end)) {
            end++;
        }
        int length = end - at - 1;
        if (length < 1 || length > MAX_HANDLE_LENGTH) {
            return at;
        }
        if (end < text.length()) {
            int after = Character.codePointAt(text, end);
            if (isWordCharacter(after) || after == '@') {
                return at;
            }
        }
        return end;
    }

    private static boolean isHandleCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /**
     * Where the {@code #tag} that starts at {@code at} ends, or {@code at} when none does. A tag follows no word
     * character and is letters, marks, digits and {@code _} with at least one letter; it ends where a link starts.
     */
    private static int tagEnd(CharSequence text, int at) {
        if (at > 0 && isWordCharacter(Character.codePointBefore(text, at))) {
            return at;
        }
        boolean letter = false;
        int end = at + 1;
        while (end < text.length()) {
            int c = Character.codePointAt(text, end);
            if (!isWordCharacter(c) || linkStartsAt(text, end)) {
                break;
            }
            letter |= Character.isLetter(c);
            end += Character.charCount(c);
        }
        return letter ? end : at;
    }

    private static boolean isWordCharacter(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || isMark(c);
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
