package org.chorusfeed.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.chorusfeed.Chorus;
import org.chorusfeed.internal.SegmentSpans;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.text.PostText;
import org.chorusfeed.text.TextRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteException;

/**
 * Durable publishing (acknowledged only after its commit is on disk, {@code synchronous=FULL}): Chorus's
 * {@code posts().publish(...)} beside one raw autocommit {@code INSERT} of the post's row per publish, from one
 * thread and from 32. Each run writes into a fresh store of its own, so the generated store stays as it was.
 *
 * <p>Chorus does more per post than the raw row: it checks the author, checks and segments the text, writes the
 * post's tags and appends to the change log, each post in a savepoint. From 32 threads its one writer commits
 * the publishes waiting together (group commit); the raw writers each commit alone, queueing for SQLite's write
 * lock.
 *
 * <p>As with the reads ({@link TimelineBenchmark}), each Chorus method runs at the same time as its raw twin, as a
 * JMH group, so both meet the same disk: this disk's {@code fsync} takes from about 0.25 ms to 4 ms depending on
 * what else is running, which alone moved the one-writer ratio from 0.25 to 1.0 between runs measured apart.
 *
 * <p>The 32-thread figures are measured as fixed work, not with JMH's {@code @Threads(32)}: each invocation has
 * 32 writer threads (a {@link Crowd}) publish {@value #POSTS_EACH} posts each, all starting together, and the
 * score is posts per second of wall time. JMH adds up each thread's ops/s over that thread's own measured time,
 * and with SQLite's unfair write lock (a writer that finds it taken sleeps in the busy handler) that sum
 * overstated the rate: {@code @Threads(32)} reported 9,194 raw inserts/s for a 3 s iteration while the store
 * held 4,142 rows written over the whole trial.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class PublishBenchmark {
    static final int AUTHORS = 100;
    static final int TEXTS = 1024;
    static final int WRITERS = 32;
    static final int POSTS_EACH = 8;

    /** One thread publishing. */
    @Benchmark
    @Group("publish1Thread")
    @GroupThreads(1)
    public Post publish1ThreadChorus(ChorusWriter chorus) {
        return chorus.publish();
    }

    /** One thread inserting a post's row per autocommit {@code INSERT}. */
    @Benchmark
    @Group("publish1Thread")
    @GroupThreads(1)
    public long publish1ThreadRaw(RawWriter raw, RawConnection connection) throws SQLException {
        return connection.insert(raw);
    }

    /** 32 threads publishing at once, {@value #POSTS_EACH} posts each; the score is posts per second. */
    @Benchmark
    @Group("publish32Threads")
    @GroupThreads(1)
    @OperationsPerInvocation(WRITERS * POSTS_EACH)
    public int publish32ThreadsChorus(ChorusWriter chorus, Crowd crowd) throws Exception {
        return crowd.each(writer -> chorus.publish());
    }

    /**
     * 32 threads inserting at once, each on its own connection, each row in its own autocommit {@code INSERT};
     * the score is rows per second.
     */
    @Benchmark
    @Group("publish32Threads")
    @GroupThreads(1)
    @OperationsPerInvocation(WRITERS * POSTS_EACH)
    public int publish32ThreadsRaw(RawWriter raw, RawCrowdConnections connections, Crowd crowd) throws Exception {
        return crowd.each(writer -> connections.connections[writer].insert(raw));
    }

    /** {@value #WRITERS} writer threads that start together on each round of work; a crowd for each side. */
    @State(Scope.Thread)
    public static class Crowd {
        int postsEach = POSTS_EACH;
        ExecutorService threads;

        /** What one writer does for each of its posts. */
        @FunctionalInterface
        interface Work {
            void run(int writer) throws Exception;
        }

        /** Starts the threads. */
        @Setup(Level.Trial)
        public void start() {
            ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(WRITERS);
            pool.prestartAllCoreThreads();
            threads = pool;
        }

        /** Has every writer do the work {@link #postsEach} times, all starting at once; returns how many. */
        int each(Work work) throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>(WRITERS);
            for (int writer = 0; writer < WRITERS; writer++) {
                int w = writer;
                writers.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < postsEach; i++) {
                        work.run(w);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
            return WRITERS * postsEach;
        }

        /** Stops the threads. */
        @TearDown(Level.Trial)
        public void stop() {
            threads.shutdownNow();
        }
    }

    /** A fresh Chorus store with {@value #AUTHORS} members and {@value #TEXTS} post texts to publish. */
    @State(Scope.Benchmark)
    public static class ChorusWriter {
        Path directory;
        Chorus chorus;
        MemberId[] authors;
        String[] texts;

        /** Creates the store beside the generated one, on the same disk. */
        @Setup(Level.Trial)
        public void open() {
            open(BenchConfig.fromSystemProperties());
        }

        void open(BenchConfig config) {
            directory = freshDirectory(config);
            chorus = Chorus.builder().dataDirectory(directory).build();
            authors = admitAuthors(chorus).stream().map(Member::id).toArray(MemberId[]::new);
            texts = texts(config);
        }

        Post publish() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return chorus.posts().publish(authors[random.nextInt(authors.length)], texts[random.nextInt(texts.length)]);
        }

        /** Closes Chorus and deletes its store. */
        @TearDown(Level.Trial)
        public void close() {
            if (chorus != null) {
                chorus.close();
            }
            deleteDirectory(directory);
        }
    }

    /**
     * A fresh store (schema and members made by Chorus, then closed) for raw inserts: the texts already checked
     * and segmented, and ids minted as the store mints them.
     */
    @State(Scope.Benchmark)
    public static class RawWriter {
        Path directory;
        long[] authors;
        String[] texts;
        String[] spans;
        final AtomicLong lastId = new AtomicLong();
        final AtomicLong busyRetries = new AtomicLong();
        final AtomicLong inserted = new AtomicLong();

        /** Creates the store beside the generated one, on the same disk. */
        @Setup(Level.Trial)
        public void open() {
            open(BenchConfig.fromSystemProperties());
        }

        void open(BenchConfig config) {
            directory = freshDirectory(config);
            try (Chorus chorus = Chorus.builder().dataDirectory(directory).build()) {
                authors = admitAuthors(chorus).stream().mapToLong(member -> member.id().value()).toArray();
            }
            String[] raw = texts(config);
            texts = new String[raw.length];
            spans = new String[raw.length];
            for (int i = 0; i < raw.length; i++) {
                PostText text = TextRules.defaults().parse(raw[i], handle -> handle.startsWith("author-"));
                texts[i] = text.text();
                spans[i] = SegmentSpans.encode(text.segments());
            }
        }

        /** A new post id: greater than every one before, and at least the first of this millisecond. */
        long mintId() {
            long floor = PostId.firstAt(Instant.now()).value();
            return lastId.accumulateAndGet(floor, (last, first) -> Math.max(last + 1, first));
        }

        /** Says how many rows were written, then deletes the store. */
        @TearDown(Level.Trial)
        public void close() throws SQLException {
            try (Connection connection = RawSql.open(directory)) {
                System.out.println("[chorus-bench] raw inserts wrote " + RawSql.queryLong(connection,
                        "SELECT COUNT(*) FROM posts") + " rows (" + inserted.get() + " acknowledged); " + busyRetries.get()
                        + " were retried after SQLITE_BUSY (the 5 s busy timeout ran out)");
            }
            deleteDirectory(directory);
        }
    }

    /** Each thread's own connection for raw inserts, with the store's pragmas ({@code synchronous=FULL}). */
    @State(Scope.Thread)
    public static class RawConnection {
        Connection connection;
        PreparedStatement insert;

        /** Opens this thread's connection. */
        @Setup(Level.Trial)
        public void open(RawWriter store) throws SQLException {
            connection = RawSql.open(store.directory);
            insert = connection.prepareStatement("INSERT INTO posts (id, author_id, text, spans, in_reply_to, "
                    + "source_kind, source_url, source_title) VALUES (?, ?, ?, ?, NULL, 'NATIVE', NULL, NULL)");
        }

        /** Inserts one post's row in its own transaction; returns its id. */
        long insert(RawWriter store) throws SQLException {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int text = random.nextInt(store.texts.length);
            long id = store.mintId();
            insert.setLong(1, id);
            insert.setLong(2, store.authors[random.nextInt(store.authors.length)]);
            insert.setString(3, store.texts[text]);
            insert.setString(4, store.spans[text]);
            while (true) {
                try {
                    insert.executeUpdate();
                    store.inserted.incrementAndGet();
                    return id;
                } catch (SQLiteException e) {
                    if (!e.getResultCode().name().startsWith("SQLITE_BUSY")) {
                        throw e;
                    }
                    store.busyRetries.incrementAndGet();
                }
            }
        }

        /** Closes this thread's connection. */
        @TearDown(Level.Trial)
        public void close() throws SQLException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** A connection for each of the {@value #WRITERS} writers of a {@link Crowd}, like {@link RawConnection}. */
    @State(Scope.Benchmark)
    public static class RawCrowdConnections {
        final RawConnection[] connections = new RawConnection[WRITERS];

        /** Opens the connections. */
        @Setup(Level.Trial)
        public void open(RawWriter store) throws SQLException {
            for (int i = 0; i < WRITERS; i++) {
                connections[i] = new RawConnection();
                connections[i].open(store);
            }
        }

        /** Closes the connections. */
        @TearDown(Level.Trial)
        public void close() throws SQLException {
            for (RawConnection connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
        }
    }

    private static List<Member> admitAuthors(Chorus chorus) {
        List<Member> members = new ArrayList<>(AUTHORS);
        for (int i = 0; i < AUTHORS; i++) {
            members.add(chorus.members().admit(NewMember.handle(author(i)).name("Author " + i)));
        }
        return members;
    }

    private static String author(int i) {
        return "author-" + i;
    }

    /** Post texts as members type them, some mentioning the authors. */
    private static String[] texts(BenchConfig config) {
        List<String> handles = Stream.iterate(0, i -> i + 1).limit(AUTHORS).map(PublishBenchmark::author).toList();
        SplittableRandom random = new SplittableRandom(config.seed() + 2);
        String[] texts = new String[TEXTS];
        for (int i = 0; i < TEXTS; i++) {
            texts[i] = SampleNetwork.postText(random, handles);
        }
        return texts;
    }

    private static Path freshDirectory(BenchConfig config) {
        try {
            Files.createDirectories(config.scratchDirectory());
            return Files.createTempDirectory(config.scratchDirectory(), "publish-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a store under " + config.scratchDirectory(), e);
        }
    }

    static void deleteDirectory(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
