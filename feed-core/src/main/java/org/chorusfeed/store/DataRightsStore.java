package org.chorusfeed.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.member.Erasure;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.GivenAppreciation;

/**
 * The part of the {@link Store} SPI that serves members' data rights: what an export needs beyond the other
 * reads, erasure, and the memory of erased handles that {@link Store#insertMember} consults.
 */
public interface DataRightsStore {
    /** The appreciations a member gave that still stand, newest first. */
    List<GivenAppreciation> appreciationsGiven(MemberId member);

    /**
     * Erases a member in one transaction: their posts with their tags, versions, previews, hidings, the reports on
     * them and the appreciations on them ({@code POST_DELETED} each, oldest first), the appreciations they gave
     * ({@code POST_APPRECIATED} each, the post's count one lower), the reports they made, their tokens, their
     * blog feed and its imported entries, the join requests of their account and their profile; records that
     * their handle was erased at {@code at}; appends {@code MEMBER_ERASED}, and the audit entry
     * {@link #erasedAudit}. Replies by others to their posts stay.
     *
     * @throws org.chorusfeed.NoSuchMemberException if the member does not exist
     */
    Erasure eraseMember(MemberId member, Instant at);

    /**
     * When a member with this handle was last erased, if ever. While {@code Erasure.freeFrom} of that time is
     * after the time of {@link Store#insertMember}, inserting a member with the handle throws
     * {@link org.chorusfeed.HandleTakenException} with {@code freeFrom}.
     */
    Optional<Instant> handleErasedAt(String handle);

    /** The audit entry of an erasure: {@code member.erased} on {@code @handle}, with no actor and no reason. */
    static AuditDraft erasedAudit(String handle, Instant at) {
        return new AuditDraft(at, Optional.empty(), "member.erased", "@" + handle, Optional.empty());
    }
}
