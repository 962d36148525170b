package org.chorusfeed.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.PostId;

/**
 * A member's report of a post, for the hub's admins to decide on.
 *
 * @param id        rising with time, from 1
 * @param post      the post reported
 * @param reporter  the member who reported it
 * @param reason    why, as the reporter wrote it
 * @param status    open, dismissed or resolved (the post was hidden)
 * @param createdAt when it was made
 * @param decidedAt when an admin dismissed it or hid the post
 * @param decidedBy the admin who did
 * @param decision  the admin's reason, if they gave one
 */
public record Report(long id, PostId post, MemberId reporter, String reason, ReportStatus status, Instant createdAt,
        Optional<Instant> decidedAt, Optional<MemberId> decidedBy, Optional<String> decision) {

    /** Checks that every field is present and that only decided reports carry a decision. */
    public Report {
        if (id < 1) {
            throw new IllegalArgumentException("report id is " + id + "; ids start at 1");
        }
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((status == ReportStatus.OPEN) != decidedAt.isEmpty() || decidedAt.isEmpty() != decidedBy.isEmpty()) {
            throw new IllegalArgumentException("report " + id + " is " + status
                    + "; an open report has no decision time or admin, a decided one has both");
        }
        Objects.requireNonNull(decision, "decision");
    }

    /** Whether it still waits for an admin. */
    public boolean isOpen() {
        return status == ReportStatus.OPEN;
    }
}
