package org.chorusfeed.text;

import java.util.Objects;

/**
 * Post text that breaks a {@link TextRules} rule; the message says what was wrong and what is allowed.
 *
 * <p>Text is refused, never cut: the author gets it back with this reason and can fix it.
 */
public final class TextRuleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which rule the text broke. */
    public enum Reason {
        /** Nothing is left after surrounding whitespace is removed. */
        EMPTY,
        /** More user-perceived characters than the limit, a link counting as the rules' link length. */
        TOO_LONG,
        /** A control character other than a line break, such as a tab, NUL or ESC. */
        CONTROL_CHARACTER,
        /** An explicit bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069). */
        BIDI_CONTROL,
        /** More blank lines in a row than allowed. */
        TOO_MANY_BLANK_LINES
    }

    private final Reason reason;
    private final int length;
    private final int limit;

    TextRuleException(Reason reason, String message, int length, int limit) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.length = length;
        this.limit = limit;
    }

    TextRuleException(Reason reason, String message) {
        this(reason, message, -1, -1);
    }

    /** Which rule the text broke. */
    public Reason reason() {
        return reason;
    }

    /**
     * How much there was: the length for {@link Reason#TOO_LONG}, the blank lines in a row for
     * {@link Reason#TOO_MANY_BLANK_LINES}; otherwise -1.
     */
    public int length() {
        return length;
    }

    /**
     * How much is allowed: the maximum length for {@link Reason#TOO_LONG}, the most blank lines in a row for
     * {@link Reason#TOO_MANY_BLANK_LINES}; otherwise -1.
     */
    public int limit() {
        return limit;
    }
}
