import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The live stream's baseline: a bare Jetty 12 (ee10) async servlet with the same shape as the Chorus stream, and
 * nothing else. {@code GET /chorus/api/stream} starts async, sends a preamble through a {@code WriteListener} and
 * keeps the connection; {@code POST /chorus/api/posts} answers 201 with a new id and hands one
 * {@code post.created} frame of the size Chorus sends (about 630 bytes) to a single fan-out thread, which writes it
 * to every connection in turn with the non-blocking output ({@code write} then {@code flush}), as Chorus's change
 * fan-out does. No store, no filters, no heartbeats, no session or security filters. {@link SseLoad} runs against
 * it exactly as against the hub, so the two are side by side in one run. An optional argument shards the
 * connections over that many fan-out threads (default 1, like Chorus), to measure what a parallel fan-out gains.
 *
 * <pre>{@code
 * java -cp samples/hub-site/target/chorus-hub.jar benchmarks/http/SseBaseline.java [FAN_OUT_THREADS]   # prints the port
 * }</pre>
 * Needs Jetty 12 ee10 and the Servlet API on the class path (the hub's shaded jar has both). Listens on 127.0.0.1
 * on a free port; stops when its process is stopped.
 */
public final class SseBaseline {
    private static final byte[] PREAMBLE = ": baseline live stream\nretry: 3000\n\n".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("baseline-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        int fanOutThreads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        ServletHolder holder = new ServletHolder("baseline", new Baseline(fanOutThreads));
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/chorus/api/*");
        server.setHandler(context);
        server.start();
        System.out.println("SseBaseline listening on 127.0.0.1 (port " + connector.getLocalPort() + "), " + fanOutThreads
                + " fan-out thread(s)");
        server.join();
    }

    static final class Baseline extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient List<Set<Client>> shards = new ArrayList<>();
        private final transient List<ExecutorService> fanOut = new ArrayList<>();
        private final AtomicLong ids = new AtomicLong(1_000_000);
        private final AtomicInteger next = new AtomicInteger();

        /** Clients are dealt round-robin to {@code fanOutThreads} shards, each written by a thread of its own. */
        Baseline(int fanOutThreads) {
            for (int i = 0; i < fanOutThreads; i++) {
                shards.add(ConcurrentHashMap.newKeySet());
                String name = "baseline-fan-out-" + i;
                fanOut.add(Executors.newSingleThreadExecutor(r -> {
                    Thread thread = new Thread(r, name);
                    thread.setDaemon(true);
                    return thread;
                }));
            }
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if ("/stream".equals(request.getPathInfo())) {
                response.setContentType("text/event-stream");
                response.setCharacterEncoding("UTF-8");
                response.setHeader("Cache-Control", "no-store");
                AsyncContext async = request.startAsync();
                async.setTimeout(0);
                ServletOutputStream out = response.getOutputStream();
                Client client = new Client(async, out, shards.get(Math.floorMod(next.getAndIncrement(), shards.size())));
                async.addListener(client);
                client.queue.add(PREAMBLE);
                client.shard.add(client);
                out.setWriteListener(client);
            } else {
                byte[] body = "{\"items\":[],\"next\":null,\"prev\":null}".getBytes(StandardCharsets.UTF_8);
                response.setContentType("application/json");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            long id = ids.incrementAndGet();
            String post = "{\"id\":\"" + id + "\",\"author\":{\"handle\":\"hannah\",\"name\":\"Hannah Example\","
                    + "\"organisation\":{\"slug\":\"baltic-lab\",\"name\":\"Baltic Lab\"}},\"publishedAt\":"
                    + "\"2026-11-30T10:00:00.123Z\",\"text\":\"SSE load test: one post to the live connections "
                    + "#benchmark\",\"segments\":[{\"type\":\"text\",\"text\":\"SSE load test: one post to the live "
                    + "connections \"},{\"type\":\"tag\",\"text\":\"#benchmark\",\"tag\":\"benchmark\"}],"
                    + "\"inReplyTo\":null,\"inReplyToAuthor\":null,\"source\":{\"kind\":\"native\"},\"preview\":null,"
                    + "\"appreciations\":0,\"editedAt\":null}";
            StringBuilder frame = new StringBuilder("id: " + id + "\nevent: post.created\ndata: " + post);
            while (frame.length() < 600) { // the size of Chorus's frame for the same post
                frame.insert(frame.length() - 1, ' ');
            }
            byte[] bytes = frame.append("\n\n").toString().getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < shards.size(); i++) {
                Set<Client> shard = shards.get(i);
                fanOut.get(i).execute(() -> {
                    for (Client client : shard) {
                        client.offer(bytes);
                    }
                });
            }
            byte[] body = post.getBytes(StandardCharsets.UTF_8);
            response.setStatus(201);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        /** One connection: a queue written under its lock while the output is ready. */
        final class Client implements WriteListener, AsyncListener {
            final AsyncContext async;
            final ServletOutputStream out;
            final ArrayDeque<byte[]> queue = new ArrayDeque<>(4);
            final Set<Client> shard;
            boolean closed;

            Client(AsyncContext async, ServletOutputStream out, Set<Client> shard) {
                this.async = async;
                this.out = out;
                this.shard = shard;
            }

            void offer(byte[] frame) {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    queue.add(frame);
                }
                onWritePossible();
            }

            @Override
            public synchronized void onWritePossible() {
                try {
                    boolean wrote = false;
                    while (out.isReady()) {
                        byte[] next = queue.poll();
                        if (next == null) {
                            if (wrote) {
                                wrote = false;
                                out.flush();
                                continue;
                            }
                            return;
                        }
                        out.write(next);
                        wrote = true;
                    }
                } catch (IOException | RuntimeException e) {
                    close();
                }
            }

            synchronized void close() {
                if (closed) {
                    return;
                }
                closed = true;
                shard.remove(this);
                try {
                    async.complete();
                } catch (IllegalStateException alreadyComplete) {
                    // the container completed it first
                }
            }

            @Override
            public void onError(Throwable failure) {
                close();
            }

            @Override
            public void onComplete(AsyncEvent event) {
                close();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                close();
            }

            @Override
            public void onError(AsyncEvent event) {
                close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        }
    }
}
