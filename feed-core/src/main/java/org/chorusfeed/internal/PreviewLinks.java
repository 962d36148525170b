package org.chorusfeed.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.chorusfeed.post.Post;
import org.chorusfeed.text.Segment;

/** Which link of a post is previewed: the first one in its text. */
public final class PreviewLinks {
    private PreviewLinks() {
    }

    /** The post's first link, if its text has one that is a valid URL. */
    public static Optional<URI> firstLink(Post post) {
        for (Segment segment : post.segments()) {
            if (segment instanceof Segment.Link link) {
                try {
                    return Optional.of(new URI(link.href()));
                } catch (URISyntaxException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
