package org.chorusfeed.outside;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * Where a checked URL leads: the normalised URL, its host as it will be resolved (or the address it names),
 * the port, and whether it is https.
 *
 * @param uri     the URL normalised: lower-case scheme and host, no default port, no fragment, ASCII only
 * @param host    the host: an ASCII name without a trailing dot, or the address's text for a literal
 * @param port    the port, default ports filled in
 * @param secure  whether the scheme is https
 * @param literal the address, when the URL names one instead of a host name
 */
record Destination(URI uri, String host, int port, boolean secure, Optional<InetAddress> literal) {

    /** The value of the {@code Host} header: the host (IPv6 in brackets) and any port that is not the default. */
    String hostHeader() {
        String shown = literal.filter(address -> address instanceof Inet6Address).isPresent() ? "[" + host + "]" : host;
        return port == defaultPort() ? shown : shown + ":" + port;
    }

    /** The request target: the path (at least {@code /}) and any query. */
    String requestTarget() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The port the scheme implies: 443 for https, 80 for http. */
    int defaultPort() {
        return secure ? 443 : 80;
    }

    /** The URL as text, for messages. */
    String url() {
        return uri.toString();
    }
}
