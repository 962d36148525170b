package org.chorusfeed.moderation;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for reasons people give (for a report, a hiding, a dismissal, a suspension): plain text of 1 to
 * {@value #MAX_LENGTH} characters (code points) once surrounding white space is removed.
 */
public final class Reasons {
    /** The longest reason, in characters (code points). */
    public static final int MAX_LENGTH = 500;

    private Reasons() {
    }

    /**
     * A required reason, without surrounding white space.
     *
     * @param what names the value in the message, such as {@code "reason"}
     * @throws IllegalArgumentException if it is blank or longer than {@value #MAX_LENGTH} characters
     */
    public static String required(String what, String reason) {
        String clean = reason.strip();
        int length = clean.codePointCount(0, clean.length());
        if (length == 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is " + length + " characters; give 1 to " + MAX_LENGTH);
        }
        return clean;
    }

    /**
     * An optional reason: empty when {@code null} or blank.
     *
     * @param what names the value in the message, such as {@code "reason"}
     * @throws IllegalArgumentException if it is longer than {@value #MAX_LENGTH} characters
     */
    public static Optional<String> optional(String what, @Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(required(what, reason));
    }
}
