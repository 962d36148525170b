package org.chorusfeed.store;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.post.LinkPreview;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PreviewImage;

/**
 * The part of the {@link Store} that keeps link previews: per post the preview of its first link (or the mark that
 * it was removed), and the hub's copies of preview images by key. A post's reads ({@link Store#findPost},
 * {@link Store#posts}) carry its preview. Deleting a post deletes its preview; its image goes with the next
 * {@link #prunePreviewImages()} unless another preview uses it.
 */
public interface PreviewStore {

    /** Which link the post's preview was made or removed for; empty if none was, or there is no such post. */
    Optional<PreviewMark> previewMark(PostId post);

    /**
     * Attaches a preview made for {@code link} to the post, replacing any earlier one, and keeps its image; appends
     * {@code POST_PREVIEWED}. Changes nothing (and returns the post as it is) when {@code link} is no longer the
     * post's first link, or the preview of this link was removed.
     *
     * @param image the image the preview names, if it names one ({@code preview.image()} must be its key)
     * @return the post as it now is; empty if there is no such post
     */
    Optional<Post> attachPreview(PostId post, URI link, LinkPreview preview, Optional<PreviewImage> image, Instant at);

    /**
     * Marks the preview of {@code link} removed from the post, so it is not attached again; appends
     * {@code POST_PREVIEWED} when the post had a preview.
     *
     * @return the post without a preview; empty if there is no such post
     */
    Optional<Post> removePreview(PostId post, URI link, Instant at);

    /**
     * Forgets the post's preview and mark (its first link changed or is gone); appends {@code POST_PREVIEWED} when
     * the post had a preview.
     *
     * @return the post without a preview; empty if there is no such post
     */
    Optional<Post> forgetPreview(PostId post, Instant at);

    /** The preview image with this key. */
    Optional<PreviewImage> previewImage(String key);

    /** Deletes the images no preview uses any more (after posts were deleted); returns how many. */
    int prunePreviewImages();
}
