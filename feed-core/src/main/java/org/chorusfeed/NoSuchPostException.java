package org.chorusfeed;

import org.chorusfeed.post.PostId;

/** No post with the given id exists (it never did, or it was deleted or erased). */
public final class NoSuchPostException extends ChorusException {
    private static final long serialVersionUID = 1L;
    private final transient PostId postId;

    /** Creates the exception for the post that was asked for. */
    public NoSuchPostException(PostId postId) {
        super("post " + postId + " does not exist");
        this.postId = postId;
    }

    /** The id that was asked for. */
    public PostId postId() {
        return postId;
    }
}
