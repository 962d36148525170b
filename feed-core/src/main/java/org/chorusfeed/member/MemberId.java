package org.chorusfeed.member;

/**
 * A member's stable internal id. Handles can change hands after erasure; ids never do.
 *
 * @param value a positive number assigned by the store
 */
public record MemberId(long value) {
    /** Checks the value. */
    public MemberId {
        if (value <= 0) {
            throw new IllegalArgumentException("member id is " + value + "; it must be positive");
        }
    }

    /** Parses the decimal form printed by {@link #toString()}. */
    public static MemberId parse(String text) {
        try {
            return new MemberId(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("member id '" + text + "' is not a positive decimal number", e);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
