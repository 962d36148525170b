package org.chorusfeed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chorusfeed.Chorus;
import org.chorusfeed.benchmarks.RawSql.RawPost;
import org.chorusfeed.changes.Change;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.post.Post;
import org.chorusfeed.text.Segment;
import org.chorusfeed.text.TextRules;
import org.chorusfeed.timeline.Page;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke test on a small store: the generated data is what Chorus itself would have written, every benchmark
 * method runs once, and each Chorus read returns the same page as its raw SQL twin. No figures are measured here.
 */
class BenchmarksTest {
    private static final int POSTS = 2_000;
    private static final int MEMBERS = 40;

    @TempDir
    Path temp;

    private BenchConfig config(String name) {
        return new BenchConfig(temp.resolve(name), POSTS, MEMBERS, BenchConfig.SEED);
    }

    @Test
    void generatedStore_readsBackThroughChorus_asIfChorusHadWrittenIt() {
        BenchConfig config = config("store");
        Path directory = GeneratedStore.ensure(config);
        Set<String> handles = new HashSet<>();
        for (int i = 0; i < MEMBERS; i++) {
            handles.add(SampleNetwork.handle(i));
        }
        try (Chorus chorus = Chorus.builder().dataDirectory(directory).build()) {
            List<Post> all = new ArrayList<>();
            Page<Post> page = chorus.timeline().read(TimelineQuery.latest().limit(100));
            all.addAll(page.items());
            while (page.next().isPresent()) {
                page = chorus.timeline().read(TimelineQuery.latest().limit(100).before(page.next().get()));
                all.addAll(page.items());
            }
            assertThat(all).hasSize(POSTS);
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).id()).isLessThan(all.get(i - 1).id());
            }
            for (Post post : all) {
                assertThat(post.segments()).isEqualTo(TextRules.defaults().parse(post.text(), handles::contains).segments());
                assertThat(post.text().length()).isBetween(80, 260);
            }
            assertThat(all).filteredOn(post -> post.inReplyTo().isPresent()).hasSizeBetween(POSTS / 20, POSTS / 5);

            int tagged = 0;
            for (String tag : SampleNetwork.TAGS) {
                List<Post> withTag = chorus.timeline().read(TimelineQuery.latest().tag(tag).limit(100)).items();
                assertThat(withTag).allSatisfy(post -> assertThat(post.text()).containsIgnoringCase("#" + tag));
                tagged += withTag.size();
            }
            assertThat(tagged).isBetween(POSTS / 5, POSTS * 2 / 5);

            long changes = SampleNetwork.organisationCount() + MEMBERS + POSTS;
            assertThat(chorus.changes().lastSeq()).isEqualTo(changes);
            List<Change> log = chorus.changes().since(changes - 3, 10);
            assertThat(log).extracting(Change::seq).containsExactly(changes - 2, changes - 1, changes);
            assertThat(log.get(2).post()).contains(all.get(0).id());

            Member newcomer = chorus.members().admit(NewMember.handle("newcomer"));
            assertThat(newcomer.id()).isEqualTo(new MemberId(MEMBERS + 1));
            Post fresh = chorus.posts().publish(newcomer.id(), "A new post after the generated ones #Wind @ada-nowak");
            assertThat(fresh.segments()).hasAtLeastOneElementOfType(Segment.Mention.class);
            assertThat(fresh.id()).isGreaterThan(all.get(0).id());
            assertThat(chorus.changes().lastSeq()).isEqualTo(changes + 2);
            assertThat(chorus.timeline().read(TimelineQuery.latest().tag("wind")).items().get(0)).isEqualTo(fresh);
        }
    }

    @Test
    void generatedStore_isReused_whenItsMarkerMatches() throws Exception {
        BenchConfig config = config("reused");
        Path file = RawSql.file(GeneratedStore.ensure(config));
        long modified = Files.getLastModifiedTime(file).toMillis();
        Thread.sleep(20);
        GeneratedStore.ensure(config);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    @Test
    void everyTimelineBenchmark_runsOnce_andReadsTheSamePageAsItsRawTwin() throws SQLException {
        BenchConfig config = config("timeline");
        TimelineBenchmark.Sample sample = new TimelineBenchmark.Sample();
        TimelineBenchmark.ChorusReader chorus = new TimelineBenchmark.ChorusReader();
        TimelineBenchmark.RawReader raw = new TimelineBenchmark.RawReader();
        sample.load(config);
        chorus.open(config);
        raw.open(config);
        try {
            TimelineBenchmark benchmark = new TimelineBenchmark();
            assertThat(ids(benchmark.newestPageChorus(chorus))).hasSize(TimelineBenchmark.PAGE)
                    .isEqualTo(rawIds(benchmark.newestPageRaw(raw)));
            assertThat(benchmark.randomDepthPageChorus(chorus, sample)).isNotNull();
            assertThat(benchmark.randomDepthPageRaw(raw, sample)).isNotNull();
            assertThat(benchmark.randomDepthPageRawOffset(raw, sample)).isNotNull();
            assertThat(benchmark.randomDepthPageRawKeyset(raw, sample)).isNotNull();
            assertThat(benchmark.tagPageChorus(chorus, sample).items()).isNotEmpty();
            assertThat(benchmark.tagPageRaw(raw, sample)).isNotEmpty();
            assertThat(benchmark.memberPageChorus(chorus, sample).items()).isNotEmpty();
            assertThat(benchmark.memberPageRaw(raw, sample)).isNotEmpty();
            assertThat(benchmark.memberPageRawById(raw, sample)).isNotEmpty();

            for (int i = 0; i < 200; i++) {
                long cursorId = sample.ids[i];
                List<Long> page = ids(chorus.before(sample.cursors[i]));
                assertThat(page).isEqualTo(rawIds(raw.before(sample.ids[i]))).isEqualTo(rawIds(raw.offset(sample.offsets[i])));
                assertThat(page).allSatisfy(id -> assertThat(id).isLessThan(cursorId));
                assertThat(ids(chorus.tag(sample.tags[i]))).isEqualTo(rawIds(raw.tag(SampleNetwork.tagKey(sample.tags[i]))));
                assertThat(ids(chorus.member(sample.handles[i]))).isEqualTo(rawIds(raw.memberByHandle(sample.handles[i])))
                        .isEqualTo(rawIds(raw.memberById(sample.memberIds[i])));
            }
        } finally {
            raw.close();
            chorus.close();
        }
    }

    @Test
    void everyPublishBenchmark_runsOnce_fromOneThreadAndFromThirtyTwo() throws Exception {
        BenchConfig config = config("publish");
        PublishBenchmark benchmark = new PublishBenchmark();
        PublishBenchmark.ChorusWriter chorus = new PublishBenchmark.ChorusWriter();
        PublishBenchmark.RawWriter raw = new PublishBenchmark.RawWriter();
        chorus.open(config);
        raw.open(config);
        PublishBenchmark.RawConnection own = new PublishBenchmark.RawConnection();
        PublishBenchmark.RawCrowdConnections crowdConnections = new PublishBenchmark.RawCrowdConnections();
        PublishBenchmark.Crowd crowd = new PublishBenchmark.Crowd();
        crowd.postsEach = 1;
        crowd.start();
        try {
            own.open(raw);
            crowdConnections.open(raw);
            Post first = benchmark.publish1ThreadChorus(chorus);
            long firstRaw = benchmark.publish1ThreadRaw(raw, own);
            assertThat(benchmark.publish32ThreadsChorus(chorus, crowd)).isEqualTo(PublishBenchmark.WRITERS);
            assertThat(benchmark.publish32ThreadsRaw(raw, crowdConnections, crowd)).isEqualTo(PublishBenchmark.WRITERS);

            List<Post> published = chorus.chorus.timeline().read(TimelineQuery.latest().limit(100)).items();
            assertThat(published).hasSize(1 + PublishBenchmark.WRITERS).last().isEqualTo(first);
            assertThat(published).extracting(Post::id).doesNotHaveDuplicates();
            try (Connection check = RawSql.open(raw.directory)) {
                assertThat(RawSql.queryLong(check, "SELECT COUNT(*) FROM posts")).isEqualTo(1 + PublishBenchmark.WRITERS);
                assertThat(RawSql.queryLong(check, "SELECT MIN(id) FROM posts")).isEqualTo(firstRaw);
            }
        } finally {
            crowd.stop();
            crowdConnections.close();
            own.close();
            chorus.close();
            raw.close();
        }
        assertThat(chorus.directory).doesNotExist();
        assertThat(raw.directory).doesNotExist();
    }

    @Test
    void report_setsEachChorusFigureBesideItsBaseline_againstItsTarget() throws Exception {
        Path json = temp.resolve("result.json");
        Files.writeString(json, "[" + group("TimelineBenchmark.pages", result("newestPageChorus", 8000),
                result("newestPageRaw", 10000), result("randomDepthPageChorus", 5000),
                result("randomDepthPageRaw", 9000)) + ","
                + group("TimelineBenchmark.offset", result("randomDepthPageRawOffset", 15),
                result("randomDepthPageRawKeyset", 9000)) + ","
                + group("PublishBenchmark.publish32Threads", result("publish32ThreadsChorus", 2000),
                result("publish32ThreadsRaw", 100)) + "]");
        Map<String, Report.Score> scores = Report.read(json);
        String table = Report.table(scores, new Footprint.Figures(300_000, 9_000_000, 420_000_000, 1_000_000),
                new BenchConfig(temp, 1_000_000, 10_000, BenchConfig.SEED));
        assertThat(table)
                .contains("| Newest page (20) | `newestPageChorus` | 8,000 ± 50 | `newestPageRaw` | 10,000 ± 50 | 0.80× | ≥ 0.7× | yes |")
                .contains("| 0.56× | ≥ 0.7× | **no** |")
                .contains("| 1.60× | ≤ 2.0× cost | yes |")
                .contains("| 600× | (info) |")
                .contains("| 20× | ≥ 4.0× | yes |")
                .contains("0.3 MB", "420.0 MB")
                .doesNotContain("Tag-filtered");
    }

    /** A group's entry in JMH's JSON: its total, and each method's score as a secondary metric. */
    private static String group(String benchmark, String... methods) {
        return "{\"benchmark\":\"org.chorusfeed.benchmarks." + benchmark + "\",\"mode\":\"thrpt\",\"primaryMetric\":"
                + metric(1) + ",\"secondaryMetrics\":{" + String.join(",", methods) + "}}";
    }

    private static String result(String method, double score) {
        return "\"" + method + "\":" + metric(score);
    }

    private static String metric(double score) {
        return "{\"score\":" + score + ",\"scoreError\":50.0,\"scoreUnit\":\"ops/s\"}";
    }

    private static List<Long> ids(Page<Post> page) {
        return page.items().stream().map(post -> post.id().value()).toList();
    }

    private static List<Long> rawIds(List<RawPost> rows) {
        return rows.stream().map(RawPost::id).toList();
    }
}
