package org.chorusfeed.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.moderation.AuditEntry;
import org.chorusfeed.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The moderation part of the {@link Store} SPI (audit log, hidings, reports), run against every store: extend it
 * and open a fresh, empty store in {@link #openStore}.
 */
public abstract class ModerationStoreContract {
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
}
