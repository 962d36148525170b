package org.chorusfeed.post;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chorusfeed.member.MemberId;

/**
 * Publishing and changing posts. Every change is appended to the change log.
 *
 * <pre>{@code
 * Post post = chorus.posts().publish(ada.id(), "Kick-off at #BalticLab today https://example.org/kickoff");
 * }</pre>
 */
public interface Posts {
    /**
     * Publishes a post now. The text is checked by the hub's text rules
     * ({@link org.chorusfeed.text.TextRuleException} says what is wrong); only active members publish.
     * Once this returns, the post is durable.
     */
    Post publish(MemberId author, String text);

    /** Publishes a reply to an existing post. */
    Post reply(MemberId author, PostId inReplyTo, String text);

    /** Replaces the text of the author's own post, keeping the earlier version in its history. */
    Post edit(PostId id, MemberId editor, String text);

    /** Deletes a post: by its author, or by a hub admin. It is gone from every read. */
    void delete(PostId id, MemberId actor);

    /** Records that a member appreciates a post; once per member, so a second call changes nothing. */
    Post appreciate(PostId id, MemberId member);

    /** Withdraws a member's appreciation; without one, nothing changes. */
    Post withdrawAppreciation(PostId id, MemberId member);

    /** The post with this id, if it exists. */
    Optional<Post> find(PostId id);

    /** The posts with these ids that exist, by id, read together; ids of missing posts are left out. */
    java.util.Map<PostId, Post> findAll(Collection<PostId> ids);

    /** The post with this id, or {@link org.chorusfeed.NoSuchPostException}. */
    Post get(PostId id);

    /** Every version of the post's text, oldest first; the last is the current text. */
    List<PostVersion> history(PostId id);

    /** Which of the given posts the member appreciates. */
    Set<PostId> appreciatedBy(MemberId member, Collection<PostId> posts);
}
