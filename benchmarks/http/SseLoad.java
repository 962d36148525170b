import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many idle live-stream connections to one Chorus servlet, then one post: how much heap an idle connection costs
 * the server, and how long the post takes to reach every connection.
 *
 * <p>Opens {@code --connections} HTTP/1.1 connections to {@code GET /chorus/api/stream} with non-blocking
 * {@link SocketChannel}s served by a few selector threads (no thread per connection), at most {@code --window}
 * handshakes in flight at once. A connection counts as established when it has the response headers (200,
 * {@code text/event-stream}). With {@code --server-pid}, the server's live heap is measured before any
 * connection, at a tenth of them and with all of them: {@code jcmd PID GC.class_histogram} (which runs a full GC
 * first and counts every live object's bytes exactly), cross-checked by {@code GC.run} then {@code GC.heap_info}.
 * Then it publishes one post with {@code POST /chorus/api/posts} (bearer token from the environment variable
 * {@code CHORUS_ADMIN_TOKEN}) and times, per connection, from just before the POST is sent until that connection
 * has read the whole {@code post.created} event carrying the new post's id; prints p50/p90/p99/max and how many
 * connections received it. {@code --posts K} publishes K posts one after another (each timed the same way; the first
 * is the figure, later ones show the fan-out once the JIT has compiled it); {@code --label} names the server in
 * the closing {@code RESULT} line, which sse.sh turns into its table.
 *
 * <pre>{@code
 * CHORUS_ADMIN_TOKEN=... java -Xmx512m SseLoad.java --port 8080 --connections 10000 --server-pid 12345
 * }</pre>
 * Loopback only: the host must be a loopback address. Bounded: every wait has a deadline.
 */
public final class SseLoad {
    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9]+)\"");

    private final Options options;
    private final InetSocketAddress address;
    private final ByteBuffer request;
    private final Semaphore toOpen = new Semaphore(0);
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger established = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger endedByServer = new AtomicInteger();
    private final AtomicInteger[] received;
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Conn[] conns;
    private final Worker[] workers;
    private volatile boolean stopping;

    private SseLoad(Options options) throws IOException {
        this.options = options;
        InetAddress host = InetAddress.getByName(options.host);
        if (!host.isLoopbackAddress()) {
            throw new IllegalArgumentException("--host " + options.host + " is not a loopback address; this load "
                    + "test runs on 127.0.0.1 only");
        }
        this.address = new InetSocketAddress(host, options.port);
        this.request = ByteBuffer.wrap(("GET " + options.path + " HTTP/1.1\r\nHost: " + options.host + ":" + options.port
                + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\nUser-Agent: chorus-sse-load\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
        this.conns = new Conn[options.connections];
        this.received = new AtomicInteger[options.posts];
        for (int i = 0; i < received.length; i++) {
            received[i] = new AtomicInteger();
        }
        this.workers = new Worker[options.selectors];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i, Math.max(1, options.window / workers.length));
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("SseLoad: " + e.getMessage());
            System.err.println("usage: java SseLoad.java --port PORT [--host 127.0.0.1] [--path /chorus/api/stream] "
                    + "[--connections 10000] [--selectors 2] [--window 64] [--server-pid PID] "
                    + "[--establish-timeout 180] [--delivery-timeout 30] [--posts 1] [--label chorus]   (CHORUS_ADMIN_TOKEN in the environment)");
            System.exit(2);
            return;
        }
        System.exit(new SseLoad(options).run());
    }

    private int run() throws Exception {
        String token = System.getenv("CHORUS_ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("SseLoad: set CHORUS_ADMIN_TOKEN to the hub's admin bearer secret");
            return 2;
        }
        int n = options.connections;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://" + options.host + ":" + options.port;
        // Warms up the client (and opens its connection) so the timed POST pays for neither.
        HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create(base + "/chorus/api/timeline?limit=1"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() != 200) {
            System.err.println("SseLoad: GET /chorus/api/timeline answered " + probe.statusCode());
            return 1;
        }
        System.out.printf(Locale.ROOT, "SSE load: %,d connections to %s%s, %d selector threads, %d handshakes in flight "
                + "at most; %s%n", n, base, options.path, workers.length, options.window, Instant.now());

        Heap before = heap("before any connection");
        for (Worker worker : workers) {
            worker.thread.start();
        }
        int checkpoint = n >= 1000 ? n / 10 : 0;
        long start = System.nanoTime();
        long establishDeadline = start + TimeUnit.SECONDS.toNanos(options.establishTimeoutSeconds);
        Heap atCheckpoint = null;
        if (checkpoint > 0) {
            openAndWait(checkpoint, establishDeadline);
            pause(1000);
            atCheckpoint = heap("with " + established.get() + " connections");
        }
        openAndWait(n, establishDeadline);
        double establishSeconds = (System.nanoTime() - start) / 1e9;
        int up = established.get();
        System.out.printf(Locale.ROOT, "established %,d of %,d in %.1f s (%,d failed)%s%n", up, n, establishSeconds,
                failed.get(), failures.isEmpty() ? "" : ": " + failures);
        if (up < n) {
            System.out.println("NOT ALL ESTABLISHED: the maximum reached was " + up
                    + " concurrent connections; the reasons are above (and in the hub log)");
        }
        pause(2000); // let every connection finish its start (replay of the change log) and the server settle
        Heap after = heap("with " + established.get() + " connections");
        int idle = established.get() - endedByServer.get();
        reportHeap(before, atCheckpoint, after, idle, checkpoint);

        // --- one post (or --posts of them, one after the other), and how long each connection takes to read it
        int exit = 0;
        for (int k = 0; k < options.posts; k++) {
            String text = "SSE load test: post " + (k + 1) + " to " + idle + " live connections at " + Instant.now()
                    + " #benchmark";
            HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/chorus/api/posts"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
                    .build();
            String load = loadAverage();
            long t0 = System.nanoTime();
            HttpResponse<String> created = http.send(post, HttpResponse.BodyHandlers.ofString());
            double postMillis = (System.nanoTime() - t0) / 1e6;
            Matcher id = FIRST_ID.matcher(created.body());
            if (created.statusCode() != 201 || !id.find()) {
                System.out.println("POST /chorus/api/posts answered " + created.statusCode() + ": " + created.body());
                stop();
                return 1;
            }
            String postId = id.group(1);
            System.out.printf(Locale.ROOT, "POST /chorus/api/posts: 201 in %.1f ms, post %s (1-minute load average "
                    + "just before: %s)%n", postMillis, postId, load);
            long deliveryDeadline = t0 + TimeUnit.SECONDS.toNanos(options.deliveryTimeoutSeconds);
            while (received[k].get() < idle && System.nanoTime() < deliveryDeadline) {
                pause(5);
            }
            pause(200); // a late or unexpected event would show now
            if (k == options.posts - 1) {
                stop();
            }

            long[] latencies = new long[conns.length];
            int count = 0;
            int wrongId = 0;
            for (Conn conn : conns) {
                if (conn != null && conn.receivedNanos[k] != 0) {
                    if (postId.equals(conn.receivedIds[k])) {
                        latencies[count++] = conn.receivedNanos[k] - t0;
                    } else {
                        wrongId++;
                    }
                }
            }
            latencies = Arrays.copyOf(latencies, count);
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "post.created received by %,d of %,d live connections (%,d established, %,d "
                    + "ended by the server, %,d with another post's id) within %d s%n", count, idle, up,
                    endedByServer.get(), wrongId, options.deliveryTimeoutSeconds);
            if (count > 0) {
                System.out.printf(Locale.ROOT, "delivery from just before the POST: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms (first connection %.1f ms)%n", pct(latencies, 50), pct(latencies, 90),
                        pct(latencies, 99), latencies[count - 1] / 1e6, latencies[0] / 1e6);
            }
            System.out.printf(Locale.ROOT, "RESULT server=%s post=%d connections=%d established=%d received=%d "
                    + "heap_per_conn_bytes=%s heap_per_conn_marginal_bytes=%s post_ms=%.1f p50_ms=%s p90_ms=%s p99_ms=%s "
                    + "max_ms=%s spread_ms=%s load=%s%n", options.label, k + 1, n, up, count, perConn(before, after, idle), atCheckpoint == null ? "-"
                    : perConn(atCheckpoint, after, idle - atCheckpoint.connections), postMillis, pctText(latencies, 50),
                    pctText(latencies, 90), pctText(latencies, 99),
                    count == 0 ? "-" : String.format(Locale.ROOT, "%.1f", latencies[count - 1] / 1e6),
                    count == 0 ? "-" : String.format(Locale.ROOT, "%.1f", (latencies[count - 1] - latencies[0]) / 1e6),
                    load);
            if (count != idle || idle != n) {
                exit = 1;
            }
        }
        return exit;
    }

    /** Lets the workers open connections until {@code target} have been tried, and waits until they are settled. */
    private void openAndWait(int target, long deadline) {
        toOpen.release(Math.max(0, target - opened.get() - toOpen.availablePermits()));
        for (Worker worker : workers) {
            worker.selector.wakeup();
        }
        int lastReported = 0;
        long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (established.get() + failed.get() < target && System.nanoTime() < deadline) {
            pause(10);
            if (System.nanoTime() > nextReport) {
                nextReport += TimeUnit.SECONDS.toNanos(5);
                int now = established.get();
                System.out.printf(Locale.ROOT, "  ... %,d established, %,d failed (+%,d in 5 s)%n", now, failed.get(),
                        now - lastReported);
                lastReported = now;
            }
        }
    }

    private void stop() throws InterruptedException {
        stopping = true;
        for (Worker worker : workers) {
            worker.selector.wakeup();
        }
        for (Worker worker : workers) {
            worker.thread.join(10_000);
        }
    }

    // --- the server's heap ----------------------------------------------------------------------------------

    /** Live heap of the server: exact bytes per class after a full GC, and G1's used figure after GC.run. */
    private record Heap(String label, int connections, long liveBytes, long usedKb, long rssKb, int threads,
            Map<String, long[]> classes) {
    }

    private Heap heap(String label) throws IOException, InterruptedException {
        if (options.serverPid <= 0) {
            return null;
        }
        String histogram = jcmd("GC.class_histogram");
        Map<String, long[]> classes = new HashMap<>();
        long total = -1;
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            } else if (f.length >= 3 && f[0].equals("Total")) {
                total = Long.parseLong(f[2]);
            }
        }
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K").matcher(info);
        long usedKb = used.find() ? Long.parseLong(used.group(1)) : -1;
        long rss = -1;
        int threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(options.serverPid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
            }
        }
        int live = established.get() - endedByServer.get();
        Heap heap = new Heap(label, live, total, usedKb, rss, threads, classes);
        System.out.printf(Locale.ROOT, "server heap %s: live %,d bytes (class histogram after full GC), used %,d KB "
                + "(GC.heap_info after GC.run); RSS %,d KB; %d threads%n", label, total, usedKb, rss, threads);
        return heap;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(options.serverPid), command)
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroy();
            throw new IOException("jcmd " + options.serverPid + " " + command + " failed: "
                    + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void reportHeap(Heap before, Heap checkpoint, Heap after, int idle, int checkpointTarget) {
        if (before == null || after == null || idle <= 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "heap per idle connection: %s bytes ((live with %,d - live with none) / %,d)"
                + "; G1 used: %.0f bytes; RSS: %.0f bytes%n", perConn(before, after, idle), idle, idle,
                (after.usedKb - before.usedKb) * 1024.0 / idle, (after.rssKb - before.rssKb) * 1024.0 / idle);
        if (checkpoint != null && idle > checkpoint.connections) {
            System.out.printf(Locale.ROOT, "marginal heap per connection from %,d to %,d connections: %s bytes%n",
                    checkpoint.connections, idle, perConn(checkpoint, after, idle - checkpoint.connections));
        }
        List<Map.Entry<String, long[]>> growth = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : after.classes.entrySet()) {
            long[] was = before.classes.getOrDefault(entry.getKey(), new long[2]);
            growth.add(Map.entry(entry.getKey(), new long[] {entry.getValue()[0] - was[0], entry.getValue()[1] - was[1]}));
        }
        growth.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed());
        long chorus = 0;
        long jetty = 0;
        long other = 0;
        for (Map.Entry<String, long[]> entry : growth) {
            if (entry.getKey().contains("org.chorusfeed.")) {
                chorus += entry.getValue()[1];
            } else if (entry.getKey().contains("org.eclipse.jetty.")) {
                jetty += entry.getValue()[1];
            } else {
                other += entry.getValue()[1];
            }
        }
        System.out.printf(Locale.ROOT, "  by owner of the class, per connection: org.chorusfeed.* %.0f B, "
                + "org.eclipse.jetty.* %.0f B, JDK classes (byte[], String, locks, maps; used by both) %.0f B%n",
                chorus / (double) idle, jetty / (double) idle, other / (double) idle);
        System.out.println("  what grew, per connection (bytes, objects, class):");
        for (Map.Entry<String, long[]> entry : growth.subList(0, Math.min(20, growth.size()))) {
            System.out.printf(Locale.ROOT, "    %8.1f B %6.2f  %s%n", entry.getValue()[1] / (double) idle,
                    entry.getValue()[0] / (double) idle, entry.getKey());
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String perConn(Heap from, Heap to, int connections) {
        if (from == null || to == null || connections <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f", (to.liveBytes - from.liveBytes) / (double) connections);
    }

    private static double pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static String pctText(long[] sorted, int p) {
        return sorted.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f", pct(sorted, p));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(Conn conn, String reason) {
        if (conn.phase != Conn.FAILED && conn.phase != Conn.ENDED) {
            if (conn.phase == Conn.BODY) {
                conn.phase = Conn.ENDED;
                endedByServer.incrementAndGet();
                failures.computeIfAbsent("ended after headers: " + reason, k -> new AtomicInteger()).incrementAndGet();
            } else {
                conn.phase = Conn.FAILED;
                failed.incrementAndGet();
                failures.computeIfAbsent(reason, k -> new AtomicInteger()).incrementAndGet();
            }
        }
        try {
            conn.channel.close();
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
    }

    // --- one selector thread and its share of the connections ----------------------------------------------

    private final class Worker implements Runnable {
        final Selector selector;
        final Thread thread;
        final int window;
        int inFlight;

        Worker(int index, int window) throws IOException {
            this.selector = Selector.open();
            this.window = window;
            this.thread = new Thread(this, "sse-selector-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            try {
                while (!stopping) {
                    while (inFlight < window && toOpen.tryAcquire()) {
                        open();
                    }
                    selector.select(20);
                    for (SelectionKey key : selector.selectedKeys()) {
                        Conn conn = (Conn) key.attachment();
                        try {
                            if (!key.isValid()) {
                                continue;
                            }
                            if (key.isConnectable()) {
                                conn.channel.finishConnect();
                                key.interestOps(SelectionKey.OP_WRITE);
                            } else if (key.isWritable()) {
                                conn.channel.write(conn.request);
                                if (!conn.request.hasRemaining()) {
                                    conn.phase = Conn.HEADERS;
                                    key.interestOps(SelectionKey.OP_READ);
                                }
                            } else if (key.isReadable()) {
                                buffer.clear();
                                int read = conn.channel.read(buffer);
                                long now = System.nanoTime();
                                if (read < 0) {
                                    boolean wasInFlight = conn.phase < Conn.BODY;
                                    fail(conn, conn.phase < Conn.BODY ? "closed before the headers" : "closed");
                                    if (wasInFlight) {
                                        inFlight--;
                                    }
                                    continue;
                                }
                                buffer.flip();
                                int phaseBefore = conn.phase;
                                String problem = conn.feed(buffer, now, SseLoad.this);
                                if (phaseBefore < Conn.BODY && conn.phase >= Conn.BODY) {
                                    inFlight--;
                                }
                                if (problem != null) {
                                    boolean wasInFlight = conn.phase < Conn.BODY;
                                    fail(conn, problem);
                                    if (wasInFlight) {
                                        inFlight--;
                                    }
                                }
                            }
                        } catch (IOException | RuntimeException e) {
                            boolean wasInFlight = conn.phase < Conn.BODY;
                            fail(conn, e.getClass().getSimpleName() + ": " + e.getMessage());
                            if (wasInFlight) {
                                inFlight--;
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                System.err.println("selector failed: " + e);
            } finally {
                for (SelectionKey key : selector.keys()) {
                    try {
                        key.channel().close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }

        private void open() {
            int index = nextIndex.getAndIncrement();
            opened.incrementAndGet();
            Conn conn = new Conn(request.duplicate(), options.posts);
            conns[index] = conn;
            inFlight++;
            try {
                conn.channel = SocketChannel.open();
                conn.channel.configureBlocking(false);
                conn.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                boolean connected = conn.channel.connect(address);
                conn.channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, conn);
            } catch (IOException | RuntimeException e) {
                inFlight--;
                conn.phase = Conn.FAILED;
                failed.incrementAndGet();
                failures.computeIfAbsent("open: " + e.getMessage(), k -> new AtomicInteger()).incrementAndGet();
                if (conn.channel != null) {
                    try {
                        conn.channel.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
        }
    }

    // --- one connection: HTTP/1.1 response headers, chunked body, server-sent events -----------------------

    private static final class Conn {
        static final int CONNECTING = 0;
        static final int HEADERS = 1;
        static final int BODY = 2;
        static final int ENDED = 3;
        static final int FAILED = 4;
        static final int CHUNK_SIZE = 0;
        static final int CHUNK_DATA = 1;
        static final int CHUNK_END = 2;

        final ByteBuffer request;
        SocketChannel channel;
        int phase = CONNECTING;
        final byte[] line = new byte[128]; // a prefix of the current header or chunk-size line: all that is needed
        int lineLength;
        int status;
        boolean chunked;
        boolean eventStream;
        int chunkState = CHUNK_SIZE;
        long chunkLeft;
        final byte[] sse = new byte[128]; // a prefix of the current event-stream line
        int sseLength;
        boolean createdEvent;
        String createdData;
        int receivedCount; // post.created events read so far: the k-th is the answer to the k-th POST
        final long[] receivedNanos;
        final String[] receivedIds;

        Conn(ByteBuffer request, int posts) {
            this.request = request;
            this.receivedNanos = new long[posts];
            this.receivedIds = new String[posts];
        }

        /** Takes bytes read at {@code now}; returns a problem that ends the connection, or null. */
        String feed(ByteBuffer in, long now, SseLoad load) {
            while (in.hasRemaining()) {
                if (phase == HEADERS) {
                    byte b = in.get();
                    if (b != '\n') {
                        if (lineLength < line.length) {
                            line[lineLength++] = b;
                        }
                        continue;
                    }
                    String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1).strip();
                    lineLength = 0;
                    if (status == 0) {
                        String[] parts = text.split(" ");
                        status = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
                    } else if (!text.isEmpty()) {
                        String lower = text.toLowerCase(Locale.ROOT);
                        if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                            chunked = true;
                        } else if (lower.startsWith("content-type:") && lower.contains("text/event-stream")) {
                            eventStream = true;
                        }
                    } else {
                        if (status != 200 || !eventStream) {
                            return "HTTP " + status + (eventStream ? "" : " (not text/event-stream)");
                        }
                        phase = BODY;
                        load.established.incrementAndGet();
                    }
                } else if (phase == BODY) {
                    if (!chunked) {
                        int n = in.remaining();
                        sse(in, n, now, load);
                        continue;
                    }
                    switch (chunkState) {
                        case CHUNK_SIZE, CHUNK_END -> {
                            byte b = in.get();
                            if (b != '\n') {
                                if (lineLength < line.length) {
                                    line[lineLength++] = b;
                                }
                                continue;
                            }
                            String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1).strip();
                            lineLength = 0;
                            if (chunkState == CHUNK_END) {
                                chunkState = CHUNK_SIZE;
                                continue;
                            }
                            int semicolon = text.indexOf(';');
                            chunkLeft = Long.parseLong(semicolon < 0 ? text : text.substring(0, semicolon), 16);
                            if (chunkLeft == 0) {
                                return "the server ended the stream";
                            }
                            chunkState = CHUNK_DATA;
                        }
                        default -> {
                            int n = (int) Math.min(chunkLeft, in.remaining());
                            sse(in, n, now, load);
                            chunkLeft -= n;
                            if (chunkLeft == 0) {
                                chunkState = CHUNK_END;
                            }
                        }
                    }
                } else {
                    in.position(in.limit());
                }
            }
            return null;
        }

        /** Parses {@code n} bytes of the event stream (lines end with LF; a blank line dispatches an event). */
        private void sse(ByteBuffer in, int n, long now, SseLoad load) {
            for (int i = 0; i < n; i++) {
                byte b = in.get();
                if (b != '\n') {
                    if (sseLength < sse.length) {
                        sse[sseLength++] = b;
                    }
                    continue;
                }
                int length = sseLength > 0 && sse[sseLength - 1] == '\r' ? sseLength - 1 : sseLength;
                sseLength = 0;
                if (length == 0) {
                    if (createdEvent && createdData != null && receivedCount < receivedNanos.length) {
                        Matcher id = FIRST_ID.matcher(createdData);
                        receivedIds[receivedCount] = id.find() ? id.group(1) : "?";
                        receivedNanos[receivedCount] = now;
                        load.received[receivedCount].incrementAndGet();
                        receivedCount++;
                    }
                    createdEvent = false;
                    createdData = null;
                } else if (startsWith(sse, length, "event:")) {
                    createdEvent = new String(sse, 6, length - 6, StandardCharsets.UTF_8).strip().equals("post.created");
                } else if (startsWith(sse, length, "data:") && createdEvent) {
                    createdData = new String(sse, 5, length - 5, StandardCharsets.UTF_8);
                }
            }
        }

        private static boolean startsWith(byte[] bytes, int length, String prefix) {
            if (length < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (bytes[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    // --- options ---------------------------------------------------------------------------------------------

    private static final class Options {
        String host = "127.0.0.1";
        int port = -1;
        String path = "/chorus/api/stream";
        int connections = 10_000;
        int selectors = 2;
        int window = 64;
        long serverPid = -1;
        int establishTimeoutSeconds = 180;
        int deliveryTimeoutSeconds = 30;
        int posts = 1;
        String label = "chorus";

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--host" -> o.host = value;
                    case "--port" -> o.port = number(name, value, 1, 65535);
                    case "--path" -> o.path = value;
                    case "--connections" -> o.connections = number(name, value, 1, 1_000_000);
                    case "--selectors" -> o.selectors = number(name, value, 1, 64);
                    case "--window" -> o.window = number(name, value, 1, 100_000);
                    case "--server-pid" -> o.serverPid = number(name, value, 1, Integer.MAX_VALUE);
                    case "--establish-timeout" -> o.establishTimeoutSeconds = number(name, value, 1, 3600);
                    case "--delivery-timeout" -> o.deliveryTimeoutSeconds = number(name, value, 1, 600);
                    case "--posts" -> o.posts = number(name, value, 1, 20);
                    case "--label" -> o.label = value.replaceAll("\\s+", "-");
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (o.port < 0) {
                throw new IllegalArgumentException("--port is required");
            }
            return o;
        }

        private static int number(String name, String value, int min, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException(name + " is '" + value + "'; give a whole number from " + min + " to " + max);
        }
    }
}
