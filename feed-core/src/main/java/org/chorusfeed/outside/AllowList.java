package org.chorusfeed.outside;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The explicit {@code host:port} exceptions to the public-address rule. Each names one host as written in a URL
 * and one port; there are no wildcards, ranges or switches that open all of loopback.
 */
final class AllowList {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9_-]{0,62})(\\.[a-z0-9]([a-z0-9_-]{0,62}))*");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");

    private final Set<String> entries;

    AllowList(Set<String> entries) {
        this.entries = Set.copyOf(entries);
    }

    /** Whether the destination's host and port are allowed though its addresses may not be public. */
    boolean allows(Destination destination) {
        return allows(destination.host(), destination.port());
    }

    /** Whether {@code host} (a lower-case name without trailing dot, or an address's text) and {@code port} are allowed. */
    boolean allows(String host, int port) {
        return !entries.isEmpty() && entries.contains(key(host, port));
    }

    /** Checks an entry and returns it in the form {@link #allows} compares: {@code host:port}. */
    static String checkEntry(String hostAndPort) {
        String entry = hostAndPort.strip().toLowerCase(Locale.ROOT);
        int colon = entry.lastIndexOf(':');
        if (colon <= 0 || entry.contains("*") || entry.contains("/") || entry.contains("@")) {
            throw refused(hostAndPort);
        }
        String host = entry.substring(0, colon);
        int port = port(entry.substring(colon + 1), hostAndPort);
        if (host.startsWith("[") && host.endsWith("]")) {
            return key(ipv6(host.substring(1, host.length() - 1), hostAndPort), port);
        }
        if (!NAME.matcher(host).matches() || host.length() > 253) {
            throw refused(hostAndPort);
        }
        Ipv4Forms.Parsed parsed = Ipv4Forms.parse(host);
        if (parsed instanceof Ipv4Forms.Invalid || parsed instanceof Ipv4Forms.Address address && !address.canonical()) {
            throw new IllegalArgumentException("allowed entry \"" + Urls.display(hostAndPort)
                    + "\" writes an IPv4 address in a non-standard form; write it as a.b.c.d:port");
        }
        return key(host, port);
    }

    private static String key(String host, int port) {
        return host + ":" + port;
    }

    private static int port(String digits, String entry) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw refused(entry);
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw refused(entry);
        }
        return port;
    }

    private static String ipv6(String literal, String entry) {
        if (!IPV6.matcher(literal).matches()) {
            throw refused(entry);
        }
        try {
            return InetAddress.getByName(literal).getHostAddress();   // a literal: no lookup
        } catch (UnknownHostException e) {
            throw refused(entry);
        }
    }

    private static IllegalArgumentException refused(String entry) {
        return new IllegalArgumentException("allowed entry \"" + Urls.display(entry) + "\" must be one host and one "
                + "port, such as 127.0.0.1:8080, [::1]:8080 or fixtures.internal:8443; wildcards and ranges are not "
                + "allowed");
    }
}
