package org.chorusfeed.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chorusfeed.access.AccessToken;
import org.chorusfeed.changes.Change;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostVersion;
import org.chorusfeed.text.PostText;

/**
 * Where Chorus keeps its data. Every mutation is atomic with the change-log entry it appends, and is
 * durable when the method returns. Implementations are thread-safe. Rules (who may do what, text rules)
 * are checked above the store; a store keeps data consistent (unique handles, existing references).
 */
public interface Store extends AutoCloseable, BlogFeedStore, PreviewStore, DataRightsStore, AuditStore,
        ModerationStore, MembershipStore, TimelineReads {

    /** Creates or updates an organisation; appends {@code ORGANISATION_CHANGED}. */
    Organisation saveOrganisation(Organisation organisation, Instant at);

    /** The organisation with this slug. */
    Optional<Organisation> findOrganisation(String slug);

    /** Every organisation by slug. */
    List<Organisation> organisations();

    /**
     * Inserts a member with a new id; appends {@code MEMBER_ADMITTED}.
     *
     * @throws org.chorusfeed.HandleTakenException if the handle is used, or its member was erased less than
     *         {@link org.chorusfeed.member.Erasure#HANDLE_QUARANTINE} before {@code at}
     * @throws org.chorusfeed.NoSuchOrganisationException if the organisation does not exist
     */
    Member insertMember(NewMember member, MemberStatus status, Instant at);

    /**
     * Replaces a member's fields (never the id, handle or join time); appends {@code MEMBER_CHANGED}.
     *
     * @throws org.chorusfeed.NoSuchMemberException if the member does not exist
     * @throws org.chorusfeed.NoSuchOrganisationException if the organisation does not exist
     */
    Member updateMember(Member member, Instant at);

    /** The member with this id. */
    Optional<Member> findMember(MemberId id);

    /** The member with this handle. */
    Optional<Member> findMemberByHandle(String handle);

    /** Every member by handle. */
    List<Member> members();

    /** Inserts a post with a newly minted id (see {@link PostDraft#backdated()}); appends {@code POST_CREATED}. */
    Post insertPost(PostDraft draft);

    /** Replaces a post's text, keeping the old version; appends {@code POST_EDITED}. Empty if there is no such post. */
    Optional<Post> editPost(PostId id, PostText text, Instant at);

    /** Deletes a post, its history and appreciations; appends {@code POST_DELETED}. False if there was none. */
    boolean deletePost(PostId id, Instant at);

    /**
     * Sets whether a member appreciates a post; appends {@code POST_APPRECIATED} only when that changed.
     * Empty if there is no such post.
     */
    Optional<Post> setAppreciation(PostId id, MemberId member, boolean appreciates, Instant at);

    /** The post with this id. */
    Optional<Post> findPost(PostId id);

    /** The posts of a keyset range; see {@link PostSelection} for the order. */
    List<Post> posts(PostSelection selection);

    /** Every version of a post's text, oldest first, ending with the current one; empty if no such post. */
    List<PostVersion> history(PostId id);

    /** Which of the given posts the member appreciates. */
    Set<PostId> appreciatedBy(MemberId member, Collection<PostId> posts);

    /** Stores a new access token by the SHA-256 hash of its secret (tokens are not change-log events). */
    AccessToken insertToken(MemberId member, String label, byte[] secretHash, Instant at);

    /** The token with this secret hash, revoked or not. */
    Optional<AccessToken> findTokenByHash(byte[] secretHash);

    /** Every token of a member, newest first. */
    List<AccessToken> tokens(MemberId member);

    /** Marks a member's token revoked; false if the member has no such active token. */
    boolean revokeToken(MemberId member, long tokenId, Instant at);

    /** At most {@code limit} changes after {@code afterSeq}, in seq order. */
    List<Change> changesSince(long afterSeq, int limit);

    /** The newest seq, 0 if the log is empty. */
    long lastSeq();

    /**
     * Registers a callback run whenever changes were appended: after each commit of this store, and for stores
     * shared by several nodes also when another node appended. Runs on the committing thread: it must be quick.
     */
    void onChanges(Runnable callback);

    /** Closes the store, releasing files, connections and threads. */
    @Override
    void close();
}
