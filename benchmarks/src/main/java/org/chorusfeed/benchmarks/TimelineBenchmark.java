package org.chorusfeed.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.chorusfeed.Chorus;
import org.chorusfeed.benchmarks.RawSql.RawPost;
import org.chorusfeed.internal.Cursors;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.timeline.Page;
import org.chorusfeed.timeline.TimelineQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading pages of 20 from the generated store: Chorus's {@code timeline().read(...)} beside the raw SQL of the
 * same page through sqlite-jdbc, with the same pragmas and the same indexes, reading the same pages (inputs come
 * from one sample).
 *
 * <p>Each Chorus method runs <em>at the same time</em> as its raw twins, one thread each, as a JMH group
 * ({@code pages}, {@code tagPage}, {@code memberPage}, and {@code offset} for the two raw ways to page): this machine's 2 cores are shared with other work whose
 * load swings from minute to minute, and twins measured minutes apart gave ratios that were mostly noise (a tag
 * page "2.5× faster" than its own SQL). Running together, the twins get equal shares of whatever CPU there is, so
 * the ratio of their ops/s is the ratio of their costs; each one's ops/s is lower than it would be alone.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class TimelineBenchmark {
    static final int PAGE = 20;

    // the newest page

    /** The newest 20 posts. */
    @Benchmark
    @Group("pages")
    @GroupThreads(1)
    public Page<Post> newestPageChorus(ChorusReader chorus) {
        return chorus.newest();
    }

    /** {@code SELECT ... ORDER BY id DESC LIMIT 20}. */
    @Benchmark
    @Group("pages")
    @GroupThreads(1)
    public List<RawPost> newestPageRaw(RawReader raw) throws SQLException {
        return raw.newest();
    }

    // a page at a random depth

    /** The 20 posts before a cursor at a random depth. */
    @Benchmark
    @Group("pages")
    @GroupThreads(1)
    public Page<Post> randomDepthPageChorus(ChorusReader chorus, Sample sample) {
        return chorus.before(sample.cursors[sample.pick()]);
    }

    /** {@code WHERE id < ? ORDER BY id DESC LIMIT 20} at a random depth. */
    @Benchmark
    @Group("pages")
    @GroupThreads(1)
    public List<RawPost> randomDepthPageRaw(RawReader raw, Sample sample) throws SQLException {
        return raw.before(sample.ids[sample.pick()]);
    }

    // the same pages by offset, beside the keyset page, to show why Chorus never pages by offset

    /** The random-depth pages by {@code LIMIT 20 OFFSET ?}. */
    @Benchmark
    @Group("offset")
    @GroupThreads(1)
    public List<RawPost> randomDepthPageRawOffset(RawReader raw, Sample sample) throws SQLException {
        return raw.offset(sample.offsets[sample.pick()]);
    }

    /** The same pages by keyset, {@code WHERE id < ?}: {@link #randomDepthPageRaw} again, running beside the offset. */
    @Benchmark
    @Group("offset")
    @GroupThreads(1)
    public List<RawPost> randomDepthPageRawKeyset(RawReader raw, Sample sample) throws SQLException {
        return raw.before(sample.ids[sample.pick()]);
    }

    // filtered pages

    /** The newest 20 posts with one of the 50 tags. */
    @Benchmark
    @Group("tagPage")
    @GroupThreads(1)
    public Page<Post> tagPageChorus(ChorusReader chorus, Sample sample) {
        return chorus.tag(sample.tags[sample.pick()]);
    }

    /** The same through the {@code (tag, post_id)} key of {@code post_tags}. */
    @Benchmark
    @Group("tagPage")
    @GroupThreads(1)
    public List<RawPost> tagPageRaw(RawReader raw, Sample sample) throws SQLException {
        return raw.tag(SampleNetwork.tagKey(sample.tags[sample.pick()]));
    }

    /** The newest 20 posts of one of the 10,000 members, by handle. */
    @Benchmark
    @Group("memberPage")
    @GroupThreads(1)
    public Page<Post> memberPageChorus(ChorusReader chorus, Sample sample) {
        return chorus.member(sample.handles[sample.pick()]);
    }

    /** The same from the handle in one statement, through the {@code (author_id, id)} index. */
    @Benchmark
    @Group("memberPage")
    @GroupThreads(1)
    public List<RawPost> memberPageRaw(RawReader raw, Sample sample) throws SQLException {
        return raw.memberByHandle(sample.handles[sample.pick()]);
    }

    /** The same when the caller already knows the member's id: less work than Chorus is asked to do. */
    @Benchmark
    @Group("memberPage")
    @GroupThreads(1)
    public List<RawPost> memberPageRawById(RawReader raw, Sample sample) throws SQLException {
        return raw.memberById(sample.memberIds[sample.pick()]);
    }

    /**
     * The inputs drawn from the generated store: random cursors (with the ids and offsets of the same pages),
     * tags and members. Loading it also generates the store if it is not there yet.
     */
    @State(Scope.Benchmark)
    public static class Sample {
        static final int SIZE = 4096;

        long[] ids = new long[SIZE];
        String[] cursors = new String[SIZE];
        int[] offsets = new int[SIZE];
        String[] tags = new String[SIZE];
        String[] handles = new String[SIZE];
        long[] memberIds = new long[SIZE];

        /** Loads the sample from the store the system properties name. */
        @Setup(Level.Trial)
        public void load() throws SQLException {
            load(BenchConfig.fromSystemProperties());
        }

        void load(BenchConfig config) throws SQLException {
            long[] all;
            try (Connection connection = RawSql.open(GeneratedStore.ensure(config))) {
                all = new long[(int) RawSql.queryLong(connection, "SELECT COUNT(*) FROM posts")];
                try (PreparedStatement query = connection.prepareStatement("SELECT id FROM posts ORDER BY id");
                        ResultSet rows = query.executeQuery()) {
                    for (int i = 0; rows.next(); i++) {
                        all[i] = rows.getLong(1);
                    }
                }
                SplittableRandom random = new SplittableRandom(config.seed() + 1);
                for (int i = 0; i < SIZE; i++) {
                    int position = random.nextInt(all.length);
                    ids[i] = all[position];
                    cursors[i] = Cursors.encode(new PostId(all[position]));
                    // the posts before all[position] start that many rows below the newest: the same page
                    offsets[i] = all.length - position;
                    tags[i] = SampleNetwork.TAGS.get(random.nextInt(SampleNetwork.TAGS.size()));
                    int member = random.nextInt(config.members());
                    handles[i] = SampleNetwork.handle(member);
                    memberIds[i] = member + 1;
                }
            }
        }

        /** A random index into the sample. */
        int pick() {
            return ThreadLocalRandom.current().nextInt(SIZE);
        }
    }

    /** Chorus open over the generated store. */
    @State(Scope.Benchmark)
    public static class ChorusReader {
        Chorus chorus;

        /** Opens Chorus over the store the system properties name. */
        @Setup(Level.Trial)
        public void open() {
            open(BenchConfig.fromSystemProperties());
        }

        void open(BenchConfig config) {
            chorus = Chorus.builder().dataDirectory(GeneratedStore.ensure(config)).build();
        }

        Page<Post> newest() {
            return chorus.timeline().read(TimelineQuery.latest());
        }

        Page<Post> before(String cursor) {
            return chorus.timeline().read(TimelineQuery.latest().before(cursor));
        }

        Page<Post> tag(String tag) {
            return chorus.timeline().read(TimelineQuery.latest().tag(tag));
        }

        Page<Post> member(String handle) {
            return chorus.timeline().read(TimelineQuery.latest().member(handle));
        }

        /** Closes Chorus. */
        @TearDown(Level.Trial)
        public void close() {
            if (chorus != null) {
                chorus.close();
            }
        }
    }

    /**
     * One sqlite-jdbc connection to the generated store with the store's pragmas, its statements prepared; one for
     * each thread, as a connection pool would hand out.
     */
    @State(Scope.Thread)
    public static class RawReader {
        private static final String ORDER = " ORDER BY p.id DESC LIMIT " + PAGE;

        Connection connection;
        PreparedStatement newest;
        PreparedStatement before;
        PreparedStatement offset;
        PreparedStatement tag;
        PreparedStatement memberByHandle;
        PreparedStatement memberById;

        /** Opens the connection to the store the system properties name. */
        @Setup(Level.Trial)
        public void open() throws SQLException {
            open(BenchConfig.fromSystemProperties());
        }

        void open(BenchConfig config) throws SQLException {
            connection = RawSql.open(GeneratedStore.ensure(config));
            String select = "SELECT " + RawSql.POST_COLUMNS;
            newest = connection.prepareStatement(select + " FROM posts p" + ORDER);
            before = connection.prepareStatement(select + " FROM posts p WHERE p.id < ?" + ORDER);
            offset = connection.prepareStatement(select + " FROM posts p" + ORDER + " OFFSET ?");
            tag = connection.prepareStatement(select + " FROM post_tags t JOIN posts p ON p.id = t.post_id"
                    + " WHERE t.tag = ? ORDER BY t.post_id DESC LIMIT " + PAGE);
            memberByHandle = connection.prepareStatement(select + " FROM posts p"
                    + " WHERE p.author_id = (SELECT m.id FROM members m WHERE m.handle = ?)" + ORDER);
            memberById = connection.prepareStatement(select + " FROM posts p WHERE p.author_id = ?" + ORDER);
        }

        List<RawPost> newest() throws SQLException {
            return RawSql.posts(newest);
        }

        List<RawPost> before(long id) throws SQLException {
            before.setLong(1, id);
            return RawSql.posts(before);
        }

        List<RawPost> offset(int rows) throws SQLException {
            offset.setInt(1, rows);
            return RawSql.posts(offset);
        }

        List<RawPost> tag(String key) throws SQLException {
            tag.setString(1, key);
            return RawSql.posts(tag);
        }

        List<RawPost> memberByHandle(String handle) throws SQLException {
            memberByHandle.setString(1, handle);
            return RawSql.posts(memberByHandle);
        }

        List<RawPost> memberById(long id) throws SQLException {
            memberById.setLong(1, id);
            return RawSql.posts(memberById);
        }

        /** Closes the connection and its statements. */
        @TearDown(Level.Trial)
        public void close() throws SQLException {
            if (connection != null) {
                connection.close();
            }
        }
    }
}
