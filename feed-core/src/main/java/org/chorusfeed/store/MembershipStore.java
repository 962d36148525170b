package org.chorusfeed.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorusfeed.joining.Approval;
import org.chorusfeed.joining.Invitation;
import org.chorusfeed.joining.JoinRequest;
import org.chorusfeed.joining.JoinRequestStatus;
import org.chorusfeed.joining.NewJoinRequest;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.post.Post;

/**
 * The part of the {@link Store} for joining the network and for the directory: members by account, invitations,
 * join requests, and each member's newest public post. Decisions that admit a member are atomic with the
 * admission, so concurrent acceptances of one code admit no more people than it has uses.
 */
public interface MembershipStore {

    /** The member with this host account. */
    Optional<Member> findMemberByAccount(String account);

    /**
     * Stores a new invitation with {@code used} 0 (its id is new; other fields as given).
     *
     * @throws org.chorusfeed.NoSuchOrganisationException if it names an organisation that does not exist
     */
    Invitation insertInvitation(Invitation invitation);

    /** Every invitation, newest first. */
    List<Invitation> invitations();

    /** The invitation with this id. */
    Optional<Invitation> findInvitation(long id);

    /** The invitation with this code. */
    Optional<Invitation> findInvitationByCode(String code);

    /** Marks an invitation revoked (an invitation revoked before stays as it was); empty if there is none. */
    Optional<Invitation> revokeInvitation(long id, Instant at);

    /**
     * Admits the member (active) and uses the invitation once, in one transaction; appends {@code MEMBER_ADMITTED}.
     * The member is checked by {@link Invitation#admitting} against the invitation as stored at that moment.
     *
     * @throws org.chorusfeed.joining.NoSuchInvitationException if no invitation has this code
     * @throws org.chorusfeed.joining.InvitationClosedException if it is expired (at {@code at}), used up or revoked
     * @throws org.chorusfeed.joining.WrongOrganisationException if the member names another organisation
     * @throws org.chorusfeed.joining.AlreadyMemberException if the member's account is a member already
     * @throws org.chorusfeed.HandleTakenException if the handle is used
     */
    Member acceptInvitation(String code, NewMember member, Instant at);

    /**
     * Stores a pending join request.
     *
     * @throws org.chorusfeed.joining.AlreadyMemberException if the account is a member already
     * @throws org.chorusfeed.joining.JoinRequestPendingException if the account has a pending request
     * @throws org.chorusfeed.HandleTakenException if a member has the handle
     * @throws org.chorusfeed.NoSuchOrganisationException if it names an organisation that does not exist
     */
    JoinRequest insertJoinRequest(NewJoinRequest request, Instant at);

    /** The join requests with this status (all when empty), newest first. */
    List<JoinRequest> joinRequests(Optional<JoinRequestStatus> status);

    /** The join request with this id. */
    Optional<JoinRequest> findJoinRequest(long id);

    /** The newest join request of this account. */
    Optional<JoinRequest> latestJoinRequest(String account);

    /**
     * Approves a pending request and admits its member (active), in one transaction; appends {@code MEMBER_ADMITTED}.
     *
     * @throws org.chorusfeed.joining.NoSuchJoinRequestException if there is no such request
     * @throws org.chorusfeed.joining.JoinRequestDecidedException if it is not pending
     * @throws org.chorusfeed.joining.AlreadyMemberException if its account is a member already
     * @throws org.chorusfeed.HandleTakenException if its handle is used
     */
    Approval approveJoinRequest(long id, MemberId by, Instant at);

    /**
     * Declines a pending request.
     *
     * @throws org.chorusfeed.joining.NoSuchJoinRequestException if there is no such request
     * @throws org.chorusfeed.joining.JoinRequestDecidedException if it is not pending
     */
    JoinRequest declineJoinRequest(long id, MemberId by, Optional<String> reason, Instant at);

    /** Each member's newest public post (members without one are absent), read at once for the whole directory. */
    Map<MemberId, Post> latestPublicPosts();
}
