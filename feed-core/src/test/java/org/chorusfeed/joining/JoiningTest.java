package org.chorusfeed.joining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chorusfeed.Chorus;
import org.chorusfeed.NotPermittedException;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.Role;
import org.chorusfeed.moderation.AuditEntry;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.testing.StoreKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Joining through the facade, as a hub's code does it, on every store. */
class JoiningTest {
    private static final int THREADS = 8;

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standing();

    private static NewMember person(String handle, String account) {
        return NewMember.handle(handle).name("Person " + handle).account(account);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void accept_aSingleUseCodeByEightThreadsAtOnce_admitsExactlyOne(StoreKind kind) throws Exception {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member root = chorus.members().admit(NewMember.handle("root").role(Role.ADMIN));
            Invitation invitation = chorus.invitations().create(root.id(), NewInvitation.singleUse());

            List<Object> outcomes = acceptConcurrently(chorus, invitation.code());

            assertThat(outcomes).filteredOn(Member.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof InvitationClosedException e
                    && e.status() == InvitationStatus.USED_UP).hasSize(THREADS - 1);
            assertThat(chorus.members().list()).hasSize(2);
            assertThat(chorus.invitations().find(invitation.id()).orElseThrow().used()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void accept_aThreeUseCodeByEightThreadsAtOnce_admitsExactlyThree(StoreKind kind) throws Exception {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member root = chorus.members().admit(NewMember.handle("root").role(Role.ADMIN));
            Invitation invitation = chorus.invitations().create(root.id(), NewInvitation.singleUse().uses(3));

            List<Object> outcomes = acceptConcurrently(chorus, invitation.code());

            assertThat(outcomes).filteredOn(Member.class::isInstance).hasSize(3);
            assertThat(chorus.members().list()).hasSize(4);
            assertThat(chorus.invitations().find(invitation.id()).orElseThrow().status(clock.instant()))
                    .isEqualTo(InvitationStatus.USED_UP);
        }
    }

    private static List<Object> acceptConcurrently(Chorus chorus, String code) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return chorus.invitations().accept(code, person("p" + n, "account-" + n));
                    } catch (InvitationClosedException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void create_makesDistinctUrlSafeCodesOf128Bits_validForTheAskedDays(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member root = chorus.members().admit(NewMember.handle("root").role(Role.ADMIN));
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                Invitation invitation = chorus.invitations().create(root.id(),
                        NewInvitation.singleUse().validFor(Duration.ofDays(3)));
                assertThat(invitation.code()).matches("[A-Za-z0-9_-]{22}");
                assertThat(invitation.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));
                assertThat(invitation.createdBy()).isEqualTo(root.id());
                codes.add(invitation.code());
            }
            assertThat(codes).hasSize(20);
            assertThat(chorus.invitations().list()).hasSize(20);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void adminActs_byAPlainOrSuspendedMember_areNotPermitted(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            Member root = chorus.members().admit(NewMember.handle("root").role(Role.ADMIN));
            JoinRequest asked = chorus.joinRequests().submit(NewJoinRequest.of("u-1", NewMember.handle("bob")));
            Invitation invitation = chorus.invitations().create(root.id(), NewInvitation.singleUse());
            chorus.members().suspend(root.id());

            for (Member actor : List.of(ada, root)) {
                assertThatThrownBy(() -> chorus.invitations().create(actor.id(), NewInvitation.singleUse()))
                        .isInstanceOfSatisfying(NotPermittedException.class,
                                e -> assertThat(e.reason()).isEqualTo(NotPermittedException.Reason.NOT_ADMIN));
                assertThatThrownBy(() -> chorus.invitations().revoke(actor.id(), invitation.id()))
                        .isInstanceOf(NotPermittedException.class);
                assertThatThrownBy(() -> chorus.joinRequests().approve(actor.id(), asked.id()))
                        .isInstanceOf(NotPermittedException.class);
                assertThatThrownBy(() -> chorus.joinRequests().decline(actor.id(), asked.id(), Optional.empty()))
                        .isInstanceOf(NotPermittedException.class);
            }
            assertThat(chorus.joinRequests().find(asked.id()).orElseThrow().status()).isEqualTo(JoinRequestStatus.PENDING);
            assertThat(chorus.invitations().list()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void open_isTheInvitationUntilItExpires_andThenSaysExpired(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member root = chorus.members().admit(NewMember.handle("root").role(Role.ADMIN));
            Invitation invitation = chorus.invitations().create(root.id(), NewInvitation.singleUse());

            clock.advance(Duration.ofDays(NewInvitation.DEFAULT_DAYS).minusMillis(1));
            assertThat(chorus.invitations().open(invitation.code())).isEqualTo(invitation);
            clock.advance(Duration.ofMillis(1));
            assertThatThrownBy(() -> chorus.invitations().open(invitation.code()))
                    .isInstanceOfSatisfying(InvitationClosedException.class,
                            e -> assertThat(e.statusName()).isEqualTo("expired"));
            assertThatThrownBy(() -> chorus.invitations().accept(invitation.code(), person("ada", "u-1")))
                    .isInstanceOf(InvitationClosedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void openAndAccept_ofUnknownOrMalformedCodes_sayThereIsNoSuchInvitation_withoutEchoingTheCode(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            for (String code : List.of("AAAAAAAAAAAAAAAAAAAAAA", "short", "<script>", "")) {
                assertThatThrownBy(() -> chorus.invitations().open(code))
                        .isInstanceOf(NoSuchInvitationException.class).message().doesNotContain(code.isEmpty() ? "\0" : code);
                assertThatThrownBy(() -> chorus.invitations().accept(code, person("ada", "u-1")))
                        .isInstanceOf(NoSuchInvitationException.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void accept_withoutAnAccount_isRefused_andAnInvitationNeverMakesAnAdmin(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            chorus.organisations().save(Organisation.of("lab", "Lab"));
            Member root = chorus.members().admit(NewMember.handle("root").role(Role.ADMIN));
            Invitation invitation = chorus.invitations().create(root.id(), NewInvitation.singleUse().uses(2)
                    .organisation("lab"));

            assertThatThrownBy(() -> chorus.invitations().accept(invitation.code(), NewMember.handle("ada")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account");
            Member ada = chorus.invitations().accept(invitation.code(), person("ada", "u-1").role(Role.ADMIN));

            assertThat(ada.role()).isEqualTo(Role.MEMBER);
            assertThat(ada.status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(ada.organisation()).contains("lab");
            assertThat(chorus.members().findByAccount("u-1")).contains(ada);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void decline_checksTheReasonAtItsLimit(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member root = chorus.members().admit(NewMember.handle("root").role(Role.ADMIN));
            JoinRequest asked = chorus.joinRequests().submit(NewJoinRequest.of("u-1", NewMember.handle("ada")));

            assertThatThrownBy(() -> chorus.joinRequests().decline(root.id(), asked.id(), Optional.of("x".repeat(501))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("501");
            JoinRequest declined = chorus.joinRequests().decline(root.id(), asked.id(), Optional.of("x".repeat(500)));
            assertThat(declined.reason()).contains("x".repeat(500));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void everyAdminAct_isRecordedInTheAuditLog_withItsActorTargetAndReason(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member root = chorus.members().admit(NewMember.handle("root").role(Role.ADMIN));
            Invitation invitation = chorus.invitations().create(root.id(), NewInvitation.singleUse());
            chorus.invitations().revoke(root.id(), invitation.id());
            chorus.invitations().revoke(root.id(), invitation.id());
            JoinRequest approved = chorus.joinRequests().submit(NewJoinRequest.of("u-1", NewMember.handle("ada")));
            JoinRequest declined = chorus.joinRequests().submit(NewJoinRequest.of("u-2", NewMember.handle("bob")));
            chorus.joinRequests().approve(root.id(), approved.id());
            chorus.joinRequests().decline(root.id(), declined.id(), Optional.of(" not from the region "));

            List<AuditEntry> entries = chorus.audit().read(Optional.empty(), 10).items();

            assertThat(entries).extracting(AuditEntry::action).containsExactly("join-request.declined",
                    "join-request.approved", "invitation.revoked", "invitation.created");
            assertThat(entries).extracting(AuditEntry::target).containsExactly("join-request:" + declined.id(),
                    "join-request:" + approved.id(), "invitation:" + invitation.id(), "invitation:" + invitation.id());
            assertThat(entries).allSatisfy(e -> assertThat(e.actor()).contains(root.id()));
            assertThat(entries.get(0).reason()).contains("not from the region");
            assertThat(entries.get(1).reason()).isEmpty();
        }
    }
}
