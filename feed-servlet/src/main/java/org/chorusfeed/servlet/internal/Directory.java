package org.chorusfeed.servlet.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;

/**
 * Members, organisations and replied-to posts looked up while rendering one response, each at most once. Not
 * thread-safe: one per response.
 */
final class Directory {
    private final Chorus chorus;
    private final Map<MemberId, Optional<Member>> members = new HashMap<>();
    private final Map<String, Optional<Organisation>> organisations = new HashMap<>();
    private final Map<PostId, Optional<Post>> posts = new HashMap<>();

    Directory(Chorus chorus) {
        this.chorus = chorus;
    }

    Optional<Member> member(MemberId id) {
        return members.computeIfAbsent(id, chorus.members()::find);
    }

    Optional<Organisation> organisation(String slug) {
        return organisations.computeIfAbsent(slug, chorus.organisations()::find);
    }

    Optional<Post> post(PostId id) {
        return posts.computeIfAbsent(id, chorus.posts()::find);
    }

    /** Remembers a post already read, so a reply to it on the same page costs no lookup. */
    void remember(Post post) {
        posts.putIfAbsent(post.id(), Optional.of(post));
    }

    /** Remembers a member already read. */
    void remember(Member member) {
        members.putIfAbsent(member.id(), Optional.of(member));
    }
}
