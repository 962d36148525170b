package org.chorusfeed.post;

import java.util.Optional;
import org.chorusfeed.member.MemberId;

/**
 * Link previews: after a post is published (or edited so that its first link changes), Chorus fetches the page of
 * its first link in the background through the {@link org.chorusfeed.outside.SafeFetcher}, attaches a
 * {@link LinkPreview} to the post and announces it in the change log ({@code POST_PREVIEWED}).
 *
 * <pre>{@code
 * chorus.previews().remove(post.id(), ada.id());               // the author does not want the card
 * Optional<PreviewImage> image = chorus.previews().image(key); // the hub's copy, to serve
 * }</pre>
 */
public interface Previews {
    /** Whether this hub fetches previews ({@code Chorus.builder().linkPreviews(false)} turns them off). */
    boolean enabled();

    /**
     * Removes the preview from a post, by its author or a hub admin. The post's link is not previewed again
     * unless an edit changes it; a preview still being fetched is dropped.
     *
     * @return the post without a preview
     * @throws org.chorusfeed.NoSuchPostException if there is no such post
     * @throws org.chorusfeed.NotPermittedException if the actor is neither the author nor an active admin
     */
    Post remove(PostId id, MemberId actor);

    /** The hub's copy of a preview image, by its key. */
    Optional<PreviewImage> image(String key);
}
