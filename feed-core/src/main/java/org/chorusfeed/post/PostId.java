package org.chorusfeed.post;

import java.time.Instant;

/**
 * A post's 64-bit, time-sortable id: the millisecond of the post's time in the high 43 bits, a counter
 * in the low 20 bits. Ordering by id is ordering by time; many posts in one millisecond still get
 * distinct ids. Printed and parsed as a decimal string (JSON numbers cannot hold 64 bits).
 *
 * @param value the id as a positive long
 */
public record PostId(long value) implements Comparable<PostId> {
    /** Bits below the millisecond. */
    public static final int COUNTER_BITS = 20;
    /** Largest counter within one millisecond. */
    public static final long MAX_COUNTER = (1L << COUNTER_BITS) - 1;

    /** Checks the value. */
    public PostId {
        if (value <= 0) {
            throw new IllegalArgumentException("post id is " + value + "; it must be positive");
        }
    }

    /** The smallest id of the given millisecond. */
    public static PostId firstAt(Instant time) {
        long millis = time.toEpochMilli();
        if (millis <= 0 || millis >= (1L << (63 - COUNTER_BITS))) {
            throw new IllegalArgumentException("post time " + time + " is outside 1970-01-01 to 2248-09-26");
        }
        return new PostId(millis << COUNTER_BITS);
    }

    /** The id of the given millisecond and counter. */
    public static PostId of(Instant time, long counter) {
        if (counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("post id counter is " + counter + "; allowed 0 to " + MAX_COUNTER);
        }
        return new PostId(firstAt(time).value | counter);
    }

    /** Parses the decimal form, as found in URLs and JSON. */
    public static PostId parse(String text) {
        try {
            return new PostId(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("post id '" + text + "' is not a positive decimal number", e);
        }
    }

    /** The millisecond this id was minted for: the post's time. */
    public Instant time() {
        return Instant.ofEpochMilli(value >>> COUNTER_BITS);
    }

    /** The next id in order: the same millisecond's next counter, or the next millisecond's first. */
    public PostId next() {
        return new PostId(value + 1);
    }

    @Override
    public int compareTo(PostId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
