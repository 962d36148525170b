package org.chorusfeed.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.HandleTakenException;
import org.chorusfeed.NoSuchOrganisationException;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.joining.AlreadyMemberException;
import org.chorusfeed.joining.Approval;
import org.chorusfeed.joining.Invitation;
import org.chorusfeed.joining.InvitationClosedException;
import org.chorusfeed.joining.InvitationStatus;
import org.chorusfeed.joining.JoinRequest;
import org.chorusfeed.joining.JoinRequestDecidedException;
import org.chorusfeed.joining.JoinRequestPendingException;
import org.chorusfeed.joining.JoinRequestStatus;
import org.chorusfeed.joining.NewJoinRequest;
import org.chorusfeed.joining.NoSuchInvitationException;
import org.chorusfeed.joining.NoSuchJoinRequestException;
import org.chorusfeed.joining.WrongOrganisationException;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.Role;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.text.TextRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MembershipStore} (accounts, invitations, join requests, the directory's newest posts), run
 * against every store: extend it and open a fresh, empty store in {@link #openStore}.
 */
public abstract class MembershipStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00.123456789Z");
    private static final Instant EXPIRES = T0.plus(Duration.ofDays(14));

    /** The store under test, fresh for each test. */
    protected Store store;
    private Member admin;

    /** Opens a new, empty store of the kind under test. */
    protected abstract Store openStore(Clock clock);

    @BeforeEach
    void openTheStore() {
        store = openStore(Clock.fixed(T0, java.time.ZoneOffset.UTC));
        store.saveOrganisation(Organisation.of("lab", "Lab"), T0);
        store.saveOrganisation(Organisation.of("works", "Works"), T0);
        admin = store.insertMember(NewMember.handle("root").role(Role.ADMIN), MemberStatus.ACTIVE, T0);
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    private Invitation invite(int uses, Optional<String> organisation, String code) {
        return store.insertInvitation(new Invitation(0, code, organisation, uses, 0, EXPIRES, T0, admin.id(),
                "for the lab", Optional.empty()));
    }

    private static NewMember person(String handle, String account) {
        return NewMember.handle(handle).name("Person " + handle).account(account);
    }

    // accounts, languages, descriptions

    @Test
    void insertMember_keepsAccountAndLanguage_andFindsTheMemberByAccount() {
        Member ada = store.insertMember(person("ada", "u-1").language("pt-BR"), MemberStatus.ACTIVE, T0);

        assertThat(ada.account()).contains("u-1");
        assertThat(store.findMember(ada.id()).orElseThrow()).isEqualTo(ada);
        assertThat(store.findMemberByAccount("u-1")).contains(ada);
        assertThat(store.findMemberByAccount("u-2")).isEmpty();
        assertThat(store.findMemberByHandle("ada").orElseThrow().language()).contains("pt-BR");
    }

    @Test
    void insertMember_withAnAccountThatIsAMember_isRefused_whileMembersWithoutAccountAreMany() {
        store.insertMember(person("ada", "u-1"), MemberStatus.ACTIVE, T0);
        store.insertMember(NewMember.handle("bob"), MemberStatus.ACTIVE, T0);
        store.insertMember(NewMember.handle("carol"), MemberStatus.ACTIVE, T0);

        assertThatThrownBy(() -> store.insertMember(person("ada2", "u-1"), MemberStatus.ACTIVE, T0))
                .isInstanceOf(AlreadyMemberException.class).hasMessageContaining("@ada");
        assertThat(store.findMemberByHandle("ada2")).isEmpty();
    }

    @Test
    void updateMember_changesTheLanguage_andNeverTheAccount() {
        Member ada = store.insertMember(person("ada", "u-1"), MemberStatus.ACTIVE, T0);
        Member other = new Member(ada.id(), "ada", "Ada", Optional.empty(), "", java.util.List.of(), Optional.empty(),
                Role.MEMBER, MemberStatus.ACTIVE, T0, Optional.of("u-9"), Optional.of("de"));

        Member updated = store.updateMember(other, T0);

        assertThat(updated.account()).contains("u-1");
        assertThat(updated.language()).contains("de");
        assertThat(store.findMemberByAccount("u-1").orElseThrow().language()).contains("de");
        assertThat(store.findMemberByAccount("u-9")).isEmpty();
    }

    @Test
    void saveOrganisation_keepsTheDescription_andReplacesItOnUpdate() {
        Organisation lab = new Organisation("lab", "Lab", Optional.of(URI.create("https://lab.example")),
                "Printing circuits in Kiel");
        store.saveOrganisation(lab, T0);
        assertThat(store.findOrganisation("lab")).contains(lab);

        store.saveOrganisation(lab.withDescription(""), T0);
        assertThat(store.findOrganisation("lab").orElseThrow().description()).isEmpty();
    }

    // invitations

    @Test
    void insertInvitation_givesNewIds_findsByIdAndCode_andListsNewestFirst() {
        Invitation first = invite(1, Optional.empty(), "code-one-aaaaaaaaaaaaa");
        Invitation second = invite(3, Optional.of("lab"), "code-two-aaaaaaaaaaaaa");

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(store.findInvitation(second.id())).contains(second);
        assertThat(store.findInvitationByCode("code-one-aaaaaaaaaaaaa")).contains(first);
        assertThat(store.findInvitationByCode("code-xyz")).isEmpty();
        assertThat(store.invitations()).containsExactly(second, first);
        assertThat(second.createdAt()).isEqualTo(T0);
        assertThat(second.note()).isEqualTo("for the lab");
        assertThat(second.createdBy()).isEqualTo(admin.id());
    }

    @Test
    void insertInvitation_forAnOrganisationThatDoesNotExist_isRefused() {
        assertThatThrownBy(() -> invite(1, Optional.of("nowhere"), "code-aaaaaaaaaaaaaaaaa"))
                .isInstanceOf(NoSuchOrganisationException.class);
        assertThat(store.invitations()).isEmpty();
    }

    @Test
    void acceptInvitation_admitsAnActiveMemberInTheInvitationsOrganisation_andUsesItOnce() {
        Invitation invitation = invite(2, Optional.of("lab"), "code-aaaaaaaaaaaaaaaaa");
        long seq = store.lastSeq();

        Member ada = store.acceptInvitation("code-aaaaaaaaaaaaaaaaa", person("ada", "u-1"), T0);

        assertThat(ada.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(ada.role()).isEqualTo(Role.MEMBER);
        assertThat(ada.organisation()).contains("lab");
        assertThat(ada.account()).contains("u-1");
        assertThat(store.findMemberByAccount("u-1")).contains(ada);
        assertThat(store.findInvitation(invitation.id()).orElseThrow().used()).isEqualTo(1);
        assertThat(store.changesSince(seq, 10)).extracting(c -> c.kind()).containsExactly(ChangeKind.MEMBER_ADMITTED);
    }

    @Test
    void acceptInvitation_pastItsUses_isRefusedAsUsedUp() {
        invite(1, Optional.empty(), "code-aaaaaaaaaaaaaaaaa");
        store.acceptInvitation("code-aaaaaaaaaaaaaaaaa", person("ada", "u-1"), T0);

        assertThatThrownBy(() -> store.acceptInvitation("code-aaaaaaaaaaaaaaaaa", person("bob", "u-2"), T0))
                .isInstanceOfSatisfying(InvitationClosedException.class,
                        e -> assertThat(e.status()).isEqualTo(InvitationStatus.USED_UP));
        assertThat(store.findMemberByHandle("bob")).isEmpty();
    }

    @Test
    void acceptInvitation_isOpenUntilJustBeforeItsExpiry_andExpiredAtIt() {
        invite(5, Optional.empty(), "code-aaaaaaaaaaaaaaaaa");

        store.acceptInvitation("code-aaaaaaaaaaaaaaaaa", person("ada", "u-1"), EXPIRES.minusNanos(1));
        assertThatThrownBy(() -> store.acceptInvitation("code-aaaaaaaaaaaaaaaaa", person("bob", "u-2"), EXPIRES))
                .isInstanceOfSatisfying(InvitationClosedException.class,
                        e -> assertThat(e.status()).isEqualTo(InvitationStatus.EXPIRED));
    }

    @Test
    void revokeInvitation_closesIt_keepsTheFirstRevocationTime_andIsEmptyForAnUnknownId() {
        Invitation invitation = invite(5, Optional.empty(), "code-aaaaaaaaaaaaaaaaa");

        Invitation revoked = store.revokeInvitation(invitation.id(), T0.plusSeconds(5)).orElseThrow();
        Invitation again = store.revokeInvitation(invitation.id(), T0.plusSeconds(9)).orElseThrow();

        assertThat(revoked.revokedAt()).contains(T0.plusSeconds(5));
        assertThat(again).isEqualTo(revoked);
        assertThat(store.revokeInvitation(invitation.id() + 100, T0)).isEmpty();
        assertThatThrownBy(() -> store.acceptInvitation("code-aaaaaaaaaaaaaaaaa", person("ada", "u-1"), T0))
                .isInstanceOfSatisfying(InvitationClosedException.class,
                        e -> assertThat(e.status()).isEqualTo(InvitationStatus.REVOKED));
    }

    @Test
    void acceptInvitation_refusals_leaveTheInvitationUnused() {
        Invitation invitation = invite(1, Optional.of("lab"), "code-aaaaaaaaaaaaaaaaa");
        store.insertMember(person("taken", "u-9"), MemberStatus.ACTIVE, T0);

        assertThatThrownBy(() -> store.acceptInvitation("code-aaaaaaaaaaaaaaaaa",
                person("ada", "u-1").organisation("works"), T0)).isInstanceOf(WrongOrganisationException.class);
        assertThatThrownBy(() -> store.acceptInvitation("code-aaaaaaaaaaaaaaaaa", person("taken", "u-1"), T0))
                .isInstanceOf(HandleTakenException.class);
        assertThatThrownBy(() -> store.acceptInvitation("code-aaaaaaaaaaaaaaaaa", person("ada", "u-9"), T0))
                .isInstanceOf(AlreadyMemberException.class);
        assertThatThrownBy(() -> store.acceptInvitation("code-bbbbbbbbbbbbbbbbb", person("ada", "u-1"), T0))
                .isInstanceOf(NoSuchInvitationException.class);

        assertThat(store.findInvitation(invitation.id()).orElseThrow().used()).isZero();
        Member ada = store.acceptInvitation("code-aaaaaaaaaaaaaaaaa", person("ada", "u-1").organisation("lab"), T0);
        assertThat(ada.organisation()).contains("lab");
    }

    // join requests

    @Test
    void insertJoinRequest_isPending_andListedNewestFirstByStatus() {
        JoinRequest ada = store.insertJoinRequest(NewJoinRequest.of("u-1", NewMember.handle("ada").name("Ada"))
                .message("I print circuits"), T0);
        JoinRequest bob = store.insertJoinRequest(NewJoinRequest.of("u-2", NewMember.handle("bob").organisation("lab")),
                T0.plusSeconds(1));

        assertThat(ada.status()).isEqualTo(JoinRequestStatus.PENDING);
        assertThat(ada.message()).isEqualTo("I print circuits");
        assertThat(store.findJoinRequest(bob.id())).contains(bob);
        assertThat(store.joinRequests(Optional.of(JoinRequestStatus.PENDING))).containsExactly(bob, ada);
        assertThat(store.joinRequests(Optional.of(JoinRequestStatus.APPROVED))).isEmpty();
        assertThat(store.joinRequests(Optional.empty())).containsExactly(bob, ada);
        assertThat(store.latestJoinRequest("u-2")).contains(bob);
        assertThat(store.latestJoinRequest("u-3")).isEmpty();
    }

    @Test
    void insertJoinRequest_isRefused_whilePending_forAMembersAccount_aTakenHandle_andAnUnknownOrganisation() {
        JoinRequest pending = store.insertJoinRequest(NewJoinRequest.of("u-1", NewMember.handle("ada")), T0);
        store.insertMember(person("bob", "u-2"), MemberStatus.ACTIVE, T0);

        assertThatThrownBy(() -> store.insertJoinRequest(NewJoinRequest.of("u-1", NewMember.handle("ada2")), T0))
                .isInstanceOfSatisfying(JoinRequestPendingException.class,
                        e -> assertThat(e.pendingId()).isEqualTo(pending.id()));
        assertThatThrownBy(() -> store.insertJoinRequest(NewJoinRequest.of("u-2", NewMember.handle("bob2")), T0))
                .isInstanceOf(AlreadyMemberException.class);
        assertThatThrownBy(() -> store.insertJoinRequest(NewJoinRequest.of("u-3", NewMember.handle("bob")), T0))
                .isInstanceOf(HandleTakenException.class);
        assertThatThrownBy(() -> store.insertJoinRequest(NewJoinRequest.of("u-3",
                NewMember.handle("cy").organisation("nowhere")), T0)).isInstanceOf(NoSuchOrganisationException.class);
        assertThat(store.joinRequests(Optional.empty())).containsExactly(pending);
    }

    @Test
    void approveJoinRequest_admitsTheMember_andDecidesTheRequestOnce() {
        JoinRequest asked = store.insertJoinRequest(NewJoinRequest.of("u-1",
                NewMember.handle("ada").name("Ada").organisation("lab")), T0);
        long seq = store.lastSeq();

        Approval approval = store.approveJoinRequest(asked.id(), admin.id(), T0.plusSeconds(60));

        assertThat(approval.member().handle()).isEqualTo("ada");
        assertThat(approval.member().account()).contains("u-1");
        assertThat(approval.member().organisation()).contains("lab");
        assertThat(approval.member().status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(approval.request().status()).isEqualTo(JoinRequestStatus.APPROVED);
        assertThat(approval.request().decidedBy()).contains(admin.id());
        assertThat(approval.request().decidedAt()).contains(T0.plusSeconds(60));
        assertThat(store.findJoinRequest(asked.id())).contains(approval.request());
        assertThat(store.changesSince(seq, 10)).extracting(c -> c.kind()).containsExactly(ChangeKind.MEMBER_ADMITTED);
        assertThatThrownBy(() -> store.approveJoinRequest(asked.id(), admin.id(), T0))
                .isInstanceOf(JoinRequestDecidedException.class);
        assertThatThrownBy(() -> store.declineJoinRequest(asked.id(), admin.id(), Optional.empty(), T0))
                .isInstanceOf(JoinRequestDecidedException.class);
        assertThatThrownBy(() -> store.approveJoinRequest(asked.id() + 100, admin.id(), T0))
                .isInstanceOf(NoSuchJoinRequestException.class);
    }

    @Test
    void approveJoinRequest_whoseHandleWasTakenSince_isRefused_andTheRequestStaysPending() {
        JoinRequest asked = store.insertJoinRequest(NewJoinRequest.of("u-1", NewMember.handle("ada")), T0);
        store.insertMember(NewMember.handle("ada"), MemberStatus.ACTIVE, T0);

        assertThatThrownBy(() -> store.approveJoinRequest(asked.id(), admin.id(), T0))
                .isInstanceOf(HandleTakenException.class);
        assertThat(store.findJoinRequest(asked.id()).orElseThrow().status()).isEqualTo(JoinRequestStatus.PENDING);
        assertThat(store.findMemberByAccount("u-1")).isEmpty();
    }

    @Test
    void declineJoinRequest_keepsTheReason_andTheAccountMayAskAgain() {
        JoinRequest asked = store.insertJoinRequest(NewJoinRequest.of("u-1", NewMember.handle("ada")), T0);

        JoinRequest declined = store.declineJoinRequest(asked.id(), admin.id(), Optional.of("not a member org"), T0);
        JoinRequest again = store.insertJoinRequest(NewJoinRequest.of("u-1", NewMember.handle("ada")), T0);

        assertThat(declined.status()).isEqualTo(JoinRequestStatus.DECLINED);
        assertThat(declined.reason()).contains("not a member org");
        assertThat(store.findJoinRequest(asked.id())).contains(declined);
        assertThat(store.latestJoinRequest("u-1")).contains(again);
        assertThat(store.findMemberByHandle("ada")).isEmpty();
    }

    // the directory

    @Test
    void latestPublicPosts_holdsEachMembersNewestPost_andNoEntryForMembersWithout() {
        Member ada = store.insertMember(NewMember.handle("ada"), MemberStatus.ACTIVE, T0);
        Member bob = store.insertMember(NewMember.handle("bob"), MemberStatus.ACTIVE, T0);
        store.insertMember(NewMember.handle("carol"), MemberStatus.ACTIVE, T0);
        post(ada, "ada first", T0);
        Post adaNewest = post(ada, "ada second", T0.plusSeconds(1));
        Post bobOnly = post(bob, "bob only", T0.plusSeconds(2));

        assertThat(store.latestPublicPosts()).containsOnlyKeys(ada.id(), bob.id())
                .containsEntry(ada.id(), adaNewest).containsEntry(bob.id(), bobOnly);
    }

    private Post post(Member author, String text, Instant at) {
        return store.insertPost(new PostDraft(author.id(), at, false,
                TextRules.defaults().parse(text, handle -> true), Optional.empty(), PostSource.nativePost()));
    }
}
