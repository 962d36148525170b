package org.chorusfeed.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.NoSuchPostException;
import org.chorusfeed.NotPermittedException;
import org.chorusfeed.NotPermittedException.Reason;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Role;
import org.chorusfeed.post.Post;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.testing.StoreKind;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reports and hiding as a hub sees them through the facade, on every store. */
class ModerationTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standing();
    private Member admin;
    private Member ada;
    private Member bob;

    private Chorus open(StoreKind kind) {
        Chorus chorus = kind.open(dir, clock);
        admin = chorus.members().admit(NewMember.handle("admin").role(Role.ADMIN));
        ada = chorus.members().admit(NewMember.handle("ada"));
        bob = chorus.members().admit(NewMember.handle("bob"));
        return chorus;
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void hide_takesThePostOutOfTheTimeline_keepsItForItsAuthorWithTheReason_andRecordsTheAct(StoreKind kind) {
        try (Chorus chorus = open(kind)) {
            Post kept = chorus.posts().publish(ada.id(), "kept");
            Post post = chorus.posts().publish(ada.id(), "hidden soon");

            Post hidden = chorus.moderation().hide(post.id(), admin.id(), "  off-topic advertising ");

            assertThat(hidden.hidden().orElseThrow().reason()).isEqualTo("off-topic advertising");
            assertThat(hidden.hidden().orElseThrow().by()).isEqualTo(admin.id());
            assertThat(hidden.isPublic()).isFalse();
            assertThat(chorus.timeline().read(TimelineQuery.latest()).items()).containsExactly(kept);
            assertThat(chorus.posts().get(post.id()).hidden()).isEqualTo(hidden.hidden());
            assertThat(chorus.moderation().hidden(Optional.empty(), 10)).containsExactly(hidden);
            AuditEntry entry = chorus.audit().read(Optional.empty(), 1).items().get(0);
            assertThat(entry.action()).isEqualTo("post.hidden");
            assertThat(entry.target()).isEqualTo("post:" + post.id());
            assertThat(entry.actor()).contains(admin.id());
            assertThat(entry.reason()).contains("off-topic advertising");
            assertThat(chorus.changes().since(0, 100)).extracting(Change::kind).contains(ChangeKind.POST_HIDDEN);

            Post shown = chorus.moderation().unhide(post.id(), admin.id());

            assertThat(shown.isPublic()).isTrue();
            assertThat(chorus.timeline().read(TimelineQuery.latest()).items()).extracting(Post::id)
                    .containsExactly(post.id(), kept.id());
            assertThat(chorus.audit().read(Optional.empty(), 1).items().get(0).action()).isEqualTo("post.unhidden");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void onlyAnActiveAdmin_mayHideUnhideOrDismiss(StoreKind kind) {
        try (Chorus chorus = open(kind)) {
            Post post = chorus.posts().publish(ada.id(), "hello");
            Report report = chorus.moderation().report(post.id(), bob.id(), "rude");

            for (Member who : List.of(ada, bob)) {
                assertNotAdmin(() -> chorus.moderation().hide(post.id(), who.id(), "spam"));
                assertNotAdmin(() -> chorus.moderation().unhide(post.id(), who.id()));
                assertNotAdmin(() -> chorus.moderation().dismiss(report.id(), who.id(), null));
            }
            chorus.members().suspend(admin.id());
            assertNotAdmin(() -> chorus.moderation().hide(post.id(), admin.id(), "spam"));

            assertThat(chorus.posts().get(post.id()).isPublic()).isTrue();
            assertThat(chorus.moderation().findReport(report.id()).orElseThrow().isOpen()).isTrue();
            assertThat(chorus.audit().read(Optional.empty(), 10).items()).isEmpty();
        }
    }

    private static void assertNotAdmin(org.assertj.core.api.ThrowableAssert.ThrowingCallable act) {
        assertThatThrownBy(act).isInstanceOf(NotPermittedException.class)
                .satisfies(e -> assertThat(((NotPermittedException) e).reason()).isEqualTo(Reason.NOT_ADMIN));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aHiddenPost_cannotBeRepliedToAppreciatedOrReportedByMembers_butAnAdminMayReportIt(StoreKind kind) {
        try (Chorus chorus = open(kind)) {
            Post post = chorus.posts().publish(ada.id(), "hello");
            chorus.moderation().hide(post.id(), admin.id(), "spam");

            assertThatThrownBy(() -> chorus.posts().reply(bob.id(), post.id(), "re")).isInstanceOf(NoSuchPostException.class);
            assertThatThrownBy(() -> chorus.posts().appreciate(post.id(), bob.id())).isInstanceOf(NoSuchPostException.class);
            assertThatThrownBy(() -> chorus.moderation().report(post.id(), bob.id(), "spam"))
                    .isInstanceOf(NoSuchPostException.class);
            assertThat(chorus.moderation().report(post.id(), admin.id(), "for the record").isOpen()).isTrue();
            assertThat(chorus.posts().edit(post.id(), ada.id(), "hello, fixed").hidden())
                    .as("the author still edits it, and it stays hidden").isPresent();
            assertThatThrownBy(() -> chorus.posts().edit(post.id(), bob.id(), "mine now"))
                    .as("for other members it does not exist").isInstanceOf(NoSuchPostException.class);
            assertThatThrownBy(() -> chorus.posts().delete(post.id(), bob.id())).isInstanceOf(NoSuchPostException.class);
            chorus.posts().delete(post.id(), ada.id());
            assertThat(chorus.posts().find(post.id())).as("its author may delete it").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void report_isOpenUntilDecided_andHidingResolvesIt_dismissingTwiceIsRefused(StoreKind kind) {
        try (Chorus chorus = open(kind)) {
            Post post = chorus.posts().publish(ada.id(), "hello");
            Report report = chorus.moderation().report(post.id(), bob.id(), " rude ");
            assertThat(report.reason()).isEqualTo("rude");
            assertThatThrownBy(() -> chorus.moderation().report(post.id(), bob.id(), "rude"))
                    .isInstanceOf(AlreadyReportedException.class);

            Report dismissed = chorus.moderation().dismiss(report.id(), admin.id(), "within the rules");
            assertThat(dismissed.status()).isEqualTo(ReportStatus.DISMISSED);
            assertThat(dismissed.decision()).contains("within the rules");
            assertThatThrownBy(() -> chorus.moderation().dismiss(report.id(), admin.id(), null))
                    .isInstanceOf(ReportDecidedException.class).hasMessage("report " + report.id() + " is already dismissed");
            assertThatThrownBy(() -> chorus.moderation().dismiss(999, admin.id(), null))
                    .isInstanceOf(NoSuchReportException.class);

            Report again = chorus.moderation().report(post.id(), bob.id(), "still rude");
            chorus.moderation().hide(post.id(), admin.id(), "rude");
            assertThat(chorus.moderation().findReport(again.id()).orElseThrow().status()).isEqualTo(ReportStatus.RESOLVED);
            assertThat(chorus.moderation().reports(true)).isEmpty();
            assertThat(chorus.moderation().reports(false)).extracting(Report::id).containsExactly(again.id(), report.id());
            assertThat(chorus.moderation().reportsBy(bob.id())).hasSize(2);
            assertThat(chorus.audit().read(Optional.empty(), 10).items()).extracting(AuditEntry::action)
                    .containsExactly("post.hidden", "report.dismissed");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aSuspendedMember_cannotReport(StoreKind kind) {
        try (Chorus chorus = open(kind)) {
            Post post = chorus.posts().publish(ada.id(), "hello");
            chorus.members().suspend(bob.id());

            assertThatThrownBy(() -> chorus.moderation().report(post.id(), bob.id(), "rude"))
                    .isInstanceOf(NotPermittedException.class).hasMessage("@bob is suspended and cannot report posts");
            assertThat(chorus.moderation().reports(false)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void reasons_takeOneToFiveHundredCharacters(StoreKind kind) {
        try (Chorus chorus = open(kind)) {
            Post post = chorus.posts().publish(ada.id(), "hello");
            String longest = "ü".repeat(Reasons.MAX_LENGTH);

            assertThatThrownBy(() -> chorus.moderation().report(post.id(), bob.id(), longest + "ü"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("report reason is 501 characters; give 1 to 500");
            assertThatThrownBy(() -> chorus.moderation().report(post.id(), bob.id(), " \n "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("report reason is 0 characters; give 1 to 500");
            Report report = chorus.moderation().report(post.id(), bob.id(), longest);
            assertThat(report.reason()).isEqualTo(longest);

            assertThatThrownBy(() -> chorus.moderation().dismiss(report.id(), admin.id(), longest + "ü"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dismissal reason is 501");
            assertThatThrownBy(() -> chorus.moderation().hide(post.id(), admin.id(), longest + "ü"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hiding reason is 501");
            assertThatThrownBy(() -> chorus.moderation().hide(post.id(), admin.id(), ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hiding reason is 0");
            assertThat(chorus.posts().get(post.id()).isPublic()).isTrue();
            assertThat(chorus.moderation().hide(post.id(), admin.id(), longest).hidden().orElseThrow().reason())
                    .isEqualTo(longest);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void hidden_acceptsLimitsOneToAHundred(StoreKind kind) {
        try (Chorus chorus = open(kind)) {
            Post post = chorus.posts().publish(ada.id(), "hello");
            chorus.moderation().hide(post.id(), admin.id(), "spam");

            assertThat(chorus.moderation().hidden(Optional.empty(), 1)).hasSize(1);
            assertThat(chorus.moderation().hidden(Optional.empty(), Moderation.MAX_LIMIT)).hasSize(1);
            assertThat(chorus.moderation().hidden(Optional.of(post.id()), 10)).isEmpty();
            assertThatThrownBy(() -> chorus.moderation().hidden(Optional.empty(), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> chorus.moderation().hidden(Optional.empty(), Moderation.MAX_LIMIT + 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
