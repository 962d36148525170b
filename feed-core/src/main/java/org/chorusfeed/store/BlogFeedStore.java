package org.chorusfeed.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.member.MemberId;

/**
 * The part of the {@link Store} that keeps members' blog feeds and the entries already seen. None of it is a
 * change-log event: the posts that entries become are, and they are written through {@link Store#insertPost}.
 * A member's feed and entries go when the member does.
 */
public interface BlogFeedStore {

    /** The member's feed, if the poller keeps one. */
    Optional<BlogFeedState> findBlogFeed(MemberId member);

    /** Every feed, by member id. */
    List<BlogFeedState> blogFeeds();

    /** At most {@code limit} feeds due at {@code now} (next poll at or before it), the longest due first. */
    List<BlogFeedState> dueBlogFeeds(Instant now, int limit);

    /**
     * Keeps this feed for its member, replacing any other.
     *
     * @throws org.chorusfeed.NoSuchMemberException if the member does not exist
     */
    void putBlogFeed(BlogFeedState feed);

    /**
     * Replaces the member's feed with this state only if the member's feed still has the same {@code url}: a poll
     * that ends after the member changed or removed the URL changes nothing.
     *
     * @return whether it was replaced
     */
    boolean updateBlogFeed(BlogFeedState feed);

    /** Forgets the member's feed (the entries seen stay, so a feed set again imports nothing twice). */
    void removeBlogFeed(MemberId member);

    /** Every entry seen on the member's blogs, in the order first seen. */
    List<ImportedEntry> importedEntries(MemberId member);

    /**
     * Stores an entry seen: a new one (id 0) gets an id; one with an id replaces the stored one.
     *
     * @return the entry as stored, with its id
     * @throws org.chorusfeed.NoSuchMemberException if the member does not exist
     * @throws IllegalArgumentException if an entry with that id is not stored for that member
     */
    ImportedEntry saveImportedEntry(ImportedEntry entry);
}
