package org.chorusfeed.store.memory;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.chorusfeed.internal.PreviewLinks;
import org.chorusfeed.post.LinkPreview;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PreviewImage;
import org.chorusfeed.store.PreviewMark;

/**
 * The link-preview part of the {@link InMemoryStore}: the marks of which link each post's preview was made or
 * removed for, and the images by key. The previews themselves live in the stored posts. Guarded by the store's lock.
 */
final class MemoryPreviews {
    private final Map<PostId, PreviewMark> marks = new HashMap<>();
    private final Map<String, PreviewImage> images = new HashMap<>();

    Optional<PreviewMark> mark(PostId post) {
        return Optional.ofNullable(marks.get(post));
    }

    /** The post with the preview attached, or null when it must stay as it is. */
    Post attach(Post post, URI link, LinkPreview preview, Optional<PreviewImage> image) {
        if (!preview.image().equals(image.map(PreviewImage::key))) {
            throw new IllegalArgumentException("the preview names image " + preview.image().orElse("none")
                    + " but the image given is " + image.map(PreviewImage::key).orElse("none"));
        }
        PreviewMark mark = marks.get(post.id());
        if (!PreviewLinks.firstLink(post).equals(Optional.of(link))
                || mark != null && mark.removed() && mark.link().equals(link)) {
            return null;
        }
        image.ifPresent(i -> images.putIfAbsent(i.key(), i));
        marks.put(post.id(), new PreviewMark(link, false));
        return post.withPreview(Optional.of(preview));
    }

    void remove(PostId post, URI link) {
        marks.put(post, new PreviewMark(link, true));
    }

    void forget(PostId post) {
        marks.remove(post);
    }

    Optional<PreviewImage> image(String key) {
        return Optional.ofNullable(images.get(key));
    }

    /** Forgets the marks of posts that are gone and the images no post's preview uses; returns the images dropped. */
    int prune(Predicate<PostId> exists, Iterable<Post> posts) {
        marks.keySet().removeIf(exists.negate());
        Set<String> used = new HashSet<>();
        for (Post post : posts) {
            post.preview().flatMap(LinkPreview::image).ifPresent(used::add);
        }
        int before = images.size();
        images.keySet().retainAll(used);
        return before - images.size();
    }
}
