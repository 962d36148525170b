package org.chorusfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.changes.Subscription;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.Role;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostVersion;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.testing.StoreKind;
import org.chorusfeed.text.Segment;
import org.chorusfeed.timeline.Page;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a hub notices of the facade, on every store. */
class ChorusTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standing();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void publish_givesPostsTheirTimeOfAcceptance_andTheTimelineShowsThemNewestFirst(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            Post first = chorus.posts().publish(ada.id(), "first");
            clock.advance(Duration.ofSeconds(5));
            Post second = chorus.posts().publish(ada.id(), "second");
            Post third = chorus.posts().publish(ada.id(), "third, same millisecond");

            assertThat(first.publishedAt()).isEqualTo(MutableClock.standing().instant());
            assertThat(second.publishedAt()).isEqualTo(third.publishedAt());
            assertThat(third.id()).isGreaterThan(second.id());
            assertThat(chorus.timeline().read(TimelineQuery.latest()).items()).extracting(Post::text)
                    .containsExactly("third, same millisecond", "second", "first");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void publish_whenTheClockGoesBack_stillOrdersByAcceptance(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            Post before = chorus.posts().publish(ada.id(), "before the clock jumped back");
            clock.advance(Duration.ofMinutes(-10));
            Post after = chorus.posts().publish(ada.id(), "after the clock jumped back");
            assertThat(after.id()).isGreaterThan(before.id());
            assertThat(chorus.timeline().read(TimelineQuery.latest()).items().get(0).id()).isEqualTo(after.id());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void segments_markLinksTagsAndMentionsOfMembersOnly(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            chorus.members().admit(NewMember.handle("bob"));
            Post post = chorus.posts().publish(ada.id(), "Hi @bob and @nobody, see https://example.org/x. #Kiel");
            assertThat(post.segments()).containsExactly(
                    new Segment.Text("Hi "), new Segment.Mention("@bob", "bob"),
                    new Segment.Text(" and @nobody, see "),
                    new Segment.Link("https://example.org/x", "https://example.org/x"),
                    new Segment.Text(". "), new Segment.Tag("#Kiel", "Kiel"));
            assertThat(chorus.posts().get(post.id()).segments()).isEqualTo(post.segments());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void onlyActiveMembersWrite_andTheRefusalSaysWhy(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member invited = chorus.members().invite(NewMember.handle("ivy"));
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            assertThatThrownBy(() -> chorus.posts().publish(invited.id(), "hello"))
                    .isInstanceOf(NotPermittedException.class).hasMessageContaining("@ivy has not accepted");
            chorus.members().accept(invited.id());
            assertThat(chorus.posts().publish(invited.id(), "hello").text()).isEqualTo("hello");

            Post post = chorus.posts().publish(ada.id(), "mine");
            chorus.members().suspend(ada.id());
            assertThatThrownBy(() -> chorus.posts().publish(ada.id(), "again"))
                    .isInstanceOf(NotPermittedException.class)
                    .satisfies(e -> assertThat(((NotPermittedException) e).reason())
                            .isEqualTo(NotPermittedException.Reason.SUSPENDED));
            assertThat(chorus.posts().find(post.id())).as("a suspended member's past posts stay").isPresent();
            chorus.members().reinstate(ada.id());
            assertThat(chorus.members().get(ada.id()).status()).isEqualTo(MemberStatus.ACTIVE);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void edit_byTheAuthorKeepsHistory_andOthersCannotEdit(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            Member bob = chorus.members().admit(NewMember.handle("bob"));
            Post post = chorus.posts().publish(ada.id(), "Workshop on Tuesday");
            clock.advance(Duration.ofMinutes(3));
            Post edited = chorus.posts().edit(post.id(), ada.id(), "Workshop on Wednesday #Kiel");

            assertThat(edited.id()).as("an edit never moves a post").isEqualTo(post.id());
            assertThat(edited.editedAt()).contains(clock.instant());
            assertThat(chorus.posts().history(post.id())).extracting(PostVersion::text)
                    .containsExactly("Workshop on Tuesday", "Workshop on Wednesday #Kiel");
            assertThat(chorus.timeline().read(TimelineQuery.latest().tag("kiel")).items()).extracting(Post::id)
                    .containsExactly(post.id());
            assertThatThrownBy(() -> chorus.posts().edit(post.id(), bob.id(), "hijacked"))
                    .isInstanceOf(NotPermittedException.class).hasMessageContaining("only the author");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void delete_byAuthorOrAdmin_removesThePostFromEveryRead(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            Member bob = chorus.members().admit(NewMember.handle("bob"));
            Member admin = chorus.members().admit(NewMember.handle("hub").role(Role.ADMIN));
            Post a = chorus.posts().publish(ada.id(), "one #Kiel");
            Post b = chorus.posts().publish(ada.id(), "two #Kiel");

            assertThatThrownBy(() -> chorus.posts().delete(a.id(), bob.id())).isInstanceOf(NotPermittedException.class);
            chorus.posts().delete(a.id(), ada.id());
            chorus.posts().delete(b.id(), admin.id());

            assertThat(chorus.posts().find(a.id())).isEmpty();
            assertThat(chorus.timeline().read(TimelineQuery.latest()).items()).isEmpty();
            assertThat(chorus.timeline().read(TimelineQuery.latest().tag("Kiel")).items()).isEmpty();
            assertThat(chorus.timeline().read(TimelineQuery.latest().member("ada")).items()).isEmpty();
            assertThatThrownBy(() -> chorus.posts().history(a.id())).isInstanceOf(NoSuchPostException.class);
            assertThatThrownBy(() -> chorus.posts().delete(a.id(), ada.id())).isInstanceOf(NoSuchPostException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void appreciate_countsOncePerMember_andNeverMovesThePost(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            Member bob = chorus.members().admit(NewMember.handle("bob"));
            Post older = chorus.posts().publish(ada.id(), "older");
            Post newer = chorus.posts().publish(ada.id(), "newer");
            chorus.posts().appreciate(older.id(), bob.id());
            assertThat(chorus.posts().appreciate(older.id(), bob.id()).appreciations()).isEqualTo(1);
            assertThat(chorus.posts().appreciate(older.id(), ada.id()).appreciations()).isEqualTo(2);
            assertThat(chorus.posts().appreciatedBy(bob.id(), List.of(older.id(), newer.id()))).containsExactly(older.id());
            assertThat(chorus.timeline().read(TimelineQuery.latest()).items()).extracting(Post::id)
                    .containsExactly(newer.id(), older.id());
            assertThat(chorus.posts().withdrawAppreciation(older.id(), bob.id()).appreciations()).isEqualTo(1);
            assertThat(chorus.posts().withdrawAppreciation(older.id(), bob.id()).appreciations()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void changeLog_recordsEveryMutationGapFree_andReplaysFromAnySeq(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            chorus.organisations().save(Organisation.of("baltic-lab", "Baltic Lab"));
            Member ada = chorus.members().admit(NewMember.handle("ada").organisation("baltic-lab"));
            Post post = chorus.posts().publish(ada.id(), "hello");
            chorus.posts().edit(post.id(), ada.id(), "hello again");
            chorus.posts().appreciate(post.id(), ada.id());
            chorus.posts().delete(post.id(), ada.id());
            chorus.members().suspend(ada.id());

            List<Change> all = chorus.changes().since(0, 100);
            assertThat(all).extracting(Change::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(all).extracting(Change::kind).containsExactly(ChangeKind.ORGANISATION_CHANGED,
                    ChangeKind.MEMBER_ADMITTED, ChangeKind.POST_CREATED, ChangeKind.POST_EDITED,
                    ChangeKind.POST_APPRECIATED, ChangeKind.POST_DELETED, ChangeKind.MEMBER_CHANGED);
            assertThat(all.get(2).post()).contains(post.id());
            assertThat(all.get(2).member()).contains(ada.id());
            assertThat(chorus.changes().since(5, 100)).extracting(Change::seq).containsExactly(6L, 7L);
            assertThat(chorus.changes().lastSeq()).isEqualTo(7);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void subscribe_deliversInSeqOrder_andASlowListenerDoesNotHoldUpWriters(StoreKind kind) throws Exception {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            CountDownLatch release = new CountDownLatch(1);
            List<Long> slowSeen = new CopyOnWriteArrayList<>();
            List<Long> fastSeen = new CopyOnWriteArrayList<>();
            CountDownLatch fastDone = new CountDownLatch(20);
            try (Subscription slow = chorus.changes().subscribe(change -> {
                awaitQuietly(release);
                slowSeen.add(change.seq());
            }); Subscription fast = chorus.changes().subscribe(change -> {
                fastSeen.add(change.seq());
                fastDone.countDown();
            })) {
                for (int i = 0; i < 20; i++) {
                    chorus.posts().publish(ada.id(), "post " + i);
                }
                assertThat(fastDone.await(10, TimeUnit.SECONDS)).as("the fast listener got all 20").isTrue();
                assertThat(slowSeen).as("the slow listener is still stuck on its first change").isEmpty();
                release.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (slowSeen.size() < 20 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            assertThat(fastSeen).containsExactlyElementsOf(range(2, 21));
            assertThat(slowSeen).containsExactlyElementsOf(range(2, 21));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void subscribe_fromAnEarlierSeq_replaysThenGoesLive(StoreKind kind) throws Exception {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            chorus.posts().publish(ada.id(), "one");
            chorus.posts().publish(ada.id(), "two");
            List<Long> seen = new CopyOnWriteArrayList<>();
            CountDownLatch four = new CountDownLatch(4);
            try (Subscription s = chorus.changes().subscribe(0, change -> {
                seen.add(change.seq());
                four.countDown();
            })) {
                chorus.posts().publish(ada.id(), "three");
                assertThat(four.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(s.lastDelivered()).isEqualTo(4);
            }
            assertThat(seen).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void close_stopsEverySubscriptionThread(StoreKind kind) {
        Chorus chorus = kind.open(dir, clock);
        chorus.changes().subscribe(change -> { });
        chorus.changes().subscribe(change -> { });
        assertThat(chorusThreads()).isGreaterThanOrEqualTo(2);
        chorus.close();
        assertThat(chorusThreads()).isZero();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void members_needAnExistingOrganisation_andUniqueHandles(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            assertThatThrownBy(() -> chorus.members().admit(NewMember.handle("ada").organisation("nowhere")))
                    .isInstanceOf(NoSuchOrganisationException.class).hasMessageContaining("'nowhere'");
            chorus.members().admit(NewMember.handle("ada"));
            assertThatThrownBy(() -> chorus.members().admit(NewMember.handle("ada")))
                    .isInstanceOf(HandleTakenException.class);
            assertThatThrownBy(() -> NewMember.handle("Ada!")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("handle 'Ada!' is not allowed");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void timeline_refusesMalformedCursorsWithAClearMessage(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            assertThatThrownBy(() -> chorus.timeline().read(TimelineQuery.latest().before("' OR 1=1 --")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a Chorus cursor");
            Page<Post> empty = chorus.timeline().read(TimelineQuery.latest().member("nobody"));
            assertThat(empty.items()).isEmpty();
            assertThat(empty.hasOlder()).isFalse();
        }
    }

    private static long chorusThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("chorus-changes-") && t.isAlive()).count();
    }

    private static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
