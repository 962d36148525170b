package org.chorusfeed.outside;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorusfeed.outside.FetchRefusedException.Reason;

/**
 * The rules for where a fetch may go: {@link #check} judges a URL's text (scheme, user info, syntax, hosts
 * written as addresses or local names) and {@link #vet} resolves a host once and judges every address.
 */
final class UrlPolicy {
    private static final int MAX_URL_LENGTH = 4096;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    private static final String NOT_PUBLIC = "; only public addresses are fetched";
    private static final String NOT_ABSOLUTE = "it is not an absolute URL; write it with http:// or https://";
    private static final Pattern AUTHORITY = Pattern.compile("([a-z0-9._-]+)(?::([0-9]{0,5}))?");
    /** Names that are local by definition (RFC 6761, RFC 8375) or by wide convention. */
    private static final List<String> LOCAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".localdomain",
            ".home.arpa", ".lan", ".intranet");

    private final AllowList allowList;
    private final Resolver resolver;

    UrlPolicy(AllowList allowList, Resolver resolver) {
        this.allowList = allowList;
        this.resolver = resolver;
    }

    /** Checks the URL's text and returns where it leads, without touching the network. */
    Destination check(String url) throws FetchRefusedException {
        String text = url.strip();
        requireWebScheme(url, text);
        requireSyntax(url, text);
        URI uri = parse(url, withAsciiHost(url, text));
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw refused(Reason.MALFORMED_URL, url, NOT_ABSOLUTE);
        }
        scheme = scheme.toLowerCase(Locale.ROOT);                  // http or https: requireWebScheme saw to that
        if (uri.isOpaque() || uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            throw refused(Reason.MALFORMED_URL, url, "it has no host; write it as " + scheme + "://host/path");
        }
        if (uri.getRawAuthority().contains("@")) {
            throw refused(Reason.USERINFO, url, "it carries a user name or password before the host (user@host), "
                    + "which is not fetched");
        }
        boolean secure = scheme.equals("https");
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null) {
            // java.net.URI (RFC 2396) takes "0x7f.1" or "127.1" for a registry name, not a host: read them here
            Matcher authority = AUTHORITY.matcher(uri.getRawAuthority().toLowerCase(Locale.ROOT));
            if (!authority.matches()) {
                throw refused(Reason.MALFORMED_URL, url, "its host is not a valid host name or address");
            }
            host = authority.group(1);
            String digits = authority.group(2);
            port = digits == null || digits.isEmpty() ? -1 : Integer.parseInt(digits);
        }
        if (port == -1) {
            port = secure ? 443 : 80;
        }
        if (port < 1 || port > 65535) {
            throw refused(Reason.MALFORMED_URL, url, "its port " + port + " is not between 1 and 65535");
        }
        Destination destination = destination(url, uri, scheme, host.toLowerCase(Locale.ROOT), port, secure);
        if (!allowList.allows(destination)) {
            requirePublicLiteral(destination, url);
        }
        return destination;
    }

    /**
     * Resolves the destination's host once (a literal is its own address) and requires every address to be public,
     * unless the allow-list names the host and port. The caller connects to these addresses and no others.
     */
    List<InetAddress> vet(Destination destination) throws FetchRefusedException {
        if (destination.literal().isPresent()) {
            return List.of(destination.literal().get());
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(destination.host());
        } catch (UnknownHostException e) {
            throw refused(Reason.UNKNOWN_HOST, destination.url(), "the host " + destination.host() + " was not found");
        }
        if (addresses == null || addresses.length == 0) {
            throw refused(Reason.UNKNOWN_HOST, destination.url(), "the host " + destination.host() + " has no address");
        }
        if (!allowList.allows(destination)) {
            for (InetAddress address : addresses) {
                Optional<AddressRanges.Kind> kind = AddressRanges.notPublic(address);
                if (kind.isPresent()) {
                    throw refused(Reason.ADDRESS_NOT_PUBLIC, destination.url(), "the host " + destination.host()
                            + " resolves to " + kind.get().describe() + NOT_PUBLIC);
                }
            }
        }
        return List.of(addresses);
    }

    /** Refuses other schemes first, so that {@code gopher://...} is refused for its scheme whatever else is wrong. */
    private static void requireWebScheme(String url, String text) throws FetchRefusedException {
        Matcher scheme = SCHEME.matcher(text);
        if (!scheme.lookingAt()) {
            return;
        }
        if (text.length() > scheme.end() && Character.isDigit(text.charAt(scheme.end()))) {
            throw refused(Reason.MALFORMED_URL, url, NOT_ABSOLUTE);      // "example.org:8080/feed" has no scheme
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!name.equals("http") && !name.equals("https")) {
            throw refused(Reason.SCHEME, url, "the scheme " + shown(name) + " is not fetched; only http and https are");
        }
    }

    private static void requireSyntax(String url, String text) throws FetchRefusedException {
        if (text.isEmpty()) {
            throw refused(Reason.MALFORMED_URL, url, "the URL is empty");
        }
        if (text.length() > MAX_URL_LENGTH) {
            throw refused(Reason.MALFORMED_URL, url, "the URL is " + text.length() + " characters long; at most "
                    + MAX_URL_LENGTH + " are fetched");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\\' || (c >= 0x80 && c <= 0x9f) || Character.isWhitespace(c)) {
                throw refused(Reason.MALFORMED_URL, url, "it contains a space, control character or backslash, "
                        + "which URL parsers read differently; percent-encode it");
            }
        }
    }

    private static URI parse(String url, String text) throws FetchRefusedException {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw refused(Reason.MALFORMED_URL, url, "it is not a valid URL");
        }
    }

    /** Converts an internationalised host name to its ASCII (punycode) form, so that it can be checked and resolved. */
    private static String withAsciiHost(String url, String text) throws FetchRefusedException {
        if (text.chars().allMatch(c -> c < 0x80)) {
            return text;
        }
        int start = text.indexOf("://");
        if (start < 0) {
            return text;
        }
        start += 3;
        int end = start;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String authority = text.substring(start, end);
        if (authority.contains("@") || authority.startsWith("[")) {
            return text;
        }
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        try {
            String ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
            return text.substring(0, start) + ascii + authority.substring(host.length()) + text.substring(end);
        } catch (IllegalArgumentException e) {
            throw refused(Reason.MALFORMED_URL, url, "its host is not a valid internationalised host name");
        }
    }

    private Destination destination(String url, URI uri, String scheme, String host, int port, boolean secure)
            throws FetchRefusedException {
        String name = host;
        Optional<InetAddress> literal;
        if (host.startsWith("[")) {
            literal = Optional.of(ipv6(url, host.substring(1, host.length() - 1)));
            name = literal.get().getHostAddress();
        } else {
            name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            requireHostName(url, name);
            literal = ipv4(url, name, port);
        }
        String shownHost = host.startsWith("[") ? host : name;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String portPart = port == (secure ? 443 : 80) ? "" : ":" + port;
        try {
            URI normalised = new URI(scheme + "://" + shownHost + portPart + path + query);
            return new Destination(URI.create(normalised.toASCIIString()), name, port, secure, literal);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw refused(Reason.MALFORMED_URL, url, "it is not a valid URL");
        }
    }

    private static InetAddress ipv6(String url, String literal) throws FetchRefusedException {
        if (!IPV6.matcher(literal).matches()) {
            throw refused(Reason.MALFORMED_URL, url, "its IPv6 address is not valid (zone ids are not fetched)");
        }
        try {
            return InetAddress.getByName(literal);   // only hex digits, colons and dots: parsed, never looked up
        } catch (UnknownHostException e) {
            throw refused(Reason.MALFORMED_URL, url, "its IPv6 address is not valid");
        }
    }

    private static void requireHostName(String url, String name) throws FetchRefusedException {
        if (name.isEmpty() || name.length() > 253) {
            throw refused(Reason.MALFORMED_URL, url, "its host name is empty or longer than 253 characters");
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw refused(Reason.MALFORMED_URL, url, "its host name has an empty or invalid part");
            }
        }
    }

    /** The address a host written as an IPv4 number names; refuses non-standard forms and invalid numbers. */
    private Optional<InetAddress> ipv4(String url, String name, int port) throws FetchRefusedException {
        Ipv4Forms.Parsed parsed = Ipv4Forms.parse(name);
        if (parsed instanceof Ipv4Forms.Invalid) {
            throw refused(Reason.MALFORMED_URL, url, "its host " + name + " ends in a number but is no valid IPv4 "
                    + "address");
        }
        if (!(parsed instanceof Ipv4Forms.Address address)) {
            return Optional.empty();
        }
        if (!address.canonical()) {
            Optional<AddressRanges.Kind> kind = AddressRanges.notPublicV4(address.value());
            if (kind.isPresent() && !allowList.allows(address.dotted(), port)) {
                throw refused(Reason.ADDRESS_NOT_PUBLIC, url, "its host " + name + " is the IPv4 address "
                        + address.dotted() + " written another way, " + kind.get().describe() + NOT_PUBLIC);
            }
            throw refused(Reason.MALFORMED_URL, url, "its host " + name + " writes an IPv4 address in a non-standard "
                    + "form (dotless, octal, hex or shortened); write it as " + address.dotted());
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {(byte) (address.value() >>> 24),
                    (byte) (address.value() >>> 16), (byte) (address.value() >>> 8), (byte) address.value()}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** Refuses addresses written in the URL, and names that are local by definition, before any lookup. */
    private static void requirePublicLiteral(Destination destination, String url) throws FetchRefusedException {
        if (destination.literal().isPresent()) {
            Optional<AddressRanges.Kind> kind = AddressRanges.notPublic(destination.literal().get());
            if (kind.isPresent()) {
                throw refused(Reason.ADDRESS_NOT_PUBLIC, url, "its host " + destination.host() + " is "
                        + kind.get().describe() + NOT_PUBLIC);
            }
            return;
        }
        String host = destination.host();
        if (host.equals("localhost") || !host.contains(".")) {
            throw refused(Reason.ADDRESS_NOT_PUBLIC, url, "its host " + host + " is a local name, not a public "
                    + "domain" + NOT_PUBLIC);
        }
        for (String suffix : LOCAL_SUFFIXES) {
            if (host.endsWith(suffix)) {
                throw refused(Reason.ADDRESS_NOT_PUBLIC, url, "its host " + host + " is in " + suffix.substring(1)
                        + ", which names local networks" + NOT_PUBLIC);
            }
        }
    }

    private static String shown(String scheme) {
        return scheme.length() > 20 ? scheme.substring(0, 20) + "…" : scheme;
    }

    private static FetchRefusedException refused(Reason reason, String url, String why) {
        return new FetchRefusedException(reason, url, why);
    }
}
