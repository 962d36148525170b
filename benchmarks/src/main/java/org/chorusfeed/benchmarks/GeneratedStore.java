package org.chorusfeed.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.chorusfeed.Chorus;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.internal.SegmentSpans;
import org.chorusfeed.post.PostId;
import org.chorusfeed.store.sqlite.SqliteStore;
import org.chorusfeed.text.PostText;
import org.chorusfeed.text.TextRules;

/**
 * The store the read benchmarks run on, generated once and reused: {@code posts} posts by {@code members}
 * members of 200 organisations over about two years.
 *
 * <p>Chorus creates the schema (its migrations run when it opens the directory); the rows are then bulk-inserted
 * with plain JDBC in large transactions, exactly as the store would have written them: ids minted by
 * {@link PostId} from each post's time, text normalised and segmented by {@link TextRules#defaults()}, spans by
 * {@link SegmentSpans}, one {@code post_tags} row per distinct tag, and one change-log row per organisation,
 * member and post with gap-free {@code seq}, and id sequences moved past the ids used. A marker file records what
 * was generated, with a hash of the schema's migrations; a store whose marker is missing or differs (an
 * interrupted run, other sizes, a changed schema) is generated again.
 */
final class GeneratedStore {
    /** Bump when the generated data changes, so old stores are generated again. */
    static final int GENERATION = 1;
    static final String MARKER = "bench-store.properties";
    static final Instant START = Instant.parse("2024-01-02T08:00:00Z");
    /** Share of members who have a blog that is imported. */
    static final double BLOGGERS = 0.10;

    private static final String MIGRATIONS = "/org/chorusfeed/store/migrations/";
    private static final int BATCH = 50_000;
    private static final int RECENT_PARENTS = 5_000;

    private GeneratedStore() {
    }

    /** The generated store's data directory, generating it first unless it is already there. */
    static Path ensure(BenchConfig config) {
        Path directory = config.storeDirectory();
        Properties wanted = marker(config);
        if (wanted.equals(readMarker(directory))) {
            return directory;
        }
        try {
            generate(config);
        } catch (SQLException e) {
            throw new IllegalStateException("could not generate the benchmark store in " + directory, e);
        }
        writeMarker(directory, wanted);
        return directory;
    }

    private static void generate(BenchConfig config) throws SQLException {
        Path directory = config.storeDirectory();
        long started = System.nanoTime();
        log("generating " + config.posts() + " posts by " + config.members() + " members into " + directory
                + " (once; later runs reuse it)");
        deleteStore(directory);
        // Chorus creates the schema through its own migrations
        Chorus.builder().dataDirectory(directory).build().close();
        try (Connection connection = RawSql.open(directory); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous=OFF"); // a bulk load: durability comes from the final checkpoint
            statement.execute("PRAGMA cache_size=-262144");
            connection.setAutoCommit(false);
            Writer writer = new Writer(connection, config);
            writer.organisations();
            writer.members();
            writer.idSequences();
            connection.commit();
            writer.posts();
            connection.setAutoCommit(true);
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        log(String.format("generated in %.0f s", (System.nanoTime() - started) / 1e9));
    }

    /** Writes the rows in commit order, numbering the change log as it goes. */
    private static final class Writer {
        private final Connection connection;
        private final BenchConfig config;
        private final SplittableRandom random;
        private final PreparedStatement change;
        private final List<String> handles = new ArrayList<>();
        private final List<Long> bloggers = new ArrayList<>();
        private long seq;

        Writer(Connection connection, BenchConfig config) throws SQLException {
            this.connection = connection;
            this.config = config;
            this.random = new SplittableRandom(config.seed());
            this.change = connection.prepareStatement(
                    "INSERT INTO changes (seq, changed_at, kind, post_id, member_id, organisation) VALUES (?, ?, ?, ?, ?, ?)");
        }

        void organisations() throws SQLException {
            Instant at = START.minus(Duration.ofDays(400));
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO organisations (slug, name, website) VALUES (?, ?, ?)")) {
                for (int i = 0; i < SampleNetwork.organisationCount(); i++) {
                    String slug = SampleNetwork.organisationSlug(i);
                    insert.setString(1, slug);
                    insert.setString(2, SampleNetwork.organisationName(i));
                    insert.setString(3, "https://" + slug + ".example.org/");
                    insert.executeUpdate();
                    appendChange(at.plusSeconds(i), ChangeKind.ORGANISATION_CHANGED, 0, 0, slug);
                }
            }
        }

        void members() throws SQLException {
            Instant first = START.minus(Duration.ofDays(365));
            long spacingMillis = Duration.ofDays(364).toMillis() / config.members();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO members (id, handle, name, "
                    + "organisation, bio, links, blog_feed_url, role, status, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < config.members(); i++) {
                    long id = i + 1;
                    String handle = SampleNetwork.handle(i);
                    handles.add(handle);
                    Instant joined = first.plusMillis(spacingMillis * i + random.nextInt(1000));
                    insert.setLong(1, id);
                    insert.setString(2, handle);
                    insert.setString(3, SampleNetwork.name(i));
                    if (random.nextInt(10) == 0) {
                        insert.setNull(4, Types.VARCHAR);
                    } else {
                        insert.setString(4, SampleNetwork.organisationSlug(random.nextInt(SampleNetwork.organisationCount())));
                    }
                    insert.setString(5, random.nextInt(3) == 0 ? "Working on " + SampleNetwork.TAGS.get(i % 50) + "." : "");
                    insert.setString(6, "");
                    if (random.nextDouble() < BLOGGERS) {
                        insert.setString(7, "https://blog.example.org/" + handle + "/feed.xml");
                        bloggers.add(id);
                    } else {
                        insert.setNull(7, Types.VARCHAR);
                    }
                    insert.setString(8, i == 0 ? "ADMIN" : "MEMBER");
                    insert.setString(9, "ACTIVE");
                    insert.setLong(10, nanos(joined));
                    insert.executeUpdate();
                    appendChange(joined, ChangeKind.MEMBER_ADMITTED, 0, id, null);
                }
            }
            if (bloggers.isEmpty()) {
                bloggers.add(1L);
            }
        }

        /**
         * Moves the store's id sequences past the ids used, as its writer does when it hands them out; a schema
         * without sequences has nothing to move.
         */
        void idSequences() throws SQLException {
            if (RawSql.queryLong(connection, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' "
                    + "AND name = 'id_sequences'") == 0) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE id_sequences SET last_value = (SELECT COALESCE(MAX(id), 0) FROM members) WHERE name = 'members'")) {
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("the schema's id_sequences has no 'members' row; "
                            + "GeneratedStore does not know this schema");
                }
            }
        }

        void posts() throws SQLException {
            Set<String> handleSet = new HashSet<>(handles);
            TextRules rules = TextRules.defaults();
            long[] ids = new long[config.posts()];
            long millis = START.toEpochMilli();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO posts (id, author_id, text, spans, "
                    + "in_reply_to, source_kind, source_url, source_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement tag = connection.prepareStatement("INSERT INTO post_tags (tag, post_id) VALUES (?, ?)")) {
                for (int from = 0; from < config.posts(); from += BATCH) {
                    int count = Math.min(BATCH, config.posts() - from);
                    String[] raw = new String[count];
                    long[] authors = new long[count];
                    long[] parents = new long[count];
                    boolean[] imported = new boolean[count];
                    for (int k = 0; k < count; k++) {
                        int i = from + k;
                        millis += 1_000L + random.nextInt(118_000);
                        ids[i] = PostId.firstAt(Instant.ofEpochMilli(millis)).value();
                        imported[k] = random.nextDouble() < SampleNetwork.IMPORTED;
                        authors[k] = imported[k] ? bloggers.get(random.nextInt(bloggers.size()))
                                : 1 + random.nextInt(config.members());
                        parents[k] = !imported[k] && i > 0 && random.nextDouble() < SampleNetwork.REPLIES
                                ? ids[i - 1 - random.nextInt(Math.min(i, RECENT_PARENTS))] : 0;
                        raw[k] = SampleNetwork.postText(random, handles);
                    }
                    // checking and segmenting text is the slow part: both cores share it, the order stays the same
                    PostText[] texts = new PostText[count];
                    IntStream.range(0, count).parallel().forEach(k -> texts[k] = rules.parse(raw[k], handleSet::contains));
                    for (int k = 0; k < count; k++) {
                        long id = ids[from + k];
                        insert.setLong(1, id);
                        insert.setLong(2, authors[k]);
                        insert.setString(3, texts[k].text());
                        insert.setString(4, SegmentSpans.encode(texts[k].segments()));
                        if (parents[k] == 0) {
                            insert.setNull(5, Types.BIGINT);
                        } else {
                            insert.setLong(5, parents[k]);
                        }
                        if (imported[k]) {
                            insert.setString(6, "BLOG");
                            insert.setString(7, "https://blog.example.org/" + handles.get((int) authors[k] - 1)
                                    + "/" + Long.toString(id, 36));
                            insert.setString(8, texts[k].text().substring(0, Math.min(40, texts[k].text().length())));
                        } else {
                            insert.setString(6, "NATIVE");
                            insert.setNull(7, Types.VARCHAR);
                            insert.setNull(8, Types.VARCHAR);
                        }
                        insert.executeUpdate();
                        for (String key : texts[k].tags()) {
                            tag.setString(1, key);
                            tag.setLong(2, id);
                            tag.executeUpdate();
                        }
                        appendChange(new PostId(id).time(), ChangeKind.POST_CREATED, id, authors[k], null);
                    }
                    connection.commit();
                    if ((from + count) % 200_000 == 0 || from + count == config.posts()) {
                        log("  " + (from + count) + " posts");
                    }
                }
            }
        }

        private void appendChange(Instant at, ChangeKind kind, long postId, long memberId, String organisation)
                throws SQLException {
            change.setLong(1, ++seq);
            change.setLong(2, nanos(at));
            change.setString(3, kind.name());
            setIdOrNull(change, 4, postId);
            setIdOrNull(change, 5, memberId);
            change.setString(6, organisation);
            change.executeUpdate();
        }

        private static void setIdOrNull(PreparedStatement statement, int index, long id) throws SQLException {
            if (id == 0) {
                statement.setNull(index, Types.BIGINT);
            } else {
                statement.setLong(index, id);
            }
        }
    }

    /** An instant as the store keeps it: nanoseconds since the epoch. */
    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static Properties marker(BenchConfig config) {
        Properties marker = new Properties();
        marker.setProperty("generation", Integer.toString(GENERATION));
        marker.setProperty("posts", Integer.toString(config.posts()));
        marker.setProperty("members", Integer.toString(config.members()));
        marker.setProperty("seed", Long.toString(config.seed()));
        marker.setProperty("schema", schemaFingerprint());
        return marker;
    }

    /** A hash of the store's migrations: a store made under another schema is generated again. */
    static String schemaFingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String index = new String(migration("index.txt"), StandardCharsets.UTF_8);
            digest.update(index.getBytes(StandardCharsets.UTF_8));
            for (String line : index.split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    digest.update(migration(name));
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] migration(String name) {
        String resource = MIGRATIONS + name;
        try (InputStream in = SqliteStore.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path; has feed-core moved its migrations?");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    private static Properties readMarker(Path directory) {
        Properties marker = new Properties();
        Path file = directory.resolve(MARKER);
        if (Files.isRegularFile(file) && Files.isRegularFile(RawSql.file(directory))) {
            try (InputStream in = Files.newInputStream(file)) {
                marker.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        return marker;
    }

    private static void writeMarker(Path directory, Properties marker) {
        try (OutputStream out = Files.newOutputStream(directory.resolve(MARKER))) {
            marker.store(out, "what GeneratedStore put into this store; delete this file to generate it again");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the marker in " + directory, e);
        }
    }

    private static void deleteStore(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve(MARKER));
            Path file = RawSql.file(directory);
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the old benchmark store in " + directory, e);
        }
    }

    private static void log(String message) {
        System.err.println("[chorus-bench] " + message);
    }
}
