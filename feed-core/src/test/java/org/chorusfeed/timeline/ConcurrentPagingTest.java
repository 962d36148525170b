package org.chorusfeed.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.testing.StoreKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Eight threads publish while a reader pages backwards: the reader never sees a duplicate or misses a post. */
class ConcurrentPagingTest {
    private static final int WRITERS = 8;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void read_whileEightThreadsPublish_neverSkipsOrDuplicatesOlderPosts(StoreKind kind) throws Exception {
        long seed = Long.getLong("chorus.seed", new Random().nextLong());
        Random random = new Random(seed);
        try (Chorus chorus = kind.open(dir, Clock.systemUTC())) {
            List<Member> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                writers.add(chorus.members().admit(NewMember.handle("writer" + i)));
            }
            for (int i = 0; i < 200; i++) {
                chorus.posts().publish(writers.get(i % WRITERS).id(), "Before the reader " + i);
            }
            for (int round = 0; round < 3; round++) {
                int limit = 1 + random.nextInt(20);
                List<PostId> visited = new ArrayList<>();
                PostId top = readWhilePublishing(chorus, writers, limit, visited);
                List<PostId> expected = allIdsUpTo(chorus, top);
                assertThat(visited).as("seed %d, round %d, limit %d", seed, round, limit)
                        .doesNotHaveDuplicates()
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    private static PostId readWhilePublishing(Chorus chorus, List<Member> writers, int limit, List<PostId> visited)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        AtomicBoolean reading = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(WRITERS);
        List<Future<Integer>> published = new ArrayList<>();
        for (Member writer : writers) {
            published.add(pool.submit(() -> {
                started.countDown();
                int count = 0;
                while (reading.get()) {
                    chorus.posts().publish(writer.id(), "While the reader pages " + count++);
                }
                return count;
            }));
        }
        try {
            started.await();
            Page<Post> page = chorus.timeline().read(TimelineQuery.latest().limit(limit));
            PostId top = page.items().get(0).id();
            while (true) {
                page.items().forEach(post -> visited.add(post.id()));
                if (page.next().isEmpty()) {
                    return top;
                }
                page = chorus.timeline().read(TimelineQuery.latest().limit(limit).before(page.next().get()));
            }
        } finally {
            reading.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            int total = 0;
            for (Future<Integer> f : published) {
                total += f.get();
            }
            assertThat(total).as("writers published while the reader paged").isPositive();
        }
    }

    private static List<PostId> allIdsUpTo(Chorus chorus, PostId top) {
        List<PostId> ids = new ArrayList<>();
        Page<Post> page = chorus.timeline().read(TimelineQuery.latest().limit(100).before(
                org.chorusfeed.internal.Cursors.encode(top.next())));
        while (true) {
            page.items().forEach(post -> ids.add(post.id()));
            if (page.next().isEmpty()) {
                return ids;
            }
            page = chorus.timeline().read(TimelineQuery.latest().limit(100).before(page.next().get()));
        }
    }
}
