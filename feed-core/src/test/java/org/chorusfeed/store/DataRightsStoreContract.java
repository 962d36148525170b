package org.chorusfeed.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.chorusfeed.blogs.EntryKeys;
import org.chorusfeed.joining.JoinRequest;
import org.chorusfeed.joining.NewJoinRequest;
import org.chorusfeed.moderation.AuditEntry;
import org.chorusfeed.moderation.Report;
import org.chorusfeed.post.Hiding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.HandleTakenException;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.access.AccessToken;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.Erasure;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.post.GivenAppreciation;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.text.PostText;
import org.chorusfeed.text.TextRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data-rights part of the {@link Store} SPI ({@link DataRightsStore}), run against every store: appreciations
 * given, erasure, and the quarantine of erased handles.
 */
public abstract class DataRightsStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00.123456789Z");
    private static final String MARKER = "zq-erasable-marker";

    private final MutableClock clock = new MutableClock(T0);
    private Store store;
    private Member ada;
    private Member bob;

    /** Opens a new, empty store of the kind under test. */
    protected abstract Store openStore(Clock clock);

    @BeforeEach
    void openTheStore() {
        store = openStore(clock);
        ada = store.insertMember(NewMember.handle("ada").name("Ada " + MARKER).bio("bio " + MARKER),
                MemberStatus.ACTIVE, T0);
        bob = store.insertMember(NewMember.handle("bob"), MemberStatus.ACTIVE, T0);
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    private Post publish(Member author, String raw) {
        clock.advance(Duration.ofMillis(1));
        PostText text = TextRules.defaults().parse(raw, handle -> true);
        return store.insertPost(new PostDraft(author.id(), clock.instant(), false, text, Optional.empty(),
                PostSource.nativePost()));
    }

    private Post reply(Member author, Post parent, String raw) {
        clock.advance(Duration.ofMillis(1));
        PostText text = TextRules.defaults().parse(raw, handle -> true);
        return store.insertPost(new PostDraft(author.id(), clock.instant(), false, text, Optional.of(parent.id()),
                PostSource.nativePost()));
    }

    private List<Change> changesAfter(long seq) {
        return store.changesSince(seq, 10_000);
    }

    @Test
    void appreciationsGiven_listsThoseThatStand_newestFirst_withTheirTime() {
        Post first = publish(bob, "first");
        Post second = publish(bob, "second");
        Post third = publish(bob, "third");
        store.setAppreciation(first.id(), ada.id(), true, T0.plusSeconds(1));
        store.setAppreciation(third.id(), ada.id(), true, T0.plusSeconds(2));
        store.setAppreciation(second.id(), ada.id(), true, T0.plusSeconds(3));
        store.setAppreciation(third.id(), ada.id(), false, T0.plusSeconds(4));
        store.setAppreciation(first.id(), bob.id(), true, T0.plusSeconds(5));

        assertThat(store.appreciationsGiven(ada.id())).containsExactly(
                new GivenAppreciation(second.id(), T0.plusSeconds(3)), new GivenAppreciation(first.id(), T0.plusSeconds(1)));
        assertThat(store.appreciationsGiven(new MemberId(999))).isEmpty();
    }

    @Test
    void eraseMember_removesTheirPostsWithHistoryAndTags_andAppendsOnePostDeletedEach_thenMemberErased() {
        Post first = publish(ada, "first #" + MARKER);
        store.editPost(first.id(), TextRules.defaults().parse("edited " + MARKER + " #again", h -> true), T0.plusSeconds(9));
        Post second = publish(ada, "second " + MARKER);
        Post bobs = publish(bob, "bob stays");
        store.setAppreciation(first.id(), bob.id(), true, T0.plusSeconds(10));
        long before = store.lastSeq();
        Instant at = T0.plus(Duration.ofDays(1));

        Erasure erasure = store.eraseMember(ada.id(), at);

        assertThat(erasure).isEqualTo(new Erasure(ada.id(), "ada", at, 2, 0, 0));
        assertThat(store.findPost(first.id())).isEmpty();
        assertThat(store.findPost(second.id())).isEmpty();
        assertThat(store.history(first.id())).isEmpty();
        assertThat(store.posts(PostSelection.newest(100))).extracting(Post::id).containsExactly(bobs.id());
        assertThat(store.posts(tagged(MARKER))).isEmpty();
        assertThat(store.posts(tagged("again"))).isEmpty();
        assertThat(store.appreciatedBy(bob.id(), List.of(first.id()))).isEmpty();
        assertThat(store.appreciationsGiven(bob.id())).isEmpty();
        List<Change> changes = changesAfter(before);
        assertThat(changes).extracting(Change::kind).containsExactly(ChangeKind.POST_DELETED, ChangeKind.POST_DELETED,
                ChangeKind.MEMBER_ERASED);
        assertThat(changes).extracting(change -> change.post().orElse(null)).containsExactly(first.id(), second.id(), null);
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.member()).contains(ada.id());
            assertThat(change.time()).isEqualTo(at);
        });
        assertThat(changes.get(0).seq()).isEqualTo(before + 1);
        assertThat(changes.get(2).seq()).isEqualTo(before + 3);
    }

    private static PostSelection tagged(String tag) {
        return new PostSelection(Optional.empty(), Optional.empty(), 100, Optional.empty(), Optional.empty(),
                Optional.of(tag), true, Optional.empty());
    }

    @Test
    void eraseMember_withdrawsTheAppreciationsTheyGave_andOthersCountsGoDown() {
        Post bobs = publish(bob, "bob's work");
        Post bobsOther = publish(bob, "bob's other work");
        Member carol = store.insertMember(NewMember.handle("carol"), MemberStatus.ACTIVE, T0);
        store.setAppreciation(bobs.id(), ada.id(), true, T0.plusSeconds(1));
        store.setAppreciation(bobs.id(), carol.id(), true, T0.plusSeconds(2));
        store.setAppreciation(bobsOther.id(), ada.id(), true, T0.plusSeconds(3));
        long before = store.lastSeq();

        Erasure erasure = store.eraseMember(ada.id(), T0.plusSeconds(60));

        assertThat(erasure.appreciations()).isEqualTo(2);
        assertThat(store.findPost(bobs.id()).orElseThrow().appreciations()).isEqualTo(1);
        assertThat(store.findPost(bobsOther.id()).orElseThrow().appreciations()).isZero();
        assertThat(store.appreciatedBy(carol.id(), List.of(bobs.id()))).containsExactly(bobs.id());
        assertThat(store.appreciationsGiven(ada.id())).isEmpty();
        List<Change> changes = changesAfter(before);
        assertThat(changes).extracting(Change::kind).containsExactly(ChangeKind.POST_APPRECIATED,
                ChangeKind.POST_APPRECIATED, ChangeKind.MEMBER_ERASED);
        assertThat(changes.get(0).post()).contains(bobs.id());
        assertThat(changes.get(0).member()).as("a post change names the post's author").contains(bob.id());
        assertThat(changes.get(1).post()).contains(bobsOther.id());
    }

    @Test
    void eraseMember_leavesRepliesByOthersInPlace_andRemovesTheirRepliesToOthers() {
        Post adas = publish(ada, "question " + MARKER);
        Post bobsReply = reply(bob, adas, "answer");
        Post bobs = publish(bob, "bob asks");
        Post adasReply = reply(ada, bobs, "ada answers " + MARKER);

        store.eraseMember(ada.id(), T0.plusSeconds(60));

        assertThat(store.findPost(bobsReply.id()).orElseThrow().inReplyTo()).contains(adas.id());
        assertThat(store.findPost(adas.id())).isEmpty();
        assertThat(store.findPost(adasReply.id())).isEmpty();
        assertThat(store.posts(PostSelection.newest(100))).extracting(Post::id).containsExactly(bobs.id(), bobsReply.id());
    }

    @Test
    void eraseMember_removesTheirTokens_andNoLaterTokenGetsAnErasedTokensId() {
        AccessToken adas = store.insertToken(ada.id(), "script", new byte[] {1, 2, 3}, T0);
        store.insertToken(ada.id(), "other", new byte[] {4, 5, 6}, T0);
        AccessToken bobs = store.insertToken(bob.id(), "bob's", new byte[] {7, 8, 9}, T0);

        Erasure erasure = store.eraseMember(ada.id(), T0.plusSeconds(60));

        assertThat(erasure.tokens()).isEqualTo(2);
        assertThat(store.tokens(ada.id())).isEmpty();
        assertThat(store.findTokenByHash(new byte[] {1, 2, 3})).isEmpty();
        assertThat(store.findTokenByHash(new byte[] {7, 8, 9})).contains(bobs);
        AccessToken later = store.insertToken(bob.id(), "later", new byte[] {10}, T0.plusSeconds(61));
        assertThat(later.id()).isGreaterThan(bobs.id()).isNotEqualTo(adas.id());
    }

    @Test
    void eraseMember_leavesNoTextOfTheirsInAnyQuery() {
        Post post = publish(ada, "work " + MARKER + " #" + MARKER);
        store.editPost(post.id(), TextRules.defaults().parse("more " + MARKER, h -> true), T0.plusSeconds(5));
        Post bobs = publish(bob, "bob's");
        store.setAppreciation(bobs.id(), ada.id(), true, T0.plusSeconds(6));

        store.eraseMember(ada.id(), T0.plusSeconds(60));

        List<String> seen = new ArrayList<>();
        store.members().forEach(m -> seen.add(m.toString()));
        seen.add(store.findMember(ada.id()).toString());
        seen.add(store.findMemberByHandle("ada").toString());
        seen.add(store.posts(PostSelection.newest(1000)).toString());
        seen.add(store.posts(tagged(MARKER)).toString());
        seen.add(store.findPost(post.id()).toString());
        seen.add(store.history(post.id()).toString());
        seen.add(store.tokens(ada.id()).toString());
        seen.add(store.changesSince(0, 10_000).toString());
        assertThat(String.join("\n", seen)).doesNotContain(MARKER);
        assertThat(store.findMember(ada.id())).isEmpty();
        assertThat(store.findMemberByHandle("ada")).isEmpty();
        assertThat(store.members()).extracting(Member::handle).containsExactly("bob");
    }

    @Test
    void eraseMember_ofAnUnknownMember_throwsNoSuchMember_andAppendsNothing() {
        long before = store.lastSeq();
        assertThatThrownBy(() -> store.eraseMember(new MemberId(999), T0)).isInstanceOf(NoSuchMemberException.class);
        assertThat(store.lastSeq()).isEqualTo(before);
        assertThat(store.handleErasedAt("ada")).isEmpty();
    }

    @Test
    void anErasedHandle_isRefusedUntilThirtyDaysHavePassed_thenFree() {
        Instant erasedAt = T0.plusSeconds(60);
        store.eraseMember(ada.id(), erasedAt);
        Instant freeFrom = erasedAt.plus(Duration.ofDays(30));
        assertThat(store.handleErasedAt("ada")).contains(erasedAt);
        long before = store.lastSeq();

        assertThatThrownBy(() -> store.insertMember(NewMember.handle("ada"), MemberStatus.ACTIVE,
                freeFrom.minusMillis(1)))
                .isInstanceOfSatisfying(HandleTakenException.class, e -> {
                    assertThat(e.handle()).isEqualTo("ada");
                    assertThat(e.freeFrom()).contains(freeFrom);
                    assertThat(e.getMessage()).contains("erased").contains(freeFrom.toString());
                });
        assertThatThrownBy(() -> store.insertMember(NewMember.handle("ada"), MemberStatus.INVITED,
                freeFrom.minusNanos(1))).isInstanceOf(HandleTakenException.class);
        assertThat(store.lastSeq()).isEqualTo(before);
        assertThat(store.findMemberByHandle("ada")).isEmpty();

        Member newAda = store.insertMember(NewMember.handle("ada"), MemberStatus.ACTIVE, freeFrom);
        assertThat(newAda.id()).isNotEqualTo(ada.id());
        assertThat(newAda.name()).doesNotContain(MARKER);
    }

    @Test
    void aHandleErasedAgain_isRefusedFromTheLaterErasure() {
        Instant firstErasure = T0.plusSeconds(60);
        store.eraseMember(ada.id(), firstErasure);
        Instant readmitted = firstErasure.plus(Duration.ofDays(31));
        Member second = store.insertMember(NewMember.handle("ada"), MemberStatus.ACTIVE, readmitted);
        Instant secondErasure = readmitted.plusSeconds(60);

        store.eraseMember(second.id(), secondErasure);

        assertThat(store.handleErasedAt("ada")).contains(secondErasure);
        assertThatThrownBy(() -> store.insertMember(NewMember.handle("ada"), MemberStatus.ACTIVE,
                secondErasure.plus(Duration.ofDays(29)))).isInstanceOf(HandleTakenException.class);
    }

    @Test
    void anErasedHandle_doesNotHoldBackOtherHandles() {
        store.eraseMember(ada.id(), T0);
        assertThat(store.insertMember(NewMember.handle("ada2"), MemberStatus.ACTIVE, T0).handle()).isEqualTo("ada2");
        assertThat(store.handleErasedAt("bob")).isEmpty();
    }

    @Test
    void erasure_reachesSubscribersLikeAnyOtherChange() {
        List<Long> notified = new ArrayList<>();
        store.onChanges(() -> notified.add(store.lastSeq()));
        publish(ada, "one");

        store.eraseMember(ada.id(), T0.plusSeconds(60));

        assertThat(notified).isNotEmpty();
        assertThat(notified.get(notified.size() - 1)).isEqualTo(store.lastSeq());
    }

    @Test
    void eraseMember_removesTheirReportsHidingsBlogAndJoinRequests_andTheAuditLogKeepsOnlyTheErasure() {
        JoinRequest asked = store.insertJoinRequest(new NewJoinRequest("acct-zoe", "zoe", "Zoe " + MARKER,
                Optional.empty(), "let me in " + MARKER), T0);
        Member zoe = store.approveJoinRequest(asked.id(), bob.id(), T0).member();
        Post zoes = publish(zoe, "zoe's " + MARKER);
        Post bobs = publish(bob, "bob's");
        Post bobsOther = publish(bob, "bob's other");
        store.insertReport(zoes.id(), bob.id(), "bob reports zoe", T0);
        store.insertReport(bobs.id(), zoe.id(), "zoe reports " + MARKER, T0);
        store.insertReport(bobsOther.id(), ada.id(), "ada reports bob", T0);
        store.hidePost(zoes.id(), new Hiding("hidden by bob", T0, bob.id()),
                new AuditDraft(T0, Optional.of(bob.id()), "post.hidden", "post:" + zoes.id(), Optional.of("why")));
        store.putBlogFeed(BlogFeedState.fresh(zoe.id(), URI.create("https://zoe.example/feed.xml"), T0));
        store.saveImportedEntry(new ImportedEntry(0, zoe.id(), Optional.empty(),
                new EntryKeys(Optional.of("entry-" + MARKER), Optional.empty(), Optional.empty()), "f"));

        store.eraseMember(zoe.id(), T0.plusSeconds(60));

        assertThat(store.reportsBy(zoe.id())).isEmpty();
        assertThat(store.reports(false)).extracting(Report::reason).containsExactly("ada reports bob");
        assertThat(store.hiddenPosts(Optional.empty(), 100)).isEmpty();
        assertThat(store.findBlogFeed(zoe.id())).isEmpty();
        assertThat(store.importedEntries(zoe.id())).isEmpty();
        assertThat(store.joinRequests(Optional.empty())).isEmpty();
        assertThat(store.latestJoinRequest("acct-zoe")).isEmpty();
        assertThat(store.findMemberByAccount("acct-zoe")).isEmpty();
        List<AuditEntry> audit = store.auditEntries(Optional.empty(), 100);
        AuditEntry erased = audit.get(0);
        assertThat(erased.action()).isEqualTo("member.erased");
        assertThat(erased.target()).isEqualTo("@zoe");
        assertThat(erased.actor()).isEmpty();
        assertThat(erased.reason()).isEmpty();
        assertThat(erased.at()).isEqualTo(T0.plusSeconds(60));
        assertThat(audit.toString() + store.reports(false) + store.joinRequests(Optional.empty())).doesNotContain(MARKER);
    }
}
