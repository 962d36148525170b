package org.chorusfeed.text;

import java.text.Normalizer;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The rules post text must follow (DESIGN rules 6 and 9): brief, plain, and honest about what it shows.
 *
 * <pre>{@code
 * TextRules rules = TextRules.defaults();                 // 500 characters, a link counting as 23
 * PostText post = rules.parse("Kick-off at #BalticLab with @Ada https://example.org/kickoff",
 *         handle -> members.contains(handle));
 * post.tags();                                            // [balticlab]
 * }</pre>
 *
 * <p>{@link #parse} normalises line breaks to {@code \n} and the text to NFC, strips surrounding whitespace,
 * refuses what breaks a rule with a {@link TextRuleException} (never cutting anything off), and cuts the
 * text into {@link Segment}s. Length counts user-perceived characters (grapheme clusters) as browsers'
 * {@code Intl.Segmenter} does, each link counting as {@link #urlLength()} however long it is.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TextRules {
    private static final TextRules DEFAULTS = new TextRules(500, 23, 2);

    private final int maxLength;
    private final int urlLength;
    private final int maxConsecutiveBlankLines;

    private TextRules(int maxLength, int urlLength, int maxConsecutiveBlankLines) {
        this.maxLength = maxLength;
        this.urlLength = urlLength;
        this.maxConsecutiveBlankLines = maxConsecutiveBlankLines;
    }

    /** The network's defaults: at most 500 characters, a link counting as 23, at most 2 blank lines in a row. */
    public static TextRules defaults() {
        return DEFAULTS;
    }

    /** A builder that starts from the {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The most user-perceived characters a post may have. */
    public int maxLength() {
        return maxLength;
    }

    /** How many characters a link counts as, however long it is. */
    public int urlLength() {
        return urlLength;
    }

    /** The most blank lines allowed in a row. */
    public int maxConsecutiveBlankLines() {
        return maxConsecutiveBlankLines;
    }

    /**
     * Checks, normalises and segments raw post text.
     *
     * @param raw            the text as the author wrote it
     * @param isMemberHandle whether a lower-cased handle belongs to a member; only those {@code @handle}s
     *                       become mentions
     * @return the normalised text and its segments
     * @throws TextRuleException when the text breaks a rule; its message says which and what is allowed, and
     *                           positions in it count characters (code points) from 1 in the normalised text
     */
    public PostText parse(String raw, Predicate<String> isMemberHandle) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(isMemberHandle, "isMemberHandle");
        String text = normalise(raw);
        if (text.isEmpty()) {
            throw new TextRuleException(TextRuleException.Reason.EMPTY, "post text is empty");
        }
        requireAllowedCharacters(text);
        requireFewBlankLines(text);
        requireSomethingVisible(text);
        int length = length(text);
        if (length > maxLength) {
            throw new TextRuleException(TextRuleException.Reason.TOO_LONG, "post text is " + length
                    + " characters; the limit is " + maxLength + " (a link counts as " + urlLength + ")",
                    length, maxLength);
        }
        return new PostText(text, Segmenter.segment(text, isMemberHandle));
    }

    /**
     * The length of normalised text as these rules count it: user-perceived characters (extended grapheme
     * clusters, as {@code Intl.Segmenter} counts them), each link counting as {@link #urlLength()}.
     */
    public int length(String normalizedText) {
        Objects.requireNonNull(normalizedText, "normalizedText");
        String text = normalizedText;
        long length = 0;
        int runStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int linkEnd = c == 'h' || c == 'H' ? Segmenter.linkEnd(text, i) : i;
            if (linkEnd > i) {
                length += Graphemes.count(text, runStart, i) + (long) urlLength;
                i = linkEnd;
                runStart = linkEnd;
            } else {
                i++;
            }
        }
        length += Graphemes.count(text, runStart, text.length());
        return (int) Math.min(length, Integer.MAX_VALUE);
    }

    /**
     * Cuts normalised text into text, links, mentions and tags; never fails and never interprets markup.
     *
     * @param normalizedText text as {@link PostText#text()} holds it
     * @param isMemberHandle whether a lower-cased handle belongs to a member
     * @return segments whose texts concatenate to {@code normalizedText}
     */
    public List<Segment> segment(String normalizedText, Predicate<String> isMemberHandle) {
        Objects.requireNonNull(normalizedText, "normalizedText");
        Objects.requireNonNull(isMemberHandle, "isMemberHandle");
        return Segmenter.segment(normalizedText, isMemberHandle);
    }

    private static String normalise(String raw) {
        String lines = raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(lines, Normalizer.Form.NFC).strip();
    }

    /** Positions in messages count code points from 1 in the normalised text. */
    private static void requireAllowedCharacters(String text) {
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            position++;
            if (c != '\n' && Character.getType(c) == Character.CONTROL) {
                String what = c == '\t' ? "a tab (U+0009)" : "the control character " + codePoint(c);
                throw new TextRuleException(TextRuleException.Reason.CONTROL_CHARACTER, "post text contains "
                        + what + " at position " + position + "; only line breaks are allowed");
            }
            if (Character.getType(c) == Character.SURROGATE) {
                throw new TextRuleException(TextRuleException.Reason.CONTROL_CHARACTER, "post text contains the "
                        + "unpaired surrogate " + codePoint(c) + " at position " + position
                        + "; it is not a character and cannot be stored, so send well-formed Unicode");
            }
            if (Segmenter.isBidiControl(c)) {
                throw new TextRuleException(TextRuleException.Reason.BIDI_CONTROL, "post text contains the "
                        + "bidirectional control character " + codePoint(c) + " at position " + position
                        + "; it can make text show something other than what it says, so of the direction "
                        + "controls only the marks U+200E, U+200F and U+061C are allowed");
            }
            i += Character.charCount(c);
        }
    }

    private void requireFewBlankLines(String text) {
        int longestRun = 0;
        int run = 0;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            run = isInvisible(text, lineStart, lineEnd) ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
            lineStart = lineEnd + 1;
        }
        if (longestRun > maxConsecutiveBlankLines) {
            throw new TextRuleException(TextRuleException.Reason.TOO_MANY_BLANK_LINES, "post text has "
                    + longestRun + " blank lines in a row; at most " + maxConsecutiveBlankLines + " are allowed",
                    longestRun, maxConsecutiveBlankLines);
        }
    }

    private static void requireSomethingVisible(String text) {
        if (isInvisible(text, 0, text.length())) {
            throw new TextRuleException(TextRuleException.Reason.EMPTY,
                    "post text is empty: it has only spaces and invisible characters");
        }
    }

    /** Whether {@code text[from, to)} shows nothing: only whitespace, spaces and format characters such as ZWSP. */
    private static boolean isInvisible(String text, int from, int to) {
        for (int i = from; i < to; ) {
            int c = text.codePointAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    /** Equal when all three limits are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TextRules rules && rules.maxLength == maxLength && rules.urlLength == urlLength
                && rules.maxConsecutiveBlankLines == maxConsecutiveBlankLines;
    }

    /** A hash of the three limits. */
    @Override
    public int hashCode() {
        return Objects.hash(maxLength, urlLength, maxConsecutiveBlankLines);
    }

    /** The limits, for logs. */
    @Override
    public String toString() {
        return "TextRules[maxLength=" + maxLength + ", urlLength=" + urlLength + ", maxConsecutiveBlankLines="
                + maxConsecutiveBlankLines + "]";
    }

    /** Builds {@link TextRules} with other limits; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private int maxLength = DEFAULTS.maxLength;
        private int urlLength = DEFAULTS.urlLength;
        private int maxConsecutiveBlankLines = DEFAULTS.maxConsecutiveBlankLines;

        private Builder() {
        }

        /** The most user-perceived characters a post may have, 1 to 10000. */
        public Builder maxLength(int maxLength) {
            this.maxLength = requireBetween("maxLength", maxLength, 1, 10_000);
            return this;
        }

        /** How many characters a link counts as, 1 to 100. */
        public Builder urlLength(int urlLength) {
            this.urlLength = requireBetween("urlLength", urlLength, 1, 100);
            return this;
        }

        /** The most blank lines allowed in a row, 0 to 10. */
        public Builder maxConsecutiveBlankLines(int maxConsecutiveBlankLines) {
            this.maxConsecutiveBlankLines = requireBetween("maxConsecutiveBlankLines", maxConsecutiveBlankLines, 0, 10);
            return this;
        }

        /** The rules with the limits set so far. */
        public TextRules build() {
            return new TextRules(maxLength, urlLength, maxConsecutiveBlankLines);
        }

        private static int requireBetween(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " is " + value + "; it must be between " + min + " and " + max);
            }
            return value;
        }
    }
}
