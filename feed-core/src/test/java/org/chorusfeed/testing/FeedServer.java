package org.chorusfeed.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 and a free port, serving blogs for tests: each path answers with bytes set by
 * the test (an {@code ETag} is derived from them, and a matching {@code If-None-Match} gets {@code 304}), or with
 * a handler of its own for hostile answers. Counts requests and not-modified answers per path.
 */
public final class FeedServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "feed-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();

    private FeedServer(HttpServer server) {
        this.server = server;
        server.setExecutor(pool);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static FeedServer start() {
        try {
            return new FeedServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code body} at {@code path} with this content type, an ETag and conditional GET. */
    public FeedServer serve(String path, String contentType, byte[] body) {
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "-" + body.length + "\"";
        routes.put(path, exchange -> {
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
        return this;
    }

    /** Serves text (UTF-8) at {@code path}. */
    public FeedServer serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves a test resource (by its absolute name) at {@code path}. */
    public FeedServer serveResource(String path, String contentType, String resource) {
        try (InputStream in = FeedServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return serve(path, contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code path} with a handler of the test's own. */
    public FeedServer handle(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Answers {@code path} with a redirect to {@code location}. */
    public FeedServer redirect(String path, String location) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
    }

    /** {@code http://127.0.0.1:port/path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The allow-list entry for this server: {@code 127.0.0.1:port}. */
    public String allowEntry() {
        return "127.0.0.1:" + port();
    }

    /** The port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** How many requests came for {@code path}. */
    public int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    /** How many of them were answered {@code 304 Not Modified}. */
    public int notModified(String path) {
        AtomicInteger count = notModified.get(path);
        return count == null ? 0 : count.get();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            HttpHandler handler = routes.get(path);
            if (handler == null) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            handler.handle(exchange);
        } catch (IOException e) {
            // the client went away, as it does when it refuses a body
        }
    }

    /** Writes {@code total} bytes of {@code fill} as a chunked body (the client may stop reading early). */
    public static void stream(OutputStream out, long total, byte fill) throws IOException {
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, fill);
        for (long sent = 0; sent < total; sent += block.length) {
            out.write(block, 0, (int) Math.min(block.length, total - sent));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
