package org.chorusfeed.export;

import java.util.List;
import java.util.Objects;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostVersion;

/**
 * One of the member's posts with its whole history.
 *
 * @param post    the post as it is now
 * @param history every version of its text, oldest first, ending with the current one
 */
public record ExportedPost(Post post, List<PostVersion> history) {
    /** Checks the fields. */
    public ExportedPost {
        Objects.requireNonNull(post, "post");
        history = List.copyOf(history);
    }
}
