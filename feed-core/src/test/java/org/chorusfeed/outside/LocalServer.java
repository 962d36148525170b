package org.chorusfeed.outside;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A real HTTP/1.1 (or HTTPS) server on 127.0.0.1 and a free port, written on plain sockets so that tests control
 * every byte a hostile server could send; it counts the requests it reads. One request per connection.
 */
final class LocalServer implements AutoCloseable {
    private final ServerSocket socket;
    private final String scheme;
    private final ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Handler> routes = new LinkedHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();

    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange) throws IOException, InterruptedException;
    }

    private LocalServer(ServerSocket socket, String scheme) {
        this.socket = socket;
        this.scheme = scheme;
        pool.execute(this::acceptAll);
    }

    /** A plain HTTP server. */
    static LocalServer http() {
        try {
            return new LocalServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTPS server presenting the certificate in {@code context}. */
    static LocalServer https(SSLContext context) {
        try {
            return new LocalServer(context.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getLoopbackAddress()), "https");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers requests whose path starts with {@code prefix} (the longest prefix wins). */
    synchronized LocalServer route(String prefix, Handler handler) {
        routes.put(prefix, handler);
        return this;
    }

    /** How many requests the server read. */
    int requests() {
        return requests.get();
    }

    /** The host names TLS clients asked for (SNI), in order. */
    List<String> serverNames() {
        return List.copyOf(serverNames);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** {@code http://127.0.0.1:port/path}. */
    String url(String path) {
        return scheme + "://127.0.0.1:" + port() + path;
    }

    /** The allow-list entry for this server: {@code 127.0.0.1:port}. */
    String allowEntry() {
        return "127.0.0.1:" + port();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                pool.execute(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(10_000);
            if (connection instanceof SSLSocket tls) {
                tls.startHandshake();
                for (SNIServerName name : ((ExtendedSSLSession) tls.getSession()).getRequestedServerNames()) {
                    serverNames.add(name instanceof SNIHostName host ? host.getAsciiName() : name.toString());
                }
            }
            InputStream in = new BufferedInputStream(connection.getInputStream());
            Exchange exchange = Exchange.read(in, connection.getOutputStream());
            if (exchange == null) {
                return;
            }
            requests.incrementAndGet();
            Handler handler = handlerFor(exchange.path());
            if (handler == null) {
                exchange.respond(404, "text/plain", "no route");
            } else {
                handler.handle(exchange);
            }
            connection.getOutputStream().flush();
        } catch (IOException e) {
            // the client went away, as it does when it refuses a body
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Handler handlerFor(String path) {
        Handler best = null;
        int bestLength = -1;
        for (Map.Entry<String, Handler> route : routes.entrySet()) {
            if (path.startsWith(route.getKey()) && route.getKey().length() > bestLength) {
                best = route.getValue();
                bestLength = route.getKey().length();
            }
        }
        return best;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pool.shutdownNow();
    }

    /** One request as read, and the means to answer it. */
    static final class Exchange {
        final String method;
        final String target;
        final Map<String, String> headers;
        final OutputStream out;

        private Exchange(String method, String target, Map<String, String> headers, OutputStream out) {
            this.method = method;
            this.target = target;
            this.headers = headers;
            this.out = out;
        }

        static Exchange read(InputStream in, OutputStream out) throws IOException {
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return null;
            }
            String[] parts = requestLine.split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            return new Exchange(parts[0], parts.length > 1 ? parts[1] : "/", headers, out);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                line.write(c);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }

        /** A request header, or "" when not sent. */
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        String path() {
            int question = target.indexOf('?');
            return question < 0 ? target : target.substring(0, question);
        }

        /** The query without {@code ?}, or "". */
        String query() {
            int question = target.indexOf('?');
            return question < 0 ? "" : target.substring(question + 1);
        }

        /** Writes a status line and the given header lines ("Name: value"), then the blank line. */
        void head(int status, String... headerLines) throws IOException {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Whatever\r\n");
            for (String header : headerLines) {
                head.append(header).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        }

        /** A complete response with a {@code Content-Length} body; no content type when {@code contentType} is "". */
        void respond(int status, String contentType, byte[] body, String... headerLines) throws IOException {
            String[] all = new String[headerLines.length + 2];
            all[0] = "Content-Length: " + body.length;
            all[1] = contentType.isEmpty() ? "Connection: close" : "Content-Type: " + contentType;
            System.arraycopy(headerLines, 0, all, 2, headerLines.length);
            head(status, all);
            out.write(body);
        }

        void respond(int status, String contentType, String body, String... headerLines) throws IOException {
            respond(status, contentType, body.getBytes(StandardCharsets.UTF_8), headerLines);
        }

        void redirect(int status, String location) throws IOException {
            head(status, "Location: " + location, "Content-Length: 0");
        }

        /** One chunk of a chunked body; an empty one ends it. */
        void chunk(byte[] data, int length) throws IOException {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data, 0, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
