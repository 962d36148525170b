package org.chorusfeed.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.NoSuchPostException;
import org.chorusfeed.NotPermittedException;
import org.chorusfeed.NotPermittedException.Reason;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.post.PostVersion;
import org.chorusfeed.post.Posts;
import org.chorusfeed.store.PostDraft;
import org.chorusfeed.store.Store;
import org.chorusfeed.text.PostText;
import org.chorusfeed.text.TextRules;

/** {@link Posts} over a store: checks who may do what and the text rules, then writes. */
public final class StorePosts implements Posts {
    private final Store store;
    private final Clock clock;
    private final TextRules rules;

    /** Posts kept in this store, timed by this clock, checked by these rules. */
    public StorePosts(Store store, Clock clock, TextRules rules) {
        this.store = store;
        this.clock = clock;
        this.rules = rules;
    }

    @Override
    public Post publish(MemberId author, String text) {
        return insert(author, text, Optional.empty());
    }

    @Override
    public Post reply(MemberId author, PostId inReplyTo, String text) {
        if (store.findPost(inReplyTo).filter(Post::isPublic).isEmpty()) {
            throw new NoSuchPostException(inReplyTo);
        }
        return insert(author, text, Optional.of(inReplyTo));
    }

    private Post insert(MemberId authorId, String text, Optional<PostId> inReplyTo) {
        Member author = requireActive(authorId, "publish");
        PostText checked = parse(text);
        return store.insertPost(new PostDraft(author.id(), clock.instant(), false, checked, inReplyTo,
                PostSource.nativePost()));
    }

    @Override
    public Post edit(PostId id, MemberId editorId, String text) {
        Post post = get(id);
        Member editor = requireActive(editorId, "edit posts");
        if (!post.isPublic() && !post.author().equals(editor.id()) && !editor.isAdmin()) {
            throw new NoSuchPostException(id); // a hidden post exists only for its author and admins
        }
        if (!post.author().equals(editor.id())) {
            throw new NotPermittedException(Reason.NOT_AUTHOR,
                    "only the author can edit post " + id + "; @" + editor.handle() + " is not its author");
        }
        if (post.source() instanceof PostSource.Blog) {
            throw new IllegalArgumentException("post " + id + " is imported from a blog; edit it on the blog");
        }
        PostText checked = parse(text);
        return store.editPost(id, checked, clock.instant()).orElseThrow(() -> new NoSuchPostException(id));
    }

    @Override
    public void delete(PostId id, MemberId actorId) {
        Post post = get(id);
        Member actor = member(actorId);
        boolean author = post.author().equals(actor.id());
        boolean admin = actor.isActiveAdmin();
        if (!author && !admin) {
            if (!post.isPublic()) {
                throw new NoSuchPostException(id); // a hidden post exists only for its author and admins
            }
            throw new NotPermittedException(Reason.NOT_AUTHOR_OR_ADMIN,
                    "only the author or a hub admin can delete post " + id);
        }
        if (!store.deletePost(id, clock.instant())) {
            throw new NoSuchPostException(id);
        }
    }

    @Override
    public Post appreciate(PostId id, MemberId member) {
        return setAppreciation(id, member, true);
    }

    @Override
    public Post withdrawAppreciation(PostId id, MemberId member) {
        return setAppreciation(id, member, false);
    }

    private Post setAppreciation(PostId id, MemberId memberId, boolean appreciates) {
        Member member = requireActive(memberId, "appreciate posts");
        if (!get(id).isPublic()) {
            throw new NoSuchPostException(id);
        }
        return store.setAppreciation(id, member.id(), appreciates, clock.instant())
                .orElseThrow(() -> new NoSuchPostException(id));
    }

    @Override
    public Optional<Post> find(PostId id) {
        return store.findPost(id);
    }

    @Override
    public java.util.Map<PostId, Post> findAll(Collection<PostId> ids) {
        return ids.isEmpty() ? java.util.Map.of() : store.findPosts(ids);
    }

    @Override
    public Post get(PostId id) {
        return store.findPost(id).orElseThrow(() -> new NoSuchPostException(id));
    }

    @Override
    public List<PostVersion> history(PostId id) {
        List<PostVersion> history = store.history(id);
        if (history.isEmpty()) {
            throw new NoSuchPostException(id);
        }
        return history;
    }

    @Override
    public Set<PostId> appreciatedBy(MemberId member, Collection<PostId> posts) {
        return posts.isEmpty() ? Set.of() : store.appreciatedBy(member, posts);
    }

    private PostText parse(String text) {
        return rules.parse(text, handle -> store.findMemberByHandle(handle).isPresent());
    }

    private Member member(MemberId id) {
        return store.findMember(id).orElseThrow(() -> new NoSuchMemberException(id.toString()));
    }

    private Member requireActive(MemberId id, String act) {
        return requireActive(store, id, act);
    }

    /** The member, if they are active; otherwise the refusal of {@link #refusal}. */
    static Member requireActive(Store store, MemberId id, String act) {
        Member member = store.findMember(id).orElseThrow(() -> new NoSuchMemberException(id.toString()));
        Optional<NotPermittedException> refusal = refusal(member, act);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return member;
    }

    /**
     * Why a member may not write, if they may not: suspended or not yet active. Stores call it again inside the
     * write that inserts a post, so a suspension that lands between the check above and the write still wins.
     *
     * @param act what they tried, for the message: "publish"
     */
    public static Optional<NotPermittedException> refusal(Member member, String act) {
        if (member.status() == MemberStatus.SUSPENDED) {
            return Optional.of(new NotPermittedException(Reason.SUSPENDED,
                    "@" + member.handle() + " is suspended and cannot " + act));
        }
        if (member.status() != MemberStatus.ACTIVE) {
            return Optional.of(new NotPermittedException(Reason.NOT_ACTIVE,
                    "@" + member.handle() + " has not accepted the invitation yet and cannot " + act));
        }
        return Optional.empty();
    }
}
