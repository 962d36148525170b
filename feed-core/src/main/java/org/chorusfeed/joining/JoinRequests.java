package org.chorusfeed.joining;

import java.util.List;
import java.util.Optional;
import org.chorusfeed.member.MemberId;

/**
 * Join requests, for hubs in approval mode: a person signed in at the host asks to join, an admin approves
 * (which admits them) or declines.
 *
 * <pre>{@code
 * JoinRequest asked = chorus.joinRequests().submit(NewJoinRequest.of("u-4711", NewMember.handle("ada").name("Ada")));
 * Approval approval = chorus.joinRequests().approve(admin.id(), asked.id());
 * }</pre>
 */
public interface JoinRequests {
    /**
     * Records a pending request.
     *
     * @throws AlreadyMemberException if the account is a member already
     * @throws JoinRequestPendingException if the account has a pending request already
     * @throws org.chorusfeed.HandleTakenException if the handle is taken by a member
     * @throws org.chorusfeed.NoSuchOrganisationException if it names an organisation that does not exist
     */
    JoinRequest submit(NewJoinRequest request);

    /** The requests with this status (every request when empty), newest first. */
    List<JoinRequest> list(Optional<JoinRequestStatus> status);

    /** The request with this id. */
    Optional<JoinRequest> find(long id);

    /** The newest request of this account, if it made any. */
    Optional<JoinRequest> latest(String account);

    /**
     * Approves a pending request: admits the person as an active member, atomically with deciding it.
     *
     * @param by the admin approving it
     * @throws NoSuchJoinRequestException if there is no such request
     * @throws JoinRequestDecidedException if it was decided already
     * @throws org.chorusfeed.HandleTakenException if its handle was taken since (decline it, or ask them again)
     * @throws AlreadyMemberException if the account became a member since
     */
    Approval approve(MemberId by, long id);

    /**
     * Declines a pending request.
     *
     * @param by     the admin declining it
     * @param reason why, told to the person (at most {@value NewJoinRequest#MAX_MESSAGE_LENGTH} characters)
     * @throws NoSuchJoinRequestException if there is no such request
     * @throws JoinRequestDecidedException if it was decided already
     */
    JoinRequest decline(MemberId by, long id, Optional<String> reason);
}
