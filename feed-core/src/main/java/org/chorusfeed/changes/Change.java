package org.chorusfeed.changes;

import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.PostId;

/**
 * One entry of the change log.
 *
 * @param seq          gap-free sequence number, from 1
 * @param time         when the change was made
 * @param kind         what it did
 * @param post         the post it concerns, for post changes
 * @param member       the member it concerns: a post's author, or the member changed
 * @param organisation the organisation it concerns, for organisation changes
 */
public record Change(long seq, Instant time, ChangeKind kind, Optional<PostId> post, Optional<MemberId> member,
        Optional<String> organisation) {
    /** Checks the sequence number. */
    public Change {
        if (seq < 1) {
            throw new IllegalArgumentException("change seq is " + seq + "; it starts at 1");
        }
    }
}
