package org.chorusfeed.outside;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an address is public, from the IANA special-purpose registries: an IPv4 deny-list, and for
 * IPv6 global unicast ({@code 2000::/3}) only, minus its special ranges, with embedded IPv4 addresses (mapped,
 * compatible, NAT64, 6to4, Teredo) judged as the IPv4 address they carry.
 */
final class AddressRanges {

    /** The kinds of address that are never fetched, named as messages name them. */
    enum Kind {
        LOOPBACK("a loopback"), PRIVATE("a private"), LINK_LOCAL("a link-local"), CARRIER_GRADE_NAT("a carrier-grade NAT"),
        MULTICAST("a multicast"), BROADCAST("the broadcast"), UNSPECIFIED("an unspecified"),
        DOCUMENTATION("a documentation"), BENCHMARKING("a benchmarking"), RESERVED("a reserved");

        private final String phrase;

        Kind(String phrase) {
            this.phrase = phrase;
        }

        /** "a loopback address", for messages. */
        String describe() {
            return phrase + " address";
        }
    }

    private record V4Range(int network, int prefix, Kind kind) {
        boolean contains(int address) {
            return prefix == 0 || (address >>> (32 - prefix)) == (network >>> (32 - prefix));
        }
    }

    /** Most specific first: broadcast lies inside 240/4. */
    private static final List<V4Range> V4 = List.of(
            v4(0xFFFFFFFF, 32, Kind.BROADCAST),
            v4(0x00000000, 8, Kind.UNSPECIFIED),
            v4(0x0A000000, 8, Kind.PRIVATE),
            v4(0x64400000, 10, Kind.CARRIER_GRADE_NAT),
            v4(0x7F000000, 8, Kind.LOOPBACK),
            v4(0xA9FE0000, 16, Kind.LINK_LOCAL),
            v4(0xAC100000, 12, Kind.PRIVATE),
            v4(0xC0000000, 24, Kind.RESERVED),           // IETF protocol assignments
            v4(0xC0000200, 24, Kind.DOCUMENTATION),
            v4(0xC0586300, 24, Kind.RESERVED),           // former 6to4 relay anycast
            v4(0xC0A80000, 16, Kind.PRIVATE),
            v4(0xC6120000, 15, Kind.BENCHMARKING),
            v4(0xC6336400, 24, Kind.DOCUMENTATION),
            v4(0xCB007100, 24, Kind.DOCUMENTATION),
            v4(0xE0000000, 4, Kind.MULTICAST),
            v4(0xF0000000, 4, Kind.RESERVED));

    private AddressRanges() {
    }

    private static V4Range v4(int network, int prefix, Kind kind) {
        return new V4Range(network, prefix, kind);
    }

    /** Why {@code address} is not public, or empty when it is. */
    static Optional<Kind> notPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? notPublicV4(toInt(bytes, 0)) : notPublicV6(bytes);
    }

    /** Why the IPv4 address {@code address} (as an int) is not public, or empty when it is. */
    static Optional<Kind> notPublicV4(int address) {
        for (V4Range range : V4) {
            if (range.contains(address)) {
                return Optional.of(range.kind());
            }
        }
        return Optional.empty();
    }

    private static Optional<Kind> notPublicV6(byte[] a) {
        if (zero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return notPublicV4(toInt(a, 12));                                  // ::ffff:0:0/96, IPv4-mapped
        }
        if (zero(a, 0, 12)) {
            int low = toInt(a, 12);
            if (low == 0) {
                return Optional.of(Kind.UNSPECIFIED);                          // ::
            }
            if (low == 1) {
                return Optional.of(Kind.LOOPBACK);                             // ::1
            }
            return Optional.of(notPublicV4(low).orElse(Kind.RESERVED));         // ::/96, deprecated IPv4-compatible
        }
        if (zero(a, 0, 8) && (a[8] & 0xff) == 0xff && (a[9] & 0xff) == 0xff && zero(a, 10, 12)) {
            return Optional.of(notPublicV4(toInt(a, 12)).orElse(Kind.RESERVED)); // ::ffff:0:0:0/96, IPv4-translated
        }
        int first = (a[0] & 0xff) << 8 | (a[1] & 0xff);
        int second = (a[2] & 0xff) << 8 | (a[3] & 0xff);
        if (first == 0x0064 && second == 0xff9b) {
            if (zero(a, 4, 12)) {
                return notPublicV4(toInt(a, 12));                              // 64:ff9b::/96, NAT64
            }
            return Optional.of(Kind.PRIVATE);                                  // 64:ff9b:1::/48 local-use NAT64 and the rest
        }
        if (first == 0x2002) {
            return notPublicV4(toInt(a, 2));                                   // 2002::/16, 6to4
        }
        if (first == 0x2001 && second == 0x0000) {                             // 2001::/32, Teredo: server, then client (inverted)
            Optional<Kind> server = notPublicV4(toInt(a, 4));
            return server.isPresent() ? server : notPublicV4(~toInt(a, 12));
        }
        if (first == 0x2001 && second == 0x0db8 || (first == 0x3fff && (second & 0xf000) == 0)) {
            return Optional.of(Kind.DOCUMENTATION);                            // 2001:db8::/32, 3fff::/20
        }
        if (first == 0x2001 && second == 0x0002 && a[4] == 0 && a[5] == 0) {
            return Optional.of(Kind.BENCHMARKING);                             // 2001:2::/48
        }
        if (first == 0x2001 && (second & 0xfe00) == 0x0000) {
            return Optional.of(Kind.RESERVED);                                 // rest of 2001::/23, IETF: ORCHID, AMT, ...
        }
        if ((first & 0xff00) == 0xff00) {
            return Optional.of(Kind.MULTICAST);                                // ff00::/8
        }
        if ((first & 0xfe00) == 0xfc00) {
            return Optional.of(Kind.PRIVATE);                                  // fc00::/7, unique local
        }
        if ((first & 0xffc0) == 0xfe80) {
            return Optional.of(Kind.LINK_LOCAL);                               // fe80::/10
        }
        if ((first & 0xffc0) == 0xfec0) {
            return Optional.of(Kind.PRIVATE);                                  // fec0::/10, deprecated site-local
        }
        if ((first & 0xe000) != 0x2000) {
            return Optional.of(Kind.RESERVED);                                 // outside 2000::/3, global unicast
        }
        return Optional.empty();
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int toInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | (bytes[at + 3] & 0xff);
    }
}
