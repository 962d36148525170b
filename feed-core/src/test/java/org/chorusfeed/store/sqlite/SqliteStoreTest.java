package org.chorusfeed.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorusfeed.HandleTakenException;
import org.chorusfeed.NoSuchOrganisationException;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.SourceKind;
import org.chorusfeed.store.PostSelection;
import org.chorusfeed.store.Store;
import org.chorusfeed.store.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the SQLite store, and what only a store on disk can show. */
class SqliteStoreTest extends StoreContract {
    @TempDir
    Path temp;
    private int opened;

    @Override
    protected Store openStore(Clock clock) {
        return SqliteStore.open(temp.resolve("store-" + ++opened), clock);
    }

    private Path directory() {
        return temp.resolve("store-" + opened);
    }

    private Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + directory().resolve(SqliteStore.FILE_NAME));
    }

    @Test
    void everything_survivesClosingAndReopening_andNewIdsKeepIncreasing() {
        store.saveOrganisation(Organisation.of("lab", "Lab"), T0);
        Member ada = admit("ada", "lab");
        Member bob = admit("bob");
        Post post = publish(ada, "Before the restart #durable");
        store.editPost(post.id(), text("Edited before the restart #durable"), T0.plusSeconds(1));
        store.setAppreciation(post.id(), bob.id(), true, T0.plusSeconds(2));
        Post edited = store.findPost(post.id()).orElseThrow();
        List<Change> changes = store.changesSince(0, 100);
        store.close();

        store = SqliteStore.open(directory(), clock());

        assertThat(store.findMember(ada.id())).contains(ada);
        assertThat(store.organisations()).containsExactly(Organisation.of("lab", "Lab"));
        assertThat(store.findPost(post.id())).contains(edited);
        assertThat(store.history(post.id())).hasSize(2);
        assertThat(store.appreciatedBy(bob.id(), List.of(post.id()))).containsExactly(post.id());
        assertThat(store.changesSince(0, 100)).isEqualTo(changes);
        Post next = publish(ada, "After the restart");
        assertThat(next.id()).isGreaterThan(post.id());
        assertThat(store.lastSeq()).isEqualTo(changes.size() + 1);
    }

    @Test
    void aDeletedNewestPostsId_isNeverMintedAgain_afterAReopenWithTheClockSetBack() {
        Member ada = admit("ada");
        Post older = publish(ada, "Stays");
        Post newest = publish(ada, "Deleted soon");
        store.deletePost(newest.id(), T0);
        store.close();
        advanceClock(java.time.Duration.ofMinutes(-5));

        store = SqliteStore.open(directory(), clock());
        Post next = publish(ada, "After the restart, with the clock behind");

        assertThat(next.id()).isGreaterThan(newest.id()).isGreaterThan(older.id());
    }

    @Test
    void seqs_stayGapFreeAcrossBatches_whenATaskInTheMiddleIsRolledBack() {
        admit("ada");
        assertThatThrownBy(() -> admit("ada")).isInstanceOf(HandleTakenException.class);
        admit("bob");
        store.close();
        store = SqliteStore.open(directory(), clock());
        admit("carol");

        assertThat(store.changesSince(0, 100)).extracting(Change::seq).containsExactly(1L, 2L, 3L);
        assertThat(store.lastSeq()).isEqualTo(3);
    }

    @Test
    void aMemberId_isNeverHandedOutTwice_evenAfterItsRowIsGone() throws SQLException {
        admit("ada");
        Member bob = admit("bob");
        try (Connection raw = rawConnection(); Statement statement = raw.createStatement()) {
            statement.executeUpdate("DELETE FROM members WHERE id = " + bob.id().value());
        }

        Member carol = admit("carol");

        assertThat(carol.id().value()).isGreaterThan(bob.id().value());
    }

    @Test
    void opening_appliesEveryMigration_andRecordsItsVersionAndTime() throws SQLException {
        try (Connection raw = rawConnection(); Statement statement = raw.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, applied_at FROM schema_migrations ORDER BY version")) {
            List<Integer> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getInt(1));
                assertThat(Rows.instant(rows.getLong(2))).isEqualTo(clock().instant());
            }
            // every migration listed, from 1 up, whichever features added theirs
            assertThat(versions).isEqualTo(Migrations.all().stream().map(Migrations.Migration::version).toList());
            assertThat(versions).startsWith(1, 2).last().isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void reopening_appliesNothingTwice() throws SQLException {
        store.close();
        advanceClock(java.time.Duration.ofHours(1));
        store = SqliteStore.open(directory(), clock());

        try (Connection raw = rawConnection(); Statement statement = raw.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*), MAX(applied_at) FROM schema_migrations")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(Migrations.latestVersion());
            assertThat(Rows.instant(rows.getLong(2))).isEqualTo(T0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
    }

    @Test
    void aDatabaseWrittenByANewerVersion_isRefusedWithAClearMessage() throws SQLException {
        store.close();
        try (Connection raw = rawConnection(); Statement statement = raw.createStatement()) {
            statement.executeUpdate("INSERT INTO schema_migrations (version, applied_at) VALUES (99, 0)");
        }

        assertThatThrownBy(() -> SqliteStore.open(directory(), clock())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("newer");
        store = SqliteStore.open(temp.resolve("another"), clock());
    }

    @Test
    void everyConnection_usesTheDurablePragmas() throws SQLException {
        try (SqlConnection connection = SqlConnection.open(directory().resolve(SqliteStore.FILE_NAME), true)) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(connection, "synchronous")).isEqualTo("2");
            assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(connection, "busy_timeout")).isEqualTo("5000");
            assertThat(pragma(connection, "query_only")).isEqualTo("1");
        }
        assertThat(SqliteStore.pragmas()).contains("PRAGMA synchronous=FULL", "PRAGMA journal_mode=WAL");
    }

    private static String pragma(SqlConnection connection, String name) throws SQLException {
        try (ResultSet row = connection.prepare("PRAGMA " + name).executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void concurrentPublishers_shareCommits_getDistinctIdsIncreasingInCommitOrder_andEverySeqOnce() throws Exception {
        Member writer = admit("writer");
        AtomicInteger commits = new AtomicInteger();
        store.onChanges(commits::incrementAndGet);
        int threads = 32;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<PostId>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                List<PostId> ids = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    ids.add(store.insertPost(nativeDraftNow(writer, "Thread " + thread + " post " + i)).id());
                }
                return ids;
            }));
        }
        start.countDown();
        Set<PostId> acknowledged = new HashSet<>();
        for (Future<List<PostId>> result : results) {
            List<PostId> ids = result.get(2, TimeUnit.MINUTES);
            assertThat(ids).isSorted();
            acknowledged.addAll(ids);
        }
        pool.shutdown();

        int posts = threads * perThread;
        assertThat(acknowledged).hasSize(posts);
        List<Change> changes = store.changesSince(0, 10_000);
        assertThat(changes).extracting(Change::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, posts + 1).boxed().toList());
        List<PostId> inCommitOrder = changes.stream().filter(c -> c.kind() == ChangeKind.POST_CREATED)
                .map(c -> c.post().orElseThrow()).toList();
        assertThat(inCommitOrder).isSorted().doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acknowledged);
        assertThat(commits.get()).as("commits for %d posts", posts).isLessThan(posts);
    }

    private org.chorusfeed.store.PostDraft nativeDraftNow(Member author, String raw) {
        return new org.chorusfeed.store.PostDraft(author.id(), Instant.now(), false, text(raw), Optional.empty(),
                org.chorusfeed.post.PostSource.nativePost());
    }

    @Test
    void aTaskThatFailsInABatch_isRolledBackAlone_whileItsNeighboursCommit() throws Exception {
        admit("taken");
        CountDownLatch writerHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        AtomicInteger laterCommits = new AtomicInteger();
        store.onChanges(() -> {
            if (first.getAndSet(false)) {
                writerHeld.countDown();
                awaitQuietly(release);
            } else {
                laterCommits.incrementAndGet();
            }
        });
        Thread holder = new Thread(() -> store.saveOrganisation(Organisation.of("lab", "Lab"), T0));
        holder.start();
        assertThat(writerHeld.await(10, TimeUnit.SECONDS)).isTrue();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        Future<Member> ok1 = pool.submit(() -> admit("ok1"));
        Future<Member> taken = pool.submit(() -> admit("taken"));
        Future<Member> nowhere = pool.submit(() -> admit("nowhere", "no-such-org"));
        Future<Member> ok2 = pool.submit(() -> admit("ok2"));
        Thread.sleep(300); // the four wait in the writer's queue, to be committed as one batch
        release.countDown();
        holder.join();

        assertThat(ok1.get(10, TimeUnit.SECONDS).handle()).isEqualTo("ok1");
        assertThat(ok2.get(10, TimeUnit.SECONDS).handle()).isEqualTo("ok2");
        assertThatThrownBy(() -> taken.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(HandleTakenException.class);
        assertThatThrownBy(() -> nowhere.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(NoSuchOrganisationException.class);
        pool.shutdown();
        assertThat(laterCommits.get()).as("commits after the held one").isEqualTo(1);
        assertThat(store.members()).extracting(Member::handle).containsExactly("ok1", "ok2", "taken");
        assertThat(store.changesSince(0, 100)).extracting(Change::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(store.changesSince(0, 100)).extracting(Change::kind).containsExactly(ChangeKind.MEMBER_ADMITTED,
                ChangeKind.ORGANISATION_CHANGED, ChangeKind.MEMBER_ADMITTED, ChangeKind.MEMBER_ADMITTED);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWriteFromAChangeCallback_isRefused_ratherThanDeadlocking() throws InterruptedException {
        List<RuntimeException> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        store.onChanges(() -> {
            try {
                store.saveOrganisation(Organisation.of("loop", "Loop"), T0);
            } catch (RuntimeException e) {
                refused.add(e);
            }
        });

        admit("ada");

        assertThat(refused).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(store.organisations()).isEmpty();
    }

    @Test
    void close_isIdempotent_refusesEveryLaterCall_andStopsItsThread() {
        Member ada = admit("ada");
        store.close();
        store.close();

        assertThatThrownBy(() -> admit("bob")).isInstanceOf(IllegalStateException.class).hasMessage("store is closed");
        assertThatThrownBy(() -> store.findMember(ada.id())).isInstanceOf(IllegalStateException.class)
                .hasMessage("store is closed");
        assertThatThrownBy(() -> store.posts(PostSelection.newest(1))).hasMessage("store is closed");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("chorus-sqlite-writer"));
    }

    @Test
    void everySelectionShape_walksAnIndexInOrder_neverSortsOrScansTheWholeTable() throws SQLException {
        java.util.Map<PostSelection, List<String>> plans = new java.util.LinkedHashMap<>();
        try (SqlConnection connection = SqlConnection.open(directory().resolve(SqliteStore.FILE_NAME), true)) {
            for (PostSelection shape : shapes()) {
                var explain = connection.prepare("EXPLAIN QUERY PLAN " + PostQueries.sql(shape));
                PostQueries.bind(explain, shape);
                List<String> plan = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.add(rows.getString(4));
                    }
                }
                plans.put(shape, plan);
            }
        }
        plans.forEach((shape, plan) -> System.out.println(describe(shape) + " -> " + String.join(" | ", plan)));
        plans.forEach((shape, plan) -> {
            String sql = PostQueries.sql(shape);
            assertThat(plan).as(sql).noneMatch(step -> step.contains("TEMP B-TREE"));
            assertThat(plan).as(sql).noneMatch(step -> step.matches("SCAN (m|t)\\b.*"));
            assertThat(plan).as(sql).anyMatch(step -> step.startsWith(drivingStep(shape)));
        });
    }

    @Test
    void everyRangeShape_walksTheSameIndexAsItsPage_andProbesBeyondTheCursorThroughAnIndex() throws SQLException {
        try (SqlConnection connection = SqlConnection.open(directory().resolve(SqliteStore.FILE_NAME), true)) {
            for (PostSelection shape : shapes()) {
                if (shape.before().isEmpty() && shape.after().isEmpty()) {
                    continue;
                }
                for (int variant = 0; variant < 3; variant++) {
                    boolean alone = variant == 2;
                    String sql = variant == 0 ? PostQueries.rangeSql(shape)
                            : variant == 1 ? PostQueries.idRangeSql(shape) : PostQueries.probeSql(shape);
                    var explain = connection.prepare("EXPLAIN QUERY PLAN " + sql);
                    if (alone) {
                        PostQueries.bindProbe(explain, shape);
                    } else {
                        PostQueries.bindRange(explain, shape);
                    }
                    List<String> plan = new ArrayList<>();
                    try (ResultSet rows = explain.executeQuery()) {
                        while (rows.next()) {
                            plan.add(rows.getString(4));
                        }
                    }
                    assertThat(plan).as(sql).noneMatch(step -> step.contains("TEMP B-TREE"));
                    assertThat(plan).as(sql).noneMatch(step -> step.matches("SCAN (p|m|t)\\b.*"));
                    // the page walks its index in order; the probe alone may search any index that fits
                    String driving = alone ? "SEARCH " : drivingStep(shape);
                    assertThat(plan).as(sql).anyMatch(step -> step.replace("COVERING ", "").startsWith(driving));
                    assertThat(plan).as(sql).anyMatch(step -> step.contains("SCALAR SUBQUERY")
                            || step.contains("EXISTS"));
                }
            }
        }
    }

    /** How each shape must reach its rows: through the index that yields them in id order. */
    private static String drivingStep(PostSelection shape) {
        if (shape.tag().isPresent()) {
            return "SEARCH t USING";
        } else if (shape.author().isPresent()) {
            return "SEARCH p USING INDEX posts_author";
        } else if (shape.source().isPresent()) {
            return "SEARCH p USING INDEX posts_source";
        } else if (shape.before().isPresent() || shape.after().isPresent()) {
            return "SEARCH p USING INTEGER PRIMARY KEY";
        }
        return "SCAN p";
    }

    private static List<PostSelection> shapes() {
        PostId bound = new PostId(1L << 40);
        MemberId author = new MemberId(1);
        List<PostSelection> shapes = new ArrayList<>();
        for (int direction = 0; direction < 3; direction++) {
            for (int filters = 0; filters < 32; filters++) {
                shapes.add(new PostSelection(direction == 1 ? Optional.of(bound) : Optional.empty(),
                        direction == 2 ? Optional.of(bound) : Optional.empty(), 20,
                        (filters & 16) != 0 ? Optional.of(author) : Optional.empty(),
                        (filters & 8) != 0 ? Optional.of("lab") : Optional.empty(),
                        (filters & 4) != 0 ? Optional.of("tag") : Optional.empty(), (filters & 2) == 0,
                        (filters & 1) != 0 ? Optional.of(SourceKind.BLOG) : Optional.empty()));
            }
        }
        return shapes;
    }

    private static String describe(PostSelection s) {
        return (s.before().isPresent() ? "before" : s.after().isPresent() ? "after" : "newest")
                + s.author().map(a -> "+member").orElse("") + s.organisation().map(o -> "+org").orElse("")
                + s.tag().map(t -> "+tag").orElse("") + (s.includeReplies() ? "" : "+noReplies")
                + s.source().map(k -> "+source").orElse("");
    }
}
