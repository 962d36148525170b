package org.chorusfeed.outside;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.chorusfeed.outside.FetchRefusedException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SafeFetcher}: speaks HTTP/1.1 itself over a socket it connects to the address it vetted, because
 * {@code java.net.http.HttpClient} resolves host names again on its own and cannot be held to a checked address.
 */
final class PinnedFetcher implements SafeFetcher {
    private static final String PRODUCT = "Chorus/0.1";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final UrlPolicy policy;
    private final Dialer dialer;
    private final @Nullable SSLContext sslContext;
    private final HostPermits permits;
    private final SharedFetches shared;
    private final long maxBytes;
    private final Duration connectTimeout;
    private final Duration totalTimeout;
    private final int maxRedirects;
    private final String userAgent;
    private final Clock clock;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** What one exchange led to: a result, or a redirect to follow. */
    private sealed interface Answer {
    }

    private record Done(FetchResult result) implements Answer {
    }

    private record Redirect(String location) implements Answer {
    }

    PinnedFetcher(SafeFetcher.Builder builder) {
        this.policy = new UrlPolicy(new AllowList(builder.allowed), builder.resolver);
        this.dialer = builder.dialer;
        this.sslContext = builder.sslContext;
        this.permits = new HostPermits(builder.perHostConcurrency);
        this.shared = new SharedFetches(builder.clock, builder.cacheEntries, builder.cacheBytes, builder.cacheTtl);
        this.maxBytes = builder.maxBytes;
        this.connectTimeout = builder.connectTimeout;
        this.totalTimeout = builder.totalTimeout;
        this.maxRedirects = builder.maxRedirects;
        this.userAgent = builder.hub == null ? PRODUCT : PRODUCT + " (+" + builder.hub + ")";
        this.clock = builder.clock;
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws FetchRefusedException {
        Objects.requireNonNull(request, "request");
        requireOpen();
        Deadline deadline = Deadline.after(totalTimeout);
        Destination first = policy.check(request.url());
        long max = request.maxBytes().orElse(maxBytes);
        SharedFetches.Key key = new SharedFetches.Key(first.uri(), request.acceptedTypes(), request.ifNoneMatch(),
                request.ifModifiedSince(), max);
        return shared.fetch(key, deadline, () -> follow(first, request, max, deadline));
    }

    @Override
    public URI check(String url) throws FetchRefusedException {
        Objects.requireNonNull(url, "url");
        return policy.check(url).uri();
    }

    @Override
    public void close() {
        closed = true;
        permits.close();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the fetcher is closed; build a new one");
        }
    }

    private FetchResult follow(Destination start, FetchRequest request, long max, Deadline deadline)
            throws FetchRefusedException {
        Destination current = start;
        @Nullable Destination previous = null;
        for (int redirects = 0; ; redirects++) {
            Answer answer;
            try {
                answer = exchange(current, request, max, deadline);
            } catch (FetchRefusedException e) {
                throw previous == null ? e : e.redirectedFrom(previous.url());
            }
            if (answer instanceof Done done) {
                return done.result();
            }
            if (redirects == maxRedirects) {
                throw new FetchRefusedException(Reason.TOO_MANY_REDIRECTS, start.url(), "it redirects more than "
                        + maxRedirects + " times");
            }
            previous = current;
            current = redirectTarget(current, ((Redirect) answer).location());
        }
    }

    /** Checks a redirect's target exactly as the first URL was checked. */
    private Destination redirectTarget(Destination from, String location) throws FetchRefusedException {
        String target;
        try {
            target = from.uri().resolve(new URI(location.strip())).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchRefusedException(Reason.MALFORMED_URL, location, "the redirect from " + from.url()
                    + " is not a valid URL");
        }
        try {
            return policy.check(target);
        } catch (FetchRefusedException e) {
            throw e.redirectedFrom(from.url());
        }
    }

    private Answer exchange(Destination destination, FetchRequest request, long max, Deadline deadline)
            throws FetchRefusedException {
        List<InetAddress> addresses = vet(destination);
        permits.acquire(destination.host(), deadline, destination.url());
        Socket socket = null;
        try {
            socket = connect(destination, addresses, deadline);
            Http1Connection connection = new Http1Connection(socket, deadline, destination.url());
            connection.send(destination, request, userAgent);
            ResponseHead head = connection.readHead();
            return answer(destination, request, head, connection, max);
        } catch (FetchRefusedException e) {
            throw closed ? closedDuring(destination) : e;
        } catch (SocketTimeoutException e) {
            throw deadline.timedOut(destination.url());
        } catch (SSLException e) {
            throw closed ? closedDuring(destination) : new FetchRefusedException(Reason.TLS, destination.url(),
                    "the https handshake with " + destination.host() + " failed: its certificate is not valid for "
                            + "that name or no common protocol was found");
        } catch (ZipException e) {
            throw new FetchRefusedException(Reason.MALFORMED_RESPONSE, destination.url(), "its gzip body is corrupt");
        } catch (IOException e) {
            throw closed ? closedDuring(destination) : new FetchRefusedException(Reason.CONNECTION_FAILED,
                    destination.url(), "the connection to " + destination.host() + " broke off");
        } finally {
            if (socket != null) {
                closeQuietly(socket);
                open.removeIf(Socket::isClosed);
            }
            permits.release(destination.host());
        }
    }

    private List<InetAddress> vet(Destination destination) throws FetchRefusedException {
        if (closed) {
            throw closedDuring(destination);
        }
        return policy.vet(destination);
    }

    private Answer answer(Destination destination, FetchRequest request, ResponseHead head,
            Http1Connection connection, long max) throws IOException {
        int status = head.status();
        String url = destination.url();
        if (REDIRECTS.contains(status)) {
            return new Redirect(head.header("Location").orElseThrow(() -> new FetchRefusedException(
                    Reason.HTTP_STATUS, url, "the server answered " + status + " (a redirect) without a Location", status,
                    null)));
        }
        if (status == 304 && request.isConditional()) {
            return new Done(new FetchResult(destination.uri(), 304, Optional.empty(), new byte[0],
                    head.validator("ETag").or(request::ifNoneMatch),
                    head.validator("Last-Modified").or(request::ifModifiedSince)));
        }
        if (status != 200 && status != 203) {
            throw new FetchRefusedException(Reason.HTTP_STATUS, url, "the server answered with status " + status,
                    status, retryAfter(head).orElse(null));
        }
        String contentType = head.validator("Content-Type").filter(value -> value.length() <= 256)
                .orElseThrow(() -> new FetchRefusedException(Reason.CONTENT_TYPE, url, "the response has no "
                        + "content type; expected " + expected(request)));
        String mediaType = MediaTypes.mediaType(contentType);
        if (!request.acceptedTypes().contains(mediaType)) {
            throw new FetchRefusedException(Reason.CONTENT_TYPE, url, "the response is "
                    + Urls.display(mediaType) + "; expected " + expected(request));
        }
        byte[] body = connection.readBody(head, max);
        return new Done(new FetchResult(destination.uri(), status, Optional.of(contentType), body,
                head.validator("ETag"), head.validator("Last-Modified")));
    }

    /** Connects to the first vetted address that answers; for https, completes the handshake on that connection. */
    private Socket connect(Destination destination, List<InetAddress> addresses, Deadline deadline)
            throws IOException {
        IOException last = null;
        for (InetAddress address : addresses) {
            if (deadline.passed()) {
                throw deadline.timedOut(destination.url());
            }
            Socket plain;
            try {
                plain = dialer.dial(new InetSocketAddress(address, destination.port()),
                        deadline.timeoutMillis(connectTimeout));
            } catch (IOException e) {
                last = e;
                continue;
            }
            open.add(plain);
            try {
                return destination.secure() ? tls(plain, destination, deadline) : plain;
            } catch (IOException | RuntimeException e) {
                open.remove(plain);
                closeQuietly(plain);
                throw e;
            }
        }
        if (last instanceof SocketTimeoutException) {
            throw deadline.passed() ? deadline.timedOut(destination.url()) : new FetchRefusedException(
                    Reason.CONNECTION_FAILED, destination.url(), destination.host() + " did not accept a connection "
                            + "within " + connectTimeout.toMillis() + " ms");
        }
        throw new FetchRefusedException(Reason.CONNECTION_FAILED, destination.url(), "could not connect to "
                + destination.host() + " on port " + destination.port());
    }

    /** Wraps the connected socket in TLS for the URL's host: SNI, and the certificate checked against that name. */
    private Socket tls(Socket plain, Destination destination, Deadline deadline) throws IOException {
        SSLSocket tls = (SSLSocket) context().getSocketFactory()
                .createSocket(plain, destination.host(), destination.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (destination.literal().isEmpty()) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(destination.host())));
            } catch (IllegalArgumentException e) {
                // a name SNI cannot carry (say, with an underscore): the certificate check still applies
            }
        }
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(deadline.timeoutMillis(totalTimeout));
        tls.startHandshake();
        return tls;
    }

    private SSLContext context() throws SSLException {
        if (sslContext != null) {
            return sslContext;
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new SSLException("no default TLS context", e);
        }
    }

    private Optional<Duration> retryAfter(ResponseHead head) {
        Optional<String> value = head.header("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        if (!text.isEmpty() && text.length() <= 9 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), until);
            return wait.isNegative() ? Optional.of(Duration.ZERO) : Optional.of(wait);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String expected(FetchRequest request) {
        return "one of " + String.join(", ", request.acceptedTypes().stream().sorted().toList());
    }

    private FetchRefusedException closedDuring(Destination destination) {
        return new FetchRefusedException(Reason.CLOSED, destination.url(), "the fetcher was closed during the fetch");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is best effort; the socket is gone either way
        }
    }
}
