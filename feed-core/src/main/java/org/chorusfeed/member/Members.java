package org.chorusfeed.member;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    // joining and the directory (members helper)

    /** The member with this host account (see {@link Member#account()}), if they exist. */
    Optional<Member> findByAccount(String account);

    /** Each member's newest public post, read at once for the whole directory; members without one are absent. */
    Map<MemberId, Post> latestPosts();
}
