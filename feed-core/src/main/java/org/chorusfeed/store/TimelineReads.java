package org.chorusfeed.store;

import java.util.Collection;
import java.util.Map;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;

/** Reads that serve a timeline page in as few statements as possible. Part of {@link Store}. */
public interface TimelineReads {

    /**
     * The posts with these ids that exist, by id, read together (one statement on a database, not one per id).
     * Ids of posts that do not exist are left out; duplicates count once.
     */
    Map<PostId, Post> findPosts(Collection<PostId> ids);
}
