package org.chorusfeed.outside;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The internet as the SSRF corpus sees it, played on loopback: a pretend DNS that answers as the corpus's host
 * names really do (names that resolve to loopback or metadata addresses, a rebinding name whose second answer is
 * internal), and a dialer that routes the pretend public addresses to local HTTP and HTTPS servers that redirect
 * as the corpus's redirect services do. A connection to any non-public address goes to a {@link Canary}, whose
 * count must stay at zero; every dial is recorded.
 */
final class PretendInternet implements AutoCloseable {
    static final String REBINDING = "make-1.2.3.4-rebind-169.254-169.254-rr.1u.ms";
    private static final Pattern NIP_IO = Pattern.compile("(?:.*\\.)?(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})\\.nip\\.io");

    final Canary canary = new Canary();
    final LocalServer http = LocalServer.http();
    final LocalServer https;
    final TestTls tls;
    private final List<InetSocketAddress> dials = Collections.synchronizedList(new ArrayList<>());
    private final List<String> lookups = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger rebindingAnswers = new AtomicInteger();

    PretendInternet() throws Exception {
        tls = TestTls.shared();
        https = LocalServer.https(tls.server);
        http.route("/", this::answer);
        https.route("/", this::answer);
    }

    /** A fetcher builder wired to this internet. */
    SafeFetcher.Builder fetcher() {
        return SafeFetcher.builder().resolver(this::resolve).dialer(this::dial).sslContext(tls.client)
                .totalTimeout(Duration.ofSeconds(5));
    }

    /** Every address a fetcher dialled. */
    List<InetSocketAddress> dials() {
        synchronized (dials) {
            return List.copyOf(dials);
        }
    }

    /** Every name a fetcher looked up. */
    List<String> lookups() {
        synchronized (lookups) {
            return List.copyOf(lookups);
        }
    }

    private InetAddress[] resolve(String host) throws UnknownHostException {
        lookups.add(host);
        Matcher nip = NIP_IO.matcher(host);
        if (nip.matches()) {
            return addresses(nip.group(1));
        }
        return switch (host.toLowerCase(Locale.ROOT)) {
            case "localhost", "localtest.me", "localh.st" -> addresses("127.0.0.1");
            case "ip6-localhost", "ip6-loopback" -> addresses("::1");
            case "metadata.google.internal", "metadata.amazonaws.com", "instance-data" -> addresses("169.254.169.254");
            case REBINDING -> addresses(rebindingAnswers.getAndIncrement() == 0 ? "1.2.3.4" : "169.254.169.254");
            case "307.r3dir.me" -> addresses("1.1.1.1");
            case "nicob.net" -> addresses("1.0.0.1");
            case "public.chorus.test" -> addresses("9.9.9.9");
            case "split.chorus.test" -> addresses("9.9.9.9", "10.1.2.3");
            default -> throw new UnknownHostException(host);
        };
    }

    private static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByName(literals[i]);
        }
        return addresses;
    }

    private Socket dial(InetSocketAddress address, int timeoutMillis) throws IOException {
        dials.add(address);
        InetSocketAddress route;
        if (AddressRanges.notPublic(address.getAddress()).isPresent()) {
            route = canary.address();
        } else if (address.getPort() == 80) {
            route = new InetSocketAddress(InetAddress.getLoopbackAddress(), http.port());
        } else if (address.getPort() == 443) {
            route = new InetSocketAddress(InetAddress.getLoopbackAddress(), https.port());
        } else {
            throw new ConnectException("nothing listens on " + address);
        }
        Socket socket = new Socket();
        socket.connect(route, timeoutMillis);
        return socket;
    }

    /** What the public servers of the corpus answer. */
    private void answer(LocalServer.Exchange exchange) throws IOException {
        String host = exchange.header("Host").replaceFirst(":\\d+$", "");
        String path = exchange.path();
        String query = exchange.query();
        if (host.equals("307.r3dir.me") && path.startsWith("/--to/") && query.startsWith("url=")) {
            exchange.redirect(307, URLDecoder.decode(query.substring(4), StandardCharsets.UTF_8));
        } else if (host.equals("nicob.net") && path.startsWith("/redir-http-")) {
            String target = path.substring("/redir-http-".length(), path.length() - 1);
            exchange.redirect(302, "http://" + target + "/");
        } else if (host.equals(REBINDING)) {
            exchange.redirect(302, "http://" + REBINDING + "/again");
        } else {
            exchange.respond(200, "text/html; charset=utf-8", "<title>a public page</title>");
        }
    }

    @Override
    public void close() {
        http.close();
        https.close();
        canary.close();
    }
}
