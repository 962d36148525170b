package org.chorusfeed.servlet.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;

/**
 * Members, organisations and replied-to posts looked up while rendering one response: members and organisations
 * from the servlet-wide {@link People}, posts each at most once (those a page answers, all in one read). Not thread-safe: one per response.
 */
final class Directory {
    private final Chorus chorus;
    private final People people;
    private final Map<PostId, Optional<Post>> posts = new HashMap<>();

    Directory(Chorus chorus, People people) {
        this.chorus = chorus;
        this.people = people;
    }

    Optional<Member> member(MemberId id) {
        return people.member(id);
    }

    Optional<Organisation> organisation(String slug) {
        return people.organisation(slug);
    }

    Optional<Post> post(PostId id) {
        // a hidden post is no reply's parent for any reader (moderation, issue 7)
        return posts.computeIfAbsent(id, key -> chorus.posts().find(key).filter(Post::isPublic));
    }

    /** The URL of the preview image with this key, on the hub's own origin. */
    String previewImage(String key) {
        return people.previewLinks().image(key);
    }

    /** Reads the posts these answer that are not known yet, all in one store read. */
    void rememberRepliedTo(Collection<Post> replies) {
        Set<PostId> wanted = new HashSet<>();
        for (Post post : replies) {
            post.inReplyTo().filter(id -> !posts.containsKey(id)).ifPresent(wanted::add);
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<PostId, Post> found = chorus.posts().findAll(wanted);
        for (PostId id : wanted) {
            posts.put(id, Optional.ofNullable(found.get(id)));
        }
    }

    /** Remembers a post already read, so a reply to it on the same page costs no lookup. */
    void remember(Post post) {
        posts.putIfAbsent(post.id(), Optional.of(post));
    }
}
