package org.chorusfeed.member;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorusfeed.export.MemberExport;
import org.chorusfeed.post.Post;

/**
 * The network's members: admitting, inviting, suspending and looking them up.
 *
 * <pre>{@code
 * Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada Example"));
 * }</pre>
 */
public interface Members {
    /** Admits a member who can post at once. Throws {@link org.chorusfeed.HandleTakenException} if the handle is used. */
    Member admit(NewMember member);

    /** Records an invitation: the member exists with status invited and cannot post until {@link #accept}. */
    Member invite(NewMember member);

    /** Turns an invited member into an active one. */
    Member accept(MemberId id);

    /** Suspends a member: they can no longer post, edit or appreciate. Their past posts stay. */
    Member suspend(MemberId id);

    /** Lifts a suspension. */
    Member reinstate(MemberId id);

    /** Makes a member an admin or a plain member. */
    Member changeRole(MemberId id, Role role);

    /** Applies a change to a member's profile. */
    Member updateProfile(MemberId id, ProfileUpdate update);

    /** The member with this id, or {@link org.chorusfeed.NoSuchMemberException}. */
    Member get(MemberId id);

    /** The member with this id, if they exist. */
    Optional<Member> find(MemberId id);

    /** The member with this handle, if they exist. */
    Optional<Member> findByHandle(String handle);

    /** Every member, ordered by handle. */
    List<Member> list();

    // data rights

    /**
     * Everything the network holds about a member: profile, posts with their history, the appreciations they gave
     * and their tokens' metadata. Write it out with {@link org.chorusfeed.export.ExportArchive}.
     *
     * @throws org.chorusfeed.NoSuchMemberException if there is no such member
     */
    MemberExport export(MemberId id);

    /**
     * Erases a member for good: their posts (each appended as {@code POST_DELETED}), the appreciations they gave
     * (the posts' counts go down), their tokens and their profile leave the store; replies by others stay. Their
     * handle is refused to new members for {@link Erasure#HANDLE_QUARANTINE}.
     *
     * @param confirmHandle must be the member's own handle, as a guard against erasing the wrong member
     * @throws IllegalArgumentException if {@code confirmHandle} is not the member's handle (nothing is removed)
     * @throws org.chorusfeed.NoSuchMemberException if there is no such member
     */
    Erasure erase(MemberId id, String confirmHandle);
    // joining and the directory (members helper)

    /** The member with this host account (see {@link Member#account()}), if they exist. */
    Optional<Member> findByAccount(String account);

    /** Each member's newest public post, read at once for the whole directory; members without one are absent. */
    Map<MemberId, Post> latestPosts();
}
