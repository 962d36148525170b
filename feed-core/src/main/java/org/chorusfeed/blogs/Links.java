package org.chorusfeed.blogs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Entry links: resolved against the feed, kept only when they are plain http(s) links, and normalised as keys. */
final class Links {
    private static final int MAX_LENGTH = 2048;

    private Links() {
    }

    /**
     * {@code href} resolved against {@code base}, when the result is an absolute http(s) URL with a host and no
     * user info ({@code https://bank.example@evil.example/} is dropped); empty otherwise.
     */
    static Optional<URI> web(String href, URI base) {
        String text = href.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI resolved = withPath(base).resolve(new URI(encodeIllegal(text)));
            URI absolute = new URI(resolved.toASCIIString()).normalize();
            return isWeb(absolute) ? Optional.of(absolute) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Percent-encodes the ASCII characters URLs may not hold but feeds write anyway, such as spaces and pipes. */
    private static String encodeIllegal(String href) {
        StringBuilder encoded = new StringBuilder(href.length());
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c <= ' ' || c == 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }

    /** A base for resolving: {@code xmlBase} resolved against {@code parent}, or {@code parent} when there is none. */
    static URI base(URI parent, String xmlBase) {
        if (xmlBase.isBlank()) {
            return parent;
        }
        try {
            return parent.resolve(new URI(xmlBase.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return parent;
        }
    }

    /** The base with {@code /} for an empty path: {@link URI#resolve} would join {@code https://a.example} and {@code x} as {@code https://a.examplex}. */
    private static URI withPath(URI base) {
        if (base.isOpaque() || base.getRawAuthority() == null || (base.getRawPath() != null && !base.getRawPath().isEmpty())) {
            return base;
        }
        try {
            return new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
        } catch (URISyntaxException e) {
            return base;
        }
    }

    /** Refuses a link that is not an absolute http(s) URL with a host and without user info. */
    static void requireWeb(URI link) {
        if (!isWeb(link)) {
            throw new IllegalArgumentException("link is \"" + link + "\"; an entry's link must be an absolute http or "
                    + "https URL with a host and no user info");
        }
    }

    /** The link as a key: no scheme, lower-case host, no default port, no fragment, no trailing slashes. */
    static String key(URI link) {
        String scheme = link.getScheme().toLowerCase(Locale.ROOT);
        int port = link.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = link.getRawPath() == null ? "" : link.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = link.getRawQuery() == null ? "" : "?" + link.getRawQuery();
        return link.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path + query;
    }

    private static boolean isWeb(URI link) {
        String scheme = link.getScheme();
        return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                && link.getHost() != null && link.getRawUserInfo() == null && link.toString().length() <= MAX_LENGTH;
    }
}
