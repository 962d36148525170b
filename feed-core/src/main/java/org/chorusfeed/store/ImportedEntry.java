package org.chorusfeed.store;

import java.util.Objects;
import java.util.Optional;
import org.chorusfeed.blogs.EntryKeys;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.PostId;

/**
 * A blog entry the poller has seen: what recognises it, and the post it became.
 *
 * @param id          the store's id for it; 0 for one not stored yet
 * @param member      whose blog it is on
 * @param post        the post it became; empty when a first import passed it over (only the newest few are
 *                    imported)
 * @param keys        its id, normalised link and title with date, as last seen
 * @param fingerprint a digest of the post text it gives, which changes when the entry is edited
 */
public record ImportedEntry(long id, MemberId member, Optional<PostId> post, EntryKeys keys, String fingerprint) {

    /** Checks that nothing is null and the id is not negative. */
    public ImportedEntry {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (id < 0) {
            throw new IllegalArgumentException("id is " + id + "; it must be 0 (not stored yet) or more");
        }
    }

    /** This entry as seen again: new keys and fingerprint, the same id and post. */
    public ImportedEntry seenAs(EntryKeys newKeys, String newFingerprint) {
        return new ImportedEntry(id, member, post, newKeys, newFingerprint);
    }
}
