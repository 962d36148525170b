package org.chorusfeed.datarights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.chorusfeed.Chorus;
import org.chorusfeed.NotPermittedException;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Role;
import org.chorusfeed.moderation.Report;
import org.chorusfeed.post.Post;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.testing.StoreKind;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Erasure reaches the rows other areas keep about a member: a hidden post of theirs, reports on their posts and
 * reports they made. On SQLite those rows hold foreign keys to the member and their posts, so an erasure that
 * forgot them would fail; in memory it would leave their reports readable.
 */
class ErasureAcrossAreasTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void erasingAMemberWithHiddenAndReportedPostsAndOwnReports_removesThemAll(StoreKind kind) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        try (Chorus chorus = kind.open(dir, clock)) {
            Member admin = chorus.members().admit(NewMember.handle("hannah").name("Hannah Admin").role(Role.ADMIN));
            Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada Example"));
            Member bob = chorus.members().admit(NewMember.handle("bob").name("Bob Example"));
            Post hidden = chorus.posts().publish(ada.id(), "first words of ada");
            clock.advance(Duration.ofMillis(1));
            Post reported = chorus.posts().publish(ada.id(), "second words of ada");
            clock.advance(Duration.ofMillis(1));
            Post bobs = chorus.posts().publish(bob.id(), "bob writes");
            chorus.moderation().hide(hidden.id(), admin.id(), "off topic");
            Report onAda = chorus.moderation().report(reported.id(), bob.id(), "looks like spam");
            Report byAda = chorus.moderation().report(bobs.id(), ada.id(), "rude");

            chorus.members().erase(ada.id(), "ada");

            assertThat(chorus.members().findByHandle("ada")).isEmpty();
            assertThat(chorus.moderation().reports(false)).extracting(Report::id)
                    .doesNotContain(onAda.id(), byAda.id());
            assertThat(chorus.moderation().reportsBy(ada.id())).isEmpty();
            assertThat(chorus.posts().find(hidden.id())).isEmpty();
            assertThat(chorus.posts().find(reported.id())).isEmpty();
            assertThat(chorus.timeline().read(TimelineQuery.latest()).items()).extracting(Post::text)
                    .containsExactly("bob writes");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theLastActiveAdmin_cannotBeErased_untilAnotherMemberIsAdmin(StoreKind kind) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        try (Chorus chorus = kind.open(dir, clock)) {
            Member hannah = chorus.members().admit(NewMember.handle("hannah").name("Hannah Admin").role(Role.ADMIN));
            Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada Example"));
            chorus.posts().publish(hannah.id(), "still here");

            assertThatThrownBy(() -> chorus.members().erase(hannah.id(), "hannah"))
                    .isInstanceOfSatisfying(NotPermittedException.class,
                            e -> assertThat(e.reason()).isEqualTo(NotPermittedException.Reason.LAST_ADMIN))
                    .hasMessageContaining("last active admin");
            assertThat(chorus.members().findByHandle("hannah")).isPresent();
            assertThat(chorus.timeline().read(TimelineQuery.latest()).items()).extracting(Post::text)
                    .containsExactly("still here");

            chorus.members().admit(NewMember.handle("bea").name("Bea Admin").role(Role.ADMIN));
            chorus.members().erase(hannah.id(), "hannah");
            assertThat(chorus.members().findByHandle("hannah")).isEmpty();
            assertThat(chorus.members().findByHandle("ada")).isPresent();
        }
    }
}
