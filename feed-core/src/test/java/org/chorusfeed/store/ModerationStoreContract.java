package org.chorusfeed.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.NoSuchPostException;
import org.chorusfeed.NotPermittedException;
import org.chorusfeed.NotPermittedException.Reason;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.moderation.AlreadyReportedException;
import org.chorusfeed.moderation.AuditEntry;
import org.chorusfeed.moderation.Report;
import org.chorusfeed.moderation.ReportStatus;
import org.chorusfeed.post.Hiding;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.post.SourceKind;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.text.TextRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The moderation part of the {@link Store} SPI (audit log, hidings, reports), run against every store: extend it
 * and open a fresh, empty store in {@link #openStore}.
 */
public abstract class ModerationStoreContract {
    private static final TextRules TEXT = TextRules.defaults();

    private final MutableClock clock = MutableClock.standing();
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

    private Member admit(String handle) {
        return store.insertMember(NewMember.handle(handle), MemberStatus.ACTIVE, clock.instant());
    }

    private AuditDraft draft(Optional<Member> actor, String action, String target, Optional<String> reason) {
        return new AuditDraft(clock.instant(), actor.map(Member::id), action, target, reason);
    }

    @Nested
    class AuditLog {
        @Test
        void appendAudit_givesRisingIds_andReadsBackEveryFieldExactly() {
            Member admin = admit("admin");
            Instant actedAt = clock.instant();
            AuditEntry first = store.appendAudit(draft(Optional.of(admin), "member.suspended", "@bob",
                    Optional.of("spam, twice")));
            clock.advance(Duration.ofMillis(1));
            AuditEntry second = store.appendAudit(draft(Optional.empty(), "organisation.saved", "organisation:lab",
                    Optional.empty()));

            assertThat(second.id()).isGreaterThan(first.id());
            assertThat(store.auditEntries(Optional.empty(), 10)).containsExactly(second, first);
            assertThat(first.at()).isEqualTo(actedAt);
            assertThat(first.actor()).contains(admin.id());
            assertThat(first.reason()).contains("spam, twice");
            assertThat(second.actor()).isEmpty();
            assertThat(second.reason()).isEmpty();
        }

        @Test
        void auditEntries_pagesNewestFirst_withoutSkippingOrRepeating_whileEntriesArrive() {
            List<AuditEntry> appended = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                appended.add(store.appendAudit(draft(Optional.empty(), "token.issued", "@m" + i, Optional.empty())));
            }
            List<AuditEntry> read = new ArrayList<>(store.auditEntries(Optional.empty(), 3));
            store.appendAudit(draft(Optional.empty(), "token.revoked", "@late", Optional.empty()));
            while (true) {
                List<AuditEntry> page = store.auditEntries(Optional.of(read.get(read.size() - 1).id()), 3);
                if (page.isEmpty()) {
                    break;
                }
                read.addAll(page);
            }

            List<AuditEntry> newestFirst = new ArrayList<>(appended);
            java.util.Collections.reverse(newestFirst);
            assertThat(read).containsExactlyElementsOf(newestFirst);
        }

        @Test
        void auditEntries_ofAnEmptyLog_orBeforeTheFirstEntry_areEmpty() {
            assertThat(store.auditEntries(Optional.empty(), 5)).isEmpty();
            AuditEntry only = store.appendAudit(draft(Optional.empty(), "member.admitted", "@ada", Optional.empty()));

            assertThat(store.auditEntries(Optional.of(only.id()), 5)).isEmpty();
            assertThat(store.auditEntries(Optional.of(only.id() + 1), 5)).containsExactly(only);
        }

        @Test
        void theStore_offersNoWayToChangeOrRemoveAnAuditEntry() {
            List<String> auditMethods = Arrays.stream(store.getClass().getMethods()).map(Method::getName)
                    .filter(name -> name.toLowerCase(Locale.ROOT).contains("audit")).distinct().sorted().toList();

            assertThat(auditMethods).containsExactly("appendAudit", "auditEntries");
        }
    }

    private Post publish(Member author, String text) {
        return store.insertPost(new PostDraft(author.id(), clock.instant(), false, TEXT.parse(text, handle -> true),
                Optional.empty(), PostSource.nativePost()));
    }

    private Hiding hiding(Member admin, String reason) {
        return new Hiding(reason, clock.instant(), admin.id());
    }

    private AuditDraft act(Member admin, String action, String target) {
        return draft(Optional.of(admin), action, target, Optional.empty());
    }

    private List<ChangeKind> kinds() {
        return store.changesSince(0, 1000).stream().map(Change::kind).toList();
    }

    @Nested
    class Hidings {
        @Test
        void hidePost_leavesItOutOfEverySelection_butFindPostShowsItWithTheHiding() {
            Member admin = admit("admin");
            Member ada = admit("ada");
            Post kept = publish(ada, "kept #lab");
            Post hidden = publish(ada, "hidden #lab");
            clock.advance(Duration.ofSeconds(1));

            Post result = store.hidePost(hidden.id(), hiding(admin, "spam"), act(admin, "post.hidden", "post:1"))
                    .orElseThrow();

            Hiding expected = new Hiding("spam", clock.instant(), admin.id());
            assertThat(result.hidden()).contains(expected);
            assertThat(store.findPost(hidden.id()).orElseThrow().hidden()).contains(expected);
            assertThat(store.findPost(kept.id()).orElseThrow().hidden()).isEmpty();
            PostSelection newest = PostSelection.newest(10);
            for (PostSelection selection : List.of(newest,
                    newest.range(Optional.of(new PostId(Long.MAX_VALUE)), Optional.empty(), 10),
                    newest.range(Optional.empty(), Optional.of(new PostId(1)), 10),
                    new PostSelection(Optional.empty(), Optional.empty(), 10, Optional.of(ada.id()), Optional.empty(),
                            Optional.of("lab"), false, Optional.of(SourceKind.NATIVE)))) {
                assertThat(store.posts(selection)).as("%s", selection).extracting(Post::id).containsExactly(kept.id());
            }
            assertThat(store.hiddenPosts(Optional.empty(), 10)).containsExactly(result);
        }

        @Test
        void hidePost_appendsPostHiddenWithItsAuthor_andTheAuditEntry_once() {
            Member admin = admit("admin");
            Member ada = admit("ada");
            Post post = publish(ada, "hello");

            store.hidePost(post.id(), hiding(admin, "spam"), act(admin, "post.hidden", "post:" + post.id()));
            Post again = store.hidePost(post.id(), hiding(admin, "other"), act(admin, "post.hidden", "post:x"))
                    .orElseThrow();

            assertThat(again.hidden().orElseThrow().reason()).as("hiding a hidden post changes nothing").isEqualTo("spam");
            Change last = store.changesSince(0, 100).get(store.changesSince(0, 100).size() - 1);
            assertThat(last.kind()).isEqualTo(ChangeKind.POST_HIDDEN);
            assertThat(last.post()).contains(post.id());
            assertThat(last.member()).contains(ada.id());
            assertThat(kinds()).filteredOn(kind -> kind == ChangeKind.POST_HIDDEN).hasSize(1);
            assertThat(store.auditEntries(Optional.empty(), 10)).singleElement()
                    .satisfies(entry -> assertThat(entry.target()).isEqualTo("post:" + post.id()));
        }

        @Test
        void unhidePost_showsItAgainEverywhere_andAppendsPostUnhidden_once() {
            Member admin = admit("admin");
            Member ada = admit("ada");
            Post post = publish(ada, "hello");
            store.hidePost(post.id(), hiding(admin, "spam"), act(admin, "post.hidden", "post:1"));

            Post shown = store.unhidePost(post.id(), act(admin, "post.unhidden", "post:1")).orElseThrow();
            store.unhidePost(post.id(), act(admin, "post.unhidden", "post:1"));

            assertThat(shown.hidden()).isEmpty();
            assertThat(store.findPost(post.id()).orElseThrow().hidden()).isEmpty();
            assertThat(store.posts(PostSelection.newest(5))).containsExactly(shown);
            assertThat(store.hiddenPosts(Optional.empty(), 5)).isEmpty();
            assertThat(kinds()).endsWith(ChangeKind.POST_HIDDEN, ChangeKind.POST_UNHIDDEN);
            assertThat(store.auditEntries(Optional.empty(), 10)).extracting(AuditEntry::action)
                    .containsExactly("post.unhidden", "post.hidden");
        }

        @Test
        void hidingAndUnhiding_anUnknownPost_isEmpty_andAppendsNothing() {
            Member admin = admit("admin");
            long seq = store.lastSeq();

            assertThat(store.hidePost(new PostId(42), hiding(admin, "x"), act(admin, "post.hidden", "post:42"))).isEmpty();
            assertThat(store.unhidePost(new PostId(42), act(admin, "post.unhidden", "post:42"))).isEmpty();
            assertThat(store.lastSeq()).isEqualTo(seq);
            assertThat(store.auditEntries(Optional.empty(), 10)).isEmpty();
        }

        @Test
        void editsAndAppreciations_keepTheHiding() {
            Member admin = admit("admin");
            Member ada = admit("ada");
            Post post = publish(ada, "hello");
            store.hidePost(post.id(), hiding(admin, "spam"), act(admin, "post.hidden", "post:1"));

            assertThat(store.editPost(post.id(), TEXT.parse("edited", h -> true), clock.instant()).orElseThrow().hidden())
                    .isPresent();
            assertThat(store.setAppreciation(post.id(), admin.id(), true, clock.instant()).orElseThrow().hidden())
                    .isPresent();
            assertThat(store.findPost(post.id()).orElseThrow().hidden()).isPresent();
        }

        @Test
        void hiddenPosts_pagesNewestFirst_byKeyset() {
            Member admin = admit("admin");
            Member ada = admit("ada");
            List<Post> hidden = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Post post = publish(ada, "post " + i);
                publish(ada, "visible " + i);
                hidden.add(0, store.hidePost(post.id(), hiding(admin, "r" + i), act(admin, "post.hidden", "post:1"))
                        .orElseThrow());
            }

            List<Post> first = store.hiddenPosts(Optional.empty(), 2);
            List<Post> rest = store.hiddenPosts(Optional.of(first.get(1).id()), 10);

            assertThat(first).containsExactlyElementsOf(hidden.subList(0, 2));
            assertThat(rest).containsExactlyElementsOf(hidden.subList(2, 5));
        }

        @Test
        void deletePost_ofAHiddenAndReportedPost_removesItsHidingAndReports() {
            Member admin = admit("admin");
            Member ada = admit("ada");
            Post post = publish(ada, "hello");
            Report report = store.insertReport(post.id(), admin.id(), "spam", clock.instant());
            store.hidePost(post.id(), hiding(admin, "spam"), act(admin, "post.hidden", "post:1"));

            assertThat(store.deletePost(post.id(), clock.instant())).isTrue();

            assertThat(store.hiddenPosts(Optional.empty(), 10)).isEmpty();
            assertThat(store.findReport(report.id())).isEmpty();
            assertThat(store.reports(false)).isEmpty();
        }
    }

    @Nested
    class Reports {
        @Test
        void insertReport_isOpen_andReadsBackExactly_newestFirst() {
            Member ada = admit("ada");
            Member bob = admit("bob");
            Post post = publish(ada, "hello");
            Post other = publish(ada, "again");

            Report first = store.insertReport(post.id(), bob.id(), "rude", clock.instant());
            clock.advance(Duration.ofSeconds(1));
            Report second = store.insertReport(other.id(), bob.id(), "also rude", clock.instant());

            assertThat(first.status()).isEqualTo(ReportStatus.OPEN);
            assertThat(first.decidedAt()).isEmpty();
            assertThat(store.findReport(first.id())).contains(first);
            assertThat(store.reports(true)).containsExactly(second, first);
            assertThat(store.reportsBy(bob.id())).containsExactly(second, first);
            assertThat(store.reportsBy(ada.id())).isEmpty();
            assertThat(store.findReport(second.id() + 1)).isEmpty();
        }

        @Test
        void insertReport_aSecondOpenReportOfTheSamePostBySameMember_isRefused_butOthersMayReportIt() {
            Member ada = admit("ada");
            Member bob = admit("bob");
            Member carol = admit("carol");
            Post post = publish(ada, "hello");
            Report open = store.insertReport(post.id(), bob.id(), "rude", clock.instant());

            assertThatThrownBy(() -> store.insertReport(post.id(), bob.id(), "still rude", clock.instant()))
                    .isInstanceOf(AlreadyReportedException.class)
                    .satisfies(e -> assertThat(((AlreadyReportedException) e).reportId()).isEqualTo(open.id()));
            assertThat(store.insertReport(post.id(), carol.id(), "rude", clock.instant()).id()).isGreaterThan(open.id());
        }

        @Test
        void insertReport_ofAnUnknownPost_orByAnUnknownMember_isRefused() {
            Member ada = admit("ada");
            Post post = publish(ada, "hello");

            assertThatThrownBy(() -> store.insertReport(new PostId(7), ada.id(), "x", clock.instant()))
                    .isInstanceOf(NoSuchPostException.class);
            assertThatThrownBy(() -> store.insertReport(post.id(), new MemberId(999), "x", clock.instant()))
                    .isInstanceOf(NoSuchMemberException.class);
            assertThat(store.reports(false)).isEmpty();
        }

        @Test
        void dismissReport_decidesOnce_recordsTheAdminAndReason_andLetsTheMemberReportAgain() {
            Member admin = admit("admin");
            Member ada = admit("ada");
            Member bob = admit("bob");
            Post post = publish(ada, "hello");
            Report report = store.insertReport(post.id(), bob.id(), "rude", clock.instant());
            clock.advance(Duration.ofMinutes(5));

            Report dismissed = store.dismissReport(report.id(), admin.id(), Optional.of("fine by the rules"),
                    act(admin, "report.dismissed", "report:" + report.id())).orElseThrow();
            Report again = store.dismissReport(report.id(), ada.id(), Optional.empty(),
                    act(ada, "report.dismissed", "report:" + report.id())).orElseThrow();

            assertThat(dismissed.status()).isEqualTo(ReportStatus.DISMISSED);
            assertThat(dismissed.decidedAt()).contains(clock.instant());
            assertThat(dismissed.decidedBy()).contains(admin.id());
            assertThat(dismissed.decision()).contains("fine by the rules");
            assertThat(again).as("a decided report stays as it was").isEqualTo(dismissed);
            assertThat(store.findReport(report.id())).contains(dismissed);
            assertThat(store.reports(true)).isEmpty();
            assertThat(store.reports(false)).containsExactly(dismissed);
            assertThat(store.auditEntries(Optional.empty(), 10)).hasSize(1);
            assertThat(store.insertReport(post.id(), bob.id(), "rude again", clock.instant()).isOpen()).isTrue();
            assertThat(store.dismissReport(999, admin.id(), Optional.empty(), act(admin, "report.dismissed", "report:999")))
                    .isEmpty();
        }

        @Test
        void hidePost_resolvesTheOpenReportsOfThatPostOnly_withTheHidingsReason() {
            Member admin = admit("admin");
            Member ada = admit("ada");
            Member bob = admit("bob");
            Member carol = admit("carol");
            Post post = publish(ada, "hello");
            Post other = publish(ada, "other");
            Report dismissedEarlier = store.insertReport(post.id(), carol.id(), "meh", clock.instant());
            dismissedEarlier = store.dismissReport(dismissedEarlier.id(), admin.id(), Optional.empty(),
                    act(admin, "report.dismissed", "report:1")).orElseThrow();
            Report byBob = store.insertReport(post.id(), bob.id(), "rude", clock.instant());
            Report byCarol = store.insertReport(post.id(), carol.id(), "rude", clock.instant());
            Report elsewhere = store.insertReport(other.id(), bob.id(), "rude", clock.instant());
            clock.advance(Duration.ofMinutes(1));

            store.hidePost(post.id(), hiding(admin, "harassment"), act(admin, "post.hidden", "post:1"));

            for (Report report : List.of(byBob, byCarol)) {
                Report resolved = store.findReport(report.id()).orElseThrow();
                assertThat(resolved.status()).isEqualTo(ReportStatus.RESOLVED);
                assertThat(resolved.decidedBy()).contains(admin.id());
                assertThat(resolved.decidedAt()).contains(clock.instant());
                assertThat(resolved.decision()).contains("harassment");
            }
            assertThat(store.findReport(dismissedEarlier.id())).contains(dismissedEarlier);
            assertThat(store.reports(true)).containsExactly(elsewhere);
        }

        @Test
        void deleteReportsBy_removesOnlyThatMembersReports() {
            Member ada = admit("ada");
            Member bob = admit("bob");
            Member carol = admit("carol");
            Post post = publish(ada, "hello");
            store.insertReport(post.id(), bob.id(), "rude", clock.instant());
            Report carols = store.insertReport(post.id(), carol.id(), "rude", clock.instant());

            assertThat(store.deleteReportsBy(bob.id())).isEqualTo(1);

            assertThat(store.reports(false)).containsExactly(carols);
            assertThat(store.reportsBy(bob.id())).isEmpty();
        }
    }

    @Nested
    class Suspension {
        @Test
        void insertPost_byAMemberSuspendedAfterTheCheck_isRefusedInsideTheWrite() {
            Member ada = admit("ada");
            store.updateMember(ada.withStatus(MemberStatus.SUSPENDED), clock.instant());
            long seq = store.lastSeq();

            assertThatThrownBy(() -> publish(ada, "sneaking in")).isInstanceOf(NotPermittedException.class)
                    .hasMessage("@ada is suspended and cannot publish")
                    .satisfies(e -> assertThat(((NotPermittedException) e).reason()).isEqualTo(Reason.SUSPENDED));
            assertThat(store.posts(PostSelection.newest(5))).isEmpty();
            assertThat(store.lastSeq()).isEqualTo(seq);
        }

        @Test
        void insertPost_byAnInvitedMember_isRefused_andByAReinstatedOne_accepted() {
            Member ada = store.insertMember(NewMember.handle("ada"), MemberStatus.INVITED, clock.instant());

            assertThatThrownBy(() -> publish(ada, "too early")).isInstanceOf(NotPermittedException.class)
                    .satisfies(e -> assertThat(((NotPermittedException) e).reason()).isEqualTo(Reason.NOT_ACTIVE));
            store.updateMember(ada.withStatus(MemberStatus.ACTIVE), clock.instant());
            assertThat(publish(ada, "now").text()).isEqualTo("now");
        }
    }
}
