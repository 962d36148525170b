package org.chorusfeed.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.chorusfeed.HandleTakenException;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.NoSuchOrganisationException;
import org.chorusfeed.access.AccessToken;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.Role;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.post.PostVersion;
import org.chorusfeed.post.SourceKind;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.text.PostText;
import org.chorusfeed.text.TextRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of the {@link Store} SPI, run against every store: extend it and open a fresh, empty store in
 * {@link #openStore}. The in-memory store's behaviour is the reference.
 */
public abstract class StoreContract {
    /** A time with nanoseconds, to show that stored times come back exactly. */
    protected static final Instant T0 = Instant.parse("2026-11-30T10:00:00.123456789Z");
    private static final TextRules RULES = TextRules.defaults();

    /** Stands at {@link #T0}; drafts are timed by it. */
    private final MutableClock clock = new MutableClock(T0);
    /** The store under test, fresh for each test. */
    protected Store store;

    /** Opens a new, empty store of the kind under test. */
    protected abstract Store openStore(Clock clock);

    @BeforeEach
    void openTheStore() {
        store = openStore(clock);
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    // helpers

    /** The clock the store was opened with and drafts are timed by. */
    protected Clock clock() {
        return clock;
    }

    /** Moves the clock (back, with a negative duration). */
    protected void advanceClock(Duration by) {
        clock.advance(by);
    }

    protected static PostText text(String raw) {
        return RULES.parse(raw, handle -> true);
    }

    protected Member admit(String handle) {
        return store.insertMember(NewMember.handle(handle), MemberStatus.ACTIVE, clock.instant());
    }

    protected Member admit(String handle, String organisation) {
        return store.insertMember(NewMember.handle(handle).organisation(organisation), MemberStatus.ACTIVE,
                clock.instant());
    }

    protected PostDraft nativeDraft(Member author, String raw) {
        return new PostDraft(author.id(), clock.instant(), false, text(raw), Optional.empty(), PostSource.nativePost());
    }

    protected Post publish(Member author, String raw) {
        return store.insertPost(nativeDraft(author, raw));
    }

    protected Post reply(Member author, Post parent, String raw) {
        return store.insertPost(new PostDraft(author.id(), clock.instant(), false, text(raw), Optional.of(parent.id()),
                PostSource.nativePost()));
    }

    protected Post importFromBlog(Member author, Instant entryTime, String title) {
        return store.insertPost(new PostDraft(author.id(), entryTime, true, text(title + " https://blog.example/e"),
                Optional.empty(), new PostSource.Blog(URI.create("https://blog.example/e"), title)));
    }

    private static PostSelection select(int limit) {
        return PostSelection.newest(limit);
    }

    private static List<PostId> ids(List<Post> posts) {
        return posts.stream().map(Post::id).toList();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private List<Change> allChanges() {
        return store.changesSince(0, 10_000);
    }

    private List<ChangeKind> kinds() {
        return allChanges().stream().map(Change::kind).toList();
    }

    @Nested
    class Organisations {
        @Test
        void saveOrganisation_thenFind_returnsItWithItsWebsite() {
            Organisation lab = Organisation.of("baltic-lab", "Baltic Lab").withWebsite(URI.create("https://baltic.example"));

            assertThat(store.saveOrganisation(lab, T0)).isEqualTo(lab);

            assertThat(store.findOrganisation("baltic-lab")).contains(lab);
            assertThat(store.findOrganisation("nobody")).isEmpty();
        }

        @Test
        void saveOrganisation_again_replacesNameAndWebsite() {
            store.saveOrganisation(Organisation.of("lab", "Lab").withWebsite(URI.create("https://lab.example")), T0);

            store.saveOrganisation(Organisation.of("lab", "The Lab"), T0);

            assertThat(store.findOrganisation("lab")).contains(Organisation.of("lab", "The Lab"));
            assertThat(store.organisations()).hasSize(1);
        }

        @Test
        void organisations_areOrderedBySlug() {
            store.saveOrganisation(Organisation.of("zeta", "Zeta"), T0);
            store.saveOrganisation(Organisation.of("alpha", "Alpha"), T0);
            store.saveOrganisation(Organisation.of("mid", "Mid"), T0);

            assertThat(store.organisations()).extracting(Organisation::slug).containsExactly("alpha", "mid", "zeta");
        }
    }

    @Nested
    class Members {
        @Test
        void insertMember_keepsEveryField_andFindsItByIdAndHandle() {
            store.saveOrganisation(Organisation.of("lab", "Lab"), T0);
            NewMember ada = NewMember.handle("ada").name("Ada Example").organisation("lab").role(Role.ADMIN)
                    .bio("Builds boats.\nAnd bridges.")
                    .links(List.of(URI.create("https://ada.example"), URI.create("https://code.example/ada")))
                    .blogFeedUrl(URI.create("https://ada.example/feed.xml"));

            Member member = store.insertMember(ada, MemberStatus.INVITED, T0);

            assertThat(member).isEqualTo(new Member(member.id(), "ada", "Ada Example", Optional.of("lab"),
                    "Builds boats.\nAnd bridges.", ada.links(), ada.blogFeedUrl(), Role.ADMIN, MemberStatus.INVITED, T0));
            assertThat(store.findMember(member.id())).contains(member);
            assertThat(store.findMemberByHandle("ada")).contains(member);
        }

        @Test
        void insertMember_givesEachMemberItsOwnId() {
            Member ada = admit("ada");
            Member bob = admit("bob");

            assertThat(ada.id()).isNotEqualTo(bob.id());
            assertThat(store.findMember(bob.id())).contains(bob);
        }

        @Test
        void insertMember_withATakenHandle_throwsHandleTaken_andChangesNothing() {
            admit("ada");
            long seq = store.lastSeq();

            assertThatThrownBy(() -> admit("ada")).isInstanceOf(HandleTakenException.class)
                    .extracting(e -> ((HandleTakenException) e).handle()).isEqualTo("ada");

            assertThat(store.members()).hasSize(1);
            assertThat(store.lastSeq()).isEqualTo(seq);
        }

        @Test
        void insertMember_inAnUnknownOrganisation_throwsNoSuchOrganisation_andChangesNothing() {
            assertThatThrownBy(() -> admit("ada", "nowhere")).isInstanceOf(NoSuchOrganisationException.class)
                    .hasMessageContaining("nowhere");

            assertThat(store.members()).isEmpty();
            assertThat(store.lastSeq()).isZero();
        }

        @Test
        void updateMember_replacesTheProfile_butNeverIdHandleOrJoinTime() {
            store.saveOrganisation(Organisation.of("lab", "Lab"), T0);
            Member ada = admit("ada");
            Member changed = new Member(ada.id(), "someone-else", "Ada E.", Optional.of("lab"), "New bio",
                    List.of(URI.create("https://ada.example")), Optional.empty(), Role.ADMIN, MemberStatus.SUSPENDED,
                    T0.plusSeconds(99));

            Member updated = store.updateMember(changed, T0.plusSeconds(5));

            Member expected = new Member(ada.id(), "ada", "Ada E.", Optional.of("lab"), "New bio",
                    List.of(URI.create("https://ada.example")), Optional.empty(), Role.ADMIN, MemberStatus.SUSPENDED,
                    ada.joinedAt());
            assertThat(updated).isEqualTo(expected);
            assertThat(store.findMember(ada.id())).contains(expected);
            assertThat(store.findMemberByHandle("ada")).contains(expected);
        }

        @Test
        void updateMember_ofAnUnknownMember_throwsNoSuchMember() {
            Member ghost = new Member(new MemberId(999), "ghost", "Ghost", Optional.empty(), "", List.of(),
                    Optional.empty(), Role.MEMBER, MemberStatus.ACTIVE, T0);

            assertThatThrownBy(() -> store.updateMember(ghost, T0)).isInstanceOf(NoSuchMemberException.class);
            assertThat(store.lastSeq()).isZero();
        }

        @Test
        void updateMember_intoAnUnknownOrganisation_throwsNoSuchOrganisation_andKeepsTheOldProfile() {
            Member ada = admit("ada");
            Member moved = new Member(ada.id(), "ada", "Ada", Optional.of("nowhere"), "", List.of(), Optional.empty(),
                    Role.MEMBER, MemberStatus.ACTIVE, ada.joinedAt());

            assertThatThrownBy(() -> store.updateMember(moved, T0)).isInstanceOf(NoSuchOrganisationException.class);
            assertThat(store.findMember(ada.id())).contains(ada);
        }

        @Test
        void members_areOrderedByHandle_andUnknownOnesAreEmpty() {
            admit("carol");
            admit("ada");
            admit("bob");

            assertThat(store.members()).extracting(Member::handle).containsExactly("ada", "bob", "carol");
            assertThat(store.findMemberByHandle("dave")).isEmpty();
            assertThat(store.findMember(new MemberId(12345))).isEmpty();
        }
    }

    @Nested
    class Posts {
        @Test
        void insertPost_thenFind_returnsTheSamePostWithItsSegments() {
            Member ada = admit("ada");
            admit("bob");

            Post post = publish(ada, "Kick-off with @bob at #BalticLab https://example.org/kickoff today");

            assertThat(post.author()).isEqualTo(ada.id());
            assertThat(post.publishedAt()).isEqualTo(T0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(post.segments()).hasSize(7);
            assertThat(post.editedAt()).isEmpty();
            assertThat(post.appreciations()).isZero();
            assertThat(store.findPost(post.id())).contains(post);
            assertThat(store.findPost(post.id().next())).isEmpty();
        }

        @Test
        void insertPost_aReply_keepsWhatItAnswers() {
            Member ada = admit("ada");
            Post parent = publish(ada, "A question?");

            Post answer = reply(ada, parent, "An answer.");

            assertThat(store.findPost(answer.id()).orElseThrow().inReplyTo()).contains(parent.id());
        }

        @Test
        void insertPost_fromABlog_keepsTheEntrysAddressAndTitle() {
            Member ada = admit("ada");

            Post post = importFromBlog(ada, T0.minus(Duration.ofDays(2)), "Our new boat");

            assertThat(post.source()).isEqualTo(new PostSource.Blog(URI.create("https://blog.example/e"), "Our new boat"));
            assertThat(store.findPost(post.id())).contains(post);
        }

        @Test
        void editPost_replacesTheText_andKeepsEveryVersionOldestFirst() {
            Member ada = admit("ada");
            Post post = publish(ada, "First #draft");
            Instant firstEdit = T0.plusSeconds(60);
            Instant secondEdit = T0.plusSeconds(120);

            store.editPost(post.id(), text("Second"), firstEdit);
            Optional<Post> edited = store.editPost(post.id(), text("Third #final"), secondEdit);

            assertThat(edited).hasValueSatisfying(p -> {
                assertThat(p.text()).isEqualTo("Third #final");
                assertThat(p.editedAt()).contains(secondEdit);
                assertThat(p.id()).isEqualTo(post.id());
            });
            assertThat(store.findPost(post.id())).isEqualTo(edited);
            assertThat(store.history(post.id())).containsExactly(
                    new PostVersion("First #draft", post.segments(), post.publishedAt()),
                    new PostVersion("Second", text("Second").segments(), firstEdit),
                    new PostVersion("Third #final", text("Third #final").segments(), secondEdit));
        }

        @Test
        void history_ofAPostNeverEdited_isItsOneVersion_andOfAnUnknownPostEmpty() {
            Member ada = admit("ada");
            Post post = publish(ada, "Only version");

            assertThat(store.history(post.id())).containsExactly(
                    new PostVersion("Only version", post.segments(), post.publishedAt()));
            assertThat(store.history(post.id().next())).isEmpty();
        }

        @Test
        void editPost_replacesTheTags_thePostIsFoundBy() {
            Member ada = admit("ada");
            Post post = publish(ada, "About #Boats");

            store.editPost(post.id(), text("About #Bridges"), T0.plusSeconds(1));

            assertThat(store.posts(tagged("boats"))).isEmpty();
            assertThat(ids(store.posts(tagged("bridges")))).containsExactly(post.id());
        }

        @Test
        void editPost_ofAnUnknownPost_isEmpty_andAppendsNothing() {
            admit("ada");
            long seq = store.lastSeq();

            assertThat(store.editPost(new PostId(12345), text("x"), T0)).isEmpty();
            assertThat(store.lastSeq()).isEqualTo(seq);
        }

        @Test
        void deletePost_removesItFromEveryRead() {
            Member ada = admit("ada");
            Member bob = admit("bob");
            Post keep = publish(ada, "Stays #here");
            Post gone = publish(ada, "Goes #here");
            store.editPost(gone.id(), text("Goes #here, edited"), T0.plusSeconds(1));
            store.setAppreciation(gone.id(), bob.id(), true, T0.plusSeconds(2));

            assertThat(store.deletePost(gone.id(), T0.plusSeconds(3))).isTrue();

            assertThat(store.findPost(gone.id())).isEmpty();
            assertThat(store.history(gone.id())).isEmpty();
            assertThat(ids(store.posts(select(10)))).containsExactly(keep.id());
            assertThat(ids(store.posts(tagged("here")))).containsExactly(keep.id());
            assertThat(store.appreciatedBy(bob.id(), List.of(gone.id(), keep.id()))).isEmpty();
            assertThat(store.deletePost(gone.id(), T0.plusSeconds(4))).isFalse();
        }

        @Test
        void deletePost_ofAParent_leavesItsRepliesInPlace() {
            Member ada = admit("ada");
            Post parent = publish(ada, "Question");
            Post answer = reply(ada, parent, "Answer");

            store.deletePost(parent.id(), T0);

            assertThat(store.findPost(answer.id())).contains(answer);
        }

        @Test
        void setAppreciation_countsEachMemberOnce_andWithdrawingTakesItBack() {
            Member ada = admit("ada");
            Member bob = admit("bob");
            Member carol = admit("carol");
            Post post = publish(ada, "Good work");

            store.setAppreciation(post.id(), bob.id(), true, T0);
            store.setAppreciation(post.id(), bob.id(), true, T0);
            Optional<Post> twice = store.setAppreciation(post.id(), carol.id(), true, T0);

            assertThat(twice).map(Post::appreciations).contains(2);
            assertThat(store.findPost(post.id())).map(Post::appreciations).contains(2);
            assertThat(store.setAppreciation(post.id(), bob.id(), false, T0)).map(Post::appreciations).contains(1);
            assertThat(store.setAppreciation(post.id(), bob.id(), false, T0)).map(Post::appreciations).contains(1);
            assertThat(store.findPost(post.id())).map(Post::appreciations).contains(1);
        }

        @Test
        void setAppreciation_onAnUnknownPost_isEmpty() {
            Member ada = admit("ada");

            assertThat(store.setAppreciation(new PostId(12345), ada.id(), true, T0)).isEmpty();
        }

        @Test
        void appreciatedBy_namesOnlyThePostsTheMemberAppreciates() {
            Member ada = admit("ada");
            Member bob = admit("bob");
            Post one = publish(ada, "One");
            Post two = publish(ada, "Two");
            Post three = publish(ada, "Three");
            store.setAppreciation(one.id(), bob.id(), true, T0);
            store.setAppreciation(three.id(), bob.id(), true, T0);
            store.setAppreciation(two.id(), ada.id(), true, T0);

            assertThat(store.appreciatedBy(bob.id(), List.of(one.id(), two.id(), three.id(), new PostId(777))))
                    .containsExactlyInAnyOrder(one.id(), three.id());
            assertThat(store.appreciatedBy(bob.id(), List.of())).isEmpty();
        }
    }

    @Nested
    class Minting {
        @Test
        void nativePosts_inOneMillisecond_getConsecutiveIdsFromThatMillisecondsFirst() {
            Member ada = admit("ada");
            List<PostId> ids = new ArrayList<>();

            for (int i = 0; i < 300; i++) {
                ids.add(publish(ada, "Post " + i).id());
            }

            long first = PostId.firstAt(T0).value();
            for (int i = 0; i < ids.size(); i++) {
                assertThat(ids.get(i).value()).isEqualTo(first + i);
            }
            assertThat(ids(store.posts(select(1000)))).containsExactlyElementsOf(reversed(ids));
        }

        @Test
        void nativePosts_whenTheClockGoesBack_stillGetIdsGreaterThanEveryOneBefore() {
            Member ada = admit("ada");
            Post later = publish(ada, "Later");
            clock.advance(Duration.ofMinutes(-5));

            Post next = publish(ada, "After the clock went back");

            assertThat(next.id()).isGreaterThan(later.id());
        }

        @Test
        void nativePosts_inALaterMillisecond_startAtThatMillisecondsFirstId() {
            Member ada = admit("ada");
            publish(ada, "Now");
            clock.advance(Duration.ofSeconds(3));

            Post later = publish(ada, "Later");

            assertThat(later.id()).isEqualTo(PostId.firstAt(clock.instant()));
        }

        @Test
        void backdatedPosts_getTheFirstFreeIdsOfTheirMillisecond_andKeepTheirTime() {
            Member ada = admit("ada");
            Instant entry = T0.minus(Duration.ofDays(3));

            Post first = importFromBlog(ada, entry, "One");
            Post second = importFromBlog(ada, entry, "Two");

            assertThat(first.id()).isEqualTo(PostId.of(entry, 0));
            assertThat(second.id()).isEqualTo(PostId.of(entry, 1));
            assertThat(second.publishedAt()).isEqualTo(entry.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }

        @Test
        void backdatedPosts_fillTheGapsOfTheirMillisecond_andNeverHoldBackNativeIds() {
            Member ada = admit("ada");
            Post nativeFirst = publish(ada, "Native one");
            Post nativeSecond = publish(ada, "Native two");
            store.deletePost(nativeFirst.id(), T0);

            Post backdated = store.insertPost(new PostDraft(ada.id(), T0, true, text("Imported"), Optional.empty(),
                    PostSource.nativePost()));
            Post nativeThird = publish(ada, "Native three");

            assertThat(backdated.id()).isEqualTo(nativeFirst.id());
            assertThat(nativeThird.id()).isEqualTo(nativeSecond.id().next());
        }

        @Test
        void aBackdatedPost_neverMakesLaterNativeIdsSmaller() {
            Member ada = admit("ada");
            Post imported = importFromBlog(ada, T0.minus(Duration.ofHours(1)), "Old entry");
            clock.advance(Duration.ofMillis(1));
            Post fresh = publish(ada, "Fresh");

            assertThat(fresh.id()).isGreaterThan(imported.id());
            assertThat(ids(store.posts(select(10)))).containsExactly(fresh.id(), imported.id());
        }
    }

    @Nested
    class Selections {
        private Member ada;
        private Member bob;
        private Member carol;
        private final List<Post> posts = new ArrayList<>();

        @BeforeEach
        void network() {
            store.saveOrganisation(Organisation.of("lab", "Lab"), T0);
            store.saveOrganisation(Organisation.of("yard", "Yard"), T0);
            ada = admit("ada", "lab");
            bob = admit("bob", "yard");
            carol = admit("carol");
            for (int i = 0; i < 12; i++) {
                clock.advance(Duration.ofMillis(1));
                Member author = List.of(ada, bob, carol).get(i % 3);
                posts.add(publish(author, "Post " + i + (i % 2 == 0 ? " #Even" : " #odd")));
            }
        }

        private List<PostId> newestFirst(Predicate<Post> filter) {
            return posts.stream().filter(filter).sorted(Comparator.comparing(Post::id).reversed()).map(Post::id).toList();
        }

        @Test
        void newest_returnsTheNewestPostsNewestFirst_upToTheLimit() {
            assertThat(ids(store.posts(select(5)))).containsExactlyElementsOf(newestFirst(p -> true).subList(0, 5));
            assertThat(ids(store.posts(select(100)))).containsExactlyElementsOf(newestFirst(p -> true));
        }

        @Test
        void before_returnsOlderPostsNewestFirst() {
            PostId bound = posts.get(6).id();

            List<Post> page = store.posts(select(3).range(Optional.of(bound), Optional.empty(), 3));

            assertThat(ids(page)).containsExactly(posts.get(5).id(), posts.get(4).id(), posts.get(3).id());
        }

        @Test
        void after_returnsNewerPostsOldestFirst() {
            PostId bound = posts.get(6).id();

            List<Post> page = store.posts(select(3).range(Optional.empty(), Optional.of(bound), 3));

            assertThat(ids(page)).containsExactly(posts.get(7).id(), posts.get(8).id(), posts.get(9).id());
        }

        @Test
        void before_theOldestPost_andAfter_theNewest_areEmpty() {
            assertThat(store.posts(select(3).range(Optional.of(posts.get(0).id()), Optional.empty(), 3))).isEmpty();
            assertThat(store.posts(select(3).range(Optional.empty(), Optional.of(posts.get(11).id()), 3))).isEmpty();
        }

        @Test
        void byAuthor_returnsOnlyThatMembersPosts() {
            PostSelection byBob = new PostSelection(Optional.empty(), Optional.empty(), 100, Optional.of(bob.id()),
                    Optional.empty(), Optional.empty(), true, Optional.empty());

            assertThat(ids(store.posts(byBob))).containsExactlyElementsOf(newestFirst(p -> p.author().equals(bob.id())));
        }

        @Test
        void byOrganisation_followsTheAuthorsCurrentOrganisation() {
            PostSelection lab = new PostSelection(Optional.empty(), Optional.empty(), 100, Optional.empty(),
                    Optional.of("lab"), Optional.empty(), true, Optional.empty());
            assertThat(ids(store.posts(lab))).containsExactlyElementsOf(newestFirst(p -> p.author().equals(ada.id())));

            store.updateMember(new Member(carol.id(), "carol", "carol", Optional.of("lab"), "", List.of(),
                    Optional.empty(), Role.MEMBER, MemberStatus.ACTIVE, carol.joinedAt()), T0);

            assertThat(ids(store.posts(lab))).containsExactlyElementsOf(
                    newestFirst(p -> p.author().equals(ada.id()) || p.author().equals(carol.id())));
        }

        @Test
        void byTag_matchesTheLowerCasedTag_whateverCaseThePostUsed() {
            assertThat(ids(store.posts(tagged("even")))).containsExactlyElementsOf(newestFirst(p -> p.text().contains("#Even")));
            assertThat(store.posts(tagged("Even"))).isEmpty();
            assertThat(store.posts(tagged("nothing"))).isEmpty();
        }

        @Test
        void withoutReplies_leavesRepliesOut() {
            Post answer = reply(bob, posts.get(0), "An answer #even");
            PostSelection noReplies = new PostSelection(Optional.empty(), Optional.empty(), 100, Optional.empty(),
                    Optional.empty(), Optional.empty(), false, Optional.empty());

            assertThat(ids(store.posts(noReplies))).containsExactlyElementsOf(newestFirst(p -> true));
            assertThat(ids(store.posts(select(100)))).contains(answer.id());
        }

        @Test
        void bySource_returnsOnlyThatKind() {
            Post imported = importFromBlog(carol, T0.minus(Duration.ofDays(1)), "From the blog");
            PostSelection blog = new PostSelection(Optional.empty(), Optional.empty(), 100, Optional.empty(),
                    Optional.empty(), Optional.empty(), true, Optional.of(SourceKind.BLOG));
            PostSelection nativeOnly = new PostSelection(Optional.empty(), Optional.empty(), 100, Optional.empty(),
                    Optional.empty(), Optional.empty(), true, Optional.of(SourceKind.NATIVE));

            assertThat(ids(store.posts(blog))).containsExactly(imported.id());
            assertThat(ids(store.posts(nativeOnly))).containsExactlyElementsOf(newestFirst(p -> true));
        }

        @Test
        void everyFilterTogether_inBothDirections_selectsOnlyPostsMatchingAll() {
            PostSelection all = new PostSelection(Optional.empty(), Optional.empty(), 100, Optional.of(ada.id()),
                    Optional.of("lab"), Optional.of("even"), false, Optional.of(SourceKind.NATIVE));
            List<PostId> expected = newestFirst(p -> p.author().equals(ada.id()) && p.text().contains("#Even"));

            assertThat(ids(store.posts(all))).containsExactlyElementsOf(expected);
            PostId oldest = expected.get(expected.size() - 1);
            assertThat(ids(store.posts(all.range(Optional.empty(), Optional.of(oldest), 100))))
                    .containsExactlyElementsOf(reversed(expected.subList(0, expected.size() - 1)));
        }
    }

    private static PostSelection tagged(String tag) {
        return new PostSelection(Optional.empty(), Optional.empty(), 100, Optional.empty(), Optional.empty(),
                Optional.of(tag), true, Optional.empty());
    }

    @Test
    void paging_withRandomFiltersAndPageSizes_visitsEveryMatchingPostOnceInOrder_inBothDirections() {
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            String context = "seed " + seed + " (replay with this seed)";
            if (seed > 1) {
                store.close();
                store = openStore(clock);
            }
            store.saveOrganisation(Organisation.of("o1", "One"), T0);
            store.saveOrganisation(Organisation.of("o2", "Two"), T0);
            List<Member> members = new ArrayList<>();
            for (int m = 0; m < 5; m++) {
                members.add(m < 4 ? admit("m" + m, "o" + (1 + m % 2)) : admit("m" + m));
            }
            Map<PostId, Post> model = new HashMap<>();
            List<Post> created = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                clock.advance(Duration.ofMillis(random.nextInt(3)));
                Member author = members.get(random.nextInt(members.size()));
                String raw = "p" + i + " #t" + random.nextInt(3);
                Post post;
                int kind = random.nextInt(10);
                if (kind == 0 && !created.isEmpty()) {
                    post = reply(author, created.get(random.nextInt(created.size())), raw);
                } else if (kind == 1) {
                    post = importFromBlog(author, clock.instant().minusSeconds(random.nextInt(100) + 1), raw);
                } else {
                    post = publish(author, raw);
                }
                created.add(post);
                model.put(post.id(), post);
                if (random.nextInt(8) == 0) {
                    Post victim = created.get(random.nextInt(created.size()));
                    if (model.remove(victim.id()) != null) {
                        store.deletePost(victim.id(), clock.instant());
                    }
                }
            }
            for (int query = 0; query < 12; query++) {
                Optional<MemberId> author = random.nextInt(4) == 0
                        ? Optional.of(members.get(random.nextInt(members.size())).id()) : Optional.empty();
                Optional<String> organisation = random.nextInt(4) == 0 ? Optional.of("o" + (1 + random.nextInt(2)))
                        : Optional.empty();
                Optional<String> tag = random.nextInt(3) == 0 ? Optional.of("t" + random.nextInt(3)) : Optional.empty();
                boolean replies = random.nextInt(3) != 0;
                Optional<SourceKind> source = random.nextInt(4) == 0
                        ? Optional.of(SourceKind.values()[random.nextInt(2)]) : Optional.empty();
                int limit = 1 + random.nextInt(15);
                Map<MemberId, Optional<String>> organisations = new HashMap<>();
                members.forEach(m -> organisations.put(m.id(), m.organisation()));
                List<PostId> expected = model.values().stream()
                        .filter(p -> author.map(a -> a.equals(p.author())).orElse(true))
                        .filter(p -> organisation.map(o -> organisations.get(p.author()).equals(Optional.of(o))).orElse(true))
                        .filter(p -> tag.map(t -> p.text().contains("#" + t)).orElse(true))
                        .filter(p -> replies || p.inReplyTo().isEmpty())
                        .filter(p -> source.map(s -> p.source().kind() == s).orElse(true))
                        .map(Post::id).sorted(Comparator.reverseOrder()).toList();
                PostSelection selection = new PostSelection(Optional.empty(), Optional.empty(), limit, author,
                        organisation, tag, replies, source);
                String what = context + ", query " + selection;

                List<PostId> backwards = new ArrayList<>();
                Optional<PostId> before = Optional.empty();
                while (true) {
                    List<Post> page = store.posts(selection.range(before, Optional.empty(), limit));
                    assertThat(page.size()).as(what).isLessThanOrEqualTo(limit);
                    backwards.addAll(ids(page));
                    if (page.size() < limit) {
                        break;
                    }
                    before = Optional.of(page.get(page.size() - 1).id());
                }
                assertThat(backwards).as(what).containsExactlyElementsOf(expected);

                List<PostId> forwards = new ArrayList<>();
                PostId after = new PostId(1);
                while (true) {
                    List<Post> page = store.posts(selection.range(Optional.empty(), Optional.of(after), limit));
                    forwards.addAll(ids(page));
                    if (page.size() < limit) {
                        break;
                    }
                    after = page.get(page.size() - 1).id();
                }
                assertThat(forwards).as(what).containsExactlyElementsOf(reversed(expected));
            }
        }
    }

    @Nested
    class Changes {
        @Test
        void anEmptyStore_hasNoChanges() {
            assertThat(store.lastSeq()).isZero();
            assertThat(store.changesSince(0, 10)).isEmpty();
        }

        @Test
        void everyMutation_appendsOneChange_gapFreeInOrder_withItsKindSubjectAndTime() {
            Instant t1 = T0.plusSeconds(1);
            Instant t2 = T0.plusSeconds(2);
            Instant t3 = T0.plusSeconds(3);
            Instant t4 = T0.plusSeconds(4);
            Instant t5 = T0.plusSeconds(5);
            store.saveOrganisation(Organisation.of("lab", "Lab"), T0);
            Member ada = store.insertMember(NewMember.handle("ada"), MemberStatus.ACTIVE, t1);
            Member bob = store.insertMember(NewMember.handle("bob"), MemberStatus.ACTIVE, t1);
            Post post = publish(ada, "Hello");
            store.editPost(post.id(), text("Hello again"), t2);
            store.setAppreciation(post.id(), bob.id(), true, t3);
            store.updateMember(ada.withStatus(MemberStatus.SUSPENDED), t4);
            store.deletePost(post.id(), t5);

            Optional<PostId> p = Optional.of(post.id());
            Optional<MemberId> a = Optional.of(ada.id());
            assertThat(allChanges()).containsExactly(
                    new Change(1, T0, ChangeKind.ORGANISATION_CHANGED, Optional.empty(), Optional.empty(), Optional.of("lab")),
                    new Change(2, t1, ChangeKind.MEMBER_ADMITTED, Optional.empty(), a, Optional.empty()),
                    new Change(3, t1, ChangeKind.MEMBER_ADMITTED, Optional.empty(), Optional.of(bob.id()), Optional.empty()),
                    new Change(4, post.publishedAt(), ChangeKind.POST_CREATED, p, a, Optional.empty()),
                    new Change(5, t2, ChangeKind.POST_EDITED, p, a, Optional.empty()),
                    new Change(6, t3, ChangeKind.POST_APPRECIATED, p, a, Optional.empty()),
                    new Change(7, t4, ChangeKind.MEMBER_CHANGED, Optional.empty(), a, Optional.empty()),
                    new Change(8, t5, ChangeKind.POST_DELETED, p, a, Optional.empty()));
            assertThat(store.lastSeq()).isEqualTo(8);
        }

        @Test
        void writesThatChangeNothing_appendNothing() {
            Member ada = admit("ada");
            Member bob = admit("bob");
            Post post = publish(ada, "Hello");
            store.setAppreciation(post.id(), bob.id(), true, T0);
            long seq = store.lastSeq();

            store.setAppreciation(post.id(), bob.id(), true, T0);
            store.setAppreciation(post.id(), ada.id(), false, T0);
            store.editPost(new PostId(1), text("x"), T0);
            store.deletePost(new PostId(1), T0);
            store.setAppreciation(new PostId(1), bob.id(), true, T0);

            assertThat(store.lastSeq()).isEqualTo(seq);
        }

        @Test
        void changesSince_returnsAtMostTheLimit_afterTheGivenSeq() {
            Member ada = admit("ada");
            for (int i = 0; i < 9; i++) {
                publish(ada, "Post " + i);
            }

            assertThat(store.changesSince(0, 4)).extracting(Change::seq).containsExactly(1L, 2L, 3L, 4L);
            assertThat(store.changesSince(4, 4)).extracting(Change::seq).containsExactly(5L, 6L, 7L, 8L);
            assertThat(store.changesSince(8, 4)).extracting(Change::seq).containsExactly(9L, 10L);
            assertThat(store.changesSince(10, 4)).isEmpty();
            assertThat(kinds().subList(1, 10)).containsOnly(ChangeKind.POST_CREATED);
        }

        @Test
        void onChanges_runsAfterEachCommit_andSeesWhatWasCommitted() throws InterruptedException {
            List<Long> seen = new CopyOnWriteArrayList<>();
            store.onChanges(() -> seen.add(store.lastSeq()));
            Member ada = admit("ada");

            awaitSize(seen, 1);
            publish(ada, "One");
            awaitSize(seen, 2);

            assertThat(seen).containsExactly(1L, 2L);
        }

        @Test
        void onChanges_isNotRunForWritesThatChangeNothing() throws InterruptedException {
            Member ada = admit("ada");
            Post post = publish(ada, "One");
            List<Long> seen = new CopyOnWriteArrayList<>();
            store.onChanges(() -> seen.add(store.lastSeq()));

            store.setAppreciation(post.id(), ada.id(), false, T0);
            assertThatThrownBy(() -> admit("ada")).isInstanceOf(HandleTakenException.class);
            store.setAppreciation(post.id(), ada.id(), true, T0);

            awaitSize(seen, 1);
            assertThat(seen).containsExactly(3L);
        }

        private void awaitSize(List<Long> seen, int size) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (seen.size() < size && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(seen).hasSizeGreaterThanOrEqualTo(size);
        }
    }

    @Nested
    class AccessTokens {
        private final byte[] hash = {1, 2, 3, 4, (byte) 0xff};

        @Test
        void insertToken_isFoundByItsHash_andListedNewestFirst() {
            Member ada = admit("ada");

            AccessToken first = store.insertToken(ada.id(), "script", hash, T0);
            AccessToken second = store.insertToken(ada.id(), "newsletter", new byte[] {9}, T0.plusSeconds(1));

            assertThat(first).isEqualTo(new AccessToken(first.id(), ada.id(), "script", T0, Optional.empty()));
            assertThat(store.findTokenByHash(hash.clone())).contains(first);
            assertThat(store.findTokenByHash(new byte[] {7})).isEmpty();
            assertThat(store.tokens(ada.id())).containsExactly(second, first);
            assertThat(store.lastSeq()).isEqualTo(1);
        }

        @Test
        void insertToken_forAnUnknownMember_throwsNoSuchMember() {
            assertThatThrownBy(() -> store.insertToken(new MemberId(99), "x", hash, T0))
                    .isInstanceOf(NoSuchMemberException.class);
        }

        @Test
        void revokeToken_marksOnlyTheMembersOwnActiveToken() {
            Member ada = admit("ada");
            Member bob = admit("bob");
            AccessToken token = store.insertToken(ada.id(), "script", hash, T0);

            assertThat(store.revokeToken(bob.id(), token.id(), T0)).isFalse();
            assertThat(store.revokeToken(ada.id(), token.id(), T0.plusSeconds(9))).isTrue();
            assertThat(store.revokeToken(ada.id(), token.id(), T0.plusSeconds(10))).isFalse();

            assertThat(store.findTokenByHash(hash)).hasValueSatisfying(t -> {
                assertThat(t.isActive()).isFalse();
                assertThat(t.revokedAt()).contains(T0.plusSeconds(9));
            });
        }
    }

    // timeline reads (TimelineReads)

    @Nested
    class BatchReads {
        @Test
        void findPosts_readsManyAtOnce_asFindPostWould_leavingOutMissingIdsAndCountingDuplicatesOnce() {
            Member ada = admit("ada");
            List<Post> posts = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                posts.add(publish(ada, "Post number " + i + " #batch"));
            }
            Post gone = posts.remove(10);
            store.deletePost(gone.id(), T0);
            List<PostId> asked = new ArrayList<>(ids(posts));
            asked.add(gone.id());
            asked.add(posts.get(0).id());
            asked.add(posts.get(69 - 1).id().next());

            java.util.Map<PostId, Post> found = store.findPosts(asked);

            assertThat(found).hasSize(69);
            for (Post post : posts) {
                assertThat(found.get(post.id())).isEqualTo(store.findPost(post.id()).orElseThrow());
            }
            assertThat(found).doesNotContainKey(gone.id());
            assertThat(store.findPosts(List.of())).isEmpty();
            assertThat(store.findPosts(List.of(gone.id()))).isEmpty();
        }

        @Test
        void postRange_andPostIdRange_returnThePage_andWhetherAMatchingPostLiesBeyondTheCursor() {
            store.saveOrganisation(Organisation.of("lab", "Lab"), T0);
            Member ada = admit("ada", "lab");
            Member bob = admit("bob");
            List<Post> all = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Member author = i % 3 == 0 ? bob : ada;
                String text = "Post " + i + (i % 2 == 0 ? " #even" : " #odd");
                all.add(i % 5 == 4 ? reply(author, all.get(i - 1), text) : publish(author, text));
            }
            java.util.Random random = new java.util.Random(7);
            for (int round = 0; round < 300; round++) {
                PostId cursor = all.get(random.nextInt(all.size())).id();
                if (random.nextInt(6) == 0) {
                    cursor = random.nextBoolean() ? all.get(all.size() - 1).id().next() : new PostId(1);
                }
                boolean before = random.nextBoolean();
                PostSelection selection = new PostSelection(before ? Optional.of(cursor) : Optional.empty(),
                        before ? Optional.empty() : Optional.of(cursor), 1 + random.nextInt(6),
                        random.nextInt(3) == 0 ? Optional.of(bob.id()) : Optional.empty(),
                        random.nextInt(4) == 0 ? Optional.of("lab") : Optional.empty(),
                        random.nextInt(3) == 0 ? Optional.of(random.nextBoolean() ? "even" : "odd") : Optional.empty(),
                        random.nextInt(3) != 0, Optional.empty());
                PostId at = cursor;
                List<Post> matching = all.stream().filter(p -> matches(p, selection, ada, bob)).toList();
                boolean beyond = matching.stream().anyMatch(p -> before ? p.id().compareTo(at) >= 0
                        : p.id().compareTo(at) <= 0);

                PostRange<Post> range = store.postRange(selection);
                PostRange<PostId> idRange = store.postIdRange(selection);

                assertThat(range.items()).as("round %d: %s", round, selection).isEqualTo(store.posts(selection));
                assertThat(range.beyondCursor()).as("round %d: %s", round, selection).isEqualTo(beyond);
                assertThat(idRange.items()).as("round %d: %s", round, selection).isEqualTo(ids(range.items()));
                assertThat(idRange.beyondCursor()).as("round %d: %s", round, selection).isEqualTo(beyond);
            }
            PostSelection newest = PostSelection.newest(3);
            assertThat(store.postRange(newest).items()).isEqualTo(store.posts(newest));
            assertThat(store.postRange(newest).beyondCursor()).isFalse();
            assertThat(store.postIdRange(newest).items()).isEqualTo(ids(store.posts(newest)));
            assertThat(store.postIdRange(newest).beyondCursor()).isFalse();
        }

        private boolean matches(Post post, PostSelection s, Member ada, Member bob) {
            Member author = post.author().equals(ada.id()) ? ada : bob;
            return s.author().map(post.author()::equals).orElse(true)
                    && s.organisation().map(org -> author.organisation().equals(Optional.of(org))).orElse(true)
                    && s.tag().map(tag -> post.text().contains("#" + tag)).orElse(true)
                    && (s.includeReplies() || post.inReplyTo().isEmpty());
        }
    }
}
