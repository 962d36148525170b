package org.chorusfeed.outside;

import java.util.Locale;

/**
 * Recognises IPv4 addresses in every form URL parsers and resolvers accept (WHATWG URL's IPv4 parser, which
 * {@code inet_aton} agrees with): {@code 127.0.0.1}, but also {@code 2130706433}, {@code 0177.0.0.1},
 * {@code 0x7f.1} and {@code 127.1}. Run on a host before any resolver sees it, so that no other form can name
 * an address the rules refuse.
 */
final class Ipv4Forms {

    /** What a host is. */
    sealed interface Parsed permits Name, Invalid, Address {
    }

    /** A host name: its last label is not a number. */
    record Name() implements Parsed {
    }

    /** A host whose last label is a number but that is no valid IPv4 address (for example a part over 255). */
    record Invalid() implements Parsed {
    }

    /**
     * An IPv4 address.
     *
     * @param value     the address as an int
     * @param canonical whether the host was written as plain dotted decimal ({@code a.b.c.d}, no leading zeros)
     */
    record Address(int value, boolean canonical) implements Parsed {
        /** Dotted decimal. */
        String dotted() {
            return (value >>> 24) + "." + (value >>> 16 & 0xff) + "." + (value >>> 8 & 0xff) + "." + (value & 0xff);
        }
    }

    private Ipv4Forms() {
    }

    /** What {@code host} (lower-case ASCII, not an IPv6 literal) is. */
    static Parsed parse(String host) {
        String[] parts = host.split("\\.", -1);
        int count = parts.length;
        if (count > 1 && parts[count - 1].isEmpty()) {
            count--;                                    // one trailing dot is allowed, as in "127.0.0.1."
        }
        if (count == 0 || !isNumber(parts[count - 1])) {
            return new Name();
        }
        if (count > 4) {
            return new Invalid();
        }
        long value = 0;
        for (int i = 0; i < count; i++) {
            long part = number(parts[i]);
            boolean last = i == count - 1;
            long limit = last ? 1L << (8 * (5 - count)) : 256;
            if (part < 0 || part >= limit) {
                return new Invalid();
            }
            value = last ? value << (8 * (5 - count)) | part : value << 8 | part;
        }
        Address address = new Address((int) value, false);
        return new Address(address.value(), address.dotted().equals(host));
    }

    /** WHATWG "ends in a number": all decimal digits, or {@code 0x} followed by hex digits (possibly none). */
    private static boolean isNumber(String label) {
        if (label.isEmpty()) {
            return false;
        }
        if (label.startsWith("0x")) {
            return label.chars().skip(2).allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return label.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The value of one part (decimal, octal with a leading 0, hex with 0x), or -1 when it is not a number or too big. */
    private static long number(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        String digits = lower;
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = lower.substring(2);
        } else if (lower.length() > 1 && lower.startsWith("0")) {
            radix = 8;
            digits = lower.substring(1);
        }
        if (digits.isEmpty()) {
            return lower.isEmpty() ? -1 : 0;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), radix);
            if (digit < 0) {
                return -1;
            }
            value = value * radix + digit;
            if (value > 0xFFFFFFFFL) {
                return -1;
            }
        }
        return value;
    }
}
