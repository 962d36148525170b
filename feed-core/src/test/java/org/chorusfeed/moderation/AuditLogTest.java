package org.chorusfeed.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Role;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.testing.StoreKind;
import org.chorusfeed.timeline.Page;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The audit log as a hub sees it through the facade, on every store, with each limit at and past its edge. */
class AuditLogTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standing();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void record_keepsWhoWhatWhenAndWhy_andReadShowsTheNewestFirst(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member admin = chorus.members().admit(NewMember.handle("admin").role(Role.ADMIN));
            chorus.audit().record(admin.id(), "member.suspended", "@bob", "  spam after two warnings ");
            clock.advance(Duration.ofMinutes(1));
            chorus.audit().record(null, "organisation.saved", "organisation:lab", "   ");

            List<AuditEntry> items = chorus.audit().read(Optional.empty(), 10).items();

            assertThat(items).extracting(AuditEntry::action).containsExactly("organisation.saved", "member.suspended");
            assertThat(items.get(1).actor()).contains(admin.id());
            assertThat(items.get(1).reason()).contains("spam after two warnings");
            assertThat(items.get(1).at()).isEqualTo(MutableClock.standing().instant());
            assertThat(items.get(0).actor()).isEmpty();
            assertThat(items.get(0).reason()).as("a blank reason is no reason").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void read_followingNextCursors_visitsEveryEntryOnce_andTheLastPageHasNoNext(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            for (int i = 0; i < 5; i++) {
                chorus.audit().record(null, "token.issued", "@m" + i, null);
            }
            List<String> targets = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                Page<AuditEntry> page = chorus.audit().read(cursor, 2);
                page.items().forEach(entry -> targets.add(entry.target()));
                assertThat(page.prev()).isEmpty();
                cursor = page.next();
                pages++;
            } while (cursor.isPresent());

            assertThat(targets).containsExactly("@m4", "@m3", "@m2", "@m1", "@m0");
            assertThat(pages).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void record_acceptsEachLimitAtItsEdge_andRefusesJustPastIt(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            AuditLog audit = chorus.audit();
            String action = "a." + "b".repeat(AuditLog.MAX_ACTION - 2);
            String target = "t".repeat(AuditLog.MAX_TARGET);
            String reason = "é".repeat(AuditLog.MAX_REASON);

            assertThat(audit.record(null, action, target, reason).reason()).contains(reason);
            assertThatThrownBy(() -> audit.record(null, action + "b", "@ada", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audit action");
            assertThatThrownBy(() -> audit.record(null, "post.hidden", target + "t", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audit target");
            assertThatThrownBy(() -> audit.record(null, "post.hidden", "post:1", reason + "é"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("audit reason is 501 characters; give 1 to 500");
            assertThat(audit.read(Optional.empty(), 10).items()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void record_refusesActionsThatAreNotDottedLowerCaseWords_andTargetsWithControlCharacters(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            for (String action : List.of("", "hidden", "Post.hidden", "post.", "post hidden", "post.hidden;drop")) {
                assertThatThrownBy(() -> chorus.audit().record(null, action, "post:1", null)).as(action)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            for (String target : List.of("", "   ", "post:1\nforged entry")) {
                assertThatThrownBy(() -> chorus.audit().record(null, "post.hidden", target, null)).as(target)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(chorus.audit().read(Optional.empty(), 10).items()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void read_acceptsLimitsOneToAHundred_andRefusesForeignCursors(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            chorus.audit().record(null, "member.admitted", "@ada", null);

            assertThat(chorus.audit().read(Optional.empty(), 1).items()).hasSize(1);
            assertThat(chorus.audit().read(Optional.empty(), AuditLog.MAX_LIMIT).items()).hasSize(1);
            assertThatThrownBy(() -> chorus.audit().read(Optional.empty(), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("limit is 0; allowed 1 to 100");
            assertThatThrownBy(() -> chorus.audit().read(Optional.empty(), AuditLog.MAX_LIMIT + 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("limit is 101; allowed 1 to 100");
            for (String cursor : List.of("", "a", "c1", "a-1", "a0", "aZZ", "a" + "z".repeat(14))) {
                assertThatThrownBy(() -> chorus.audit().read(Optional.of(cursor), 10)).as(cursor)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an audit log cursor");
            }
        }
    }
}
