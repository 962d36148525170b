package org.chorusfeed.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.moderation.Report;
import org.chorusfeed.post.Hiding;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;

/**
 * The store's part of moderation: hidings of posts and reports. A hidden post is left out of every
 * {@link Store#posts} selection; {@link Store#findPost} returns it with its {@link Post#hidden()}. Deleting a
 * post removes its hiding and its reports. Each admin act appends its audit entry in the same transaction.
 */
public interface ModerationStore {

    /**
     * Hides a post, resolves its open reports with the hiding's reason, appends {@code POST_HIDDEN} and the audit
     * entry. A post hidden already is returned as it is, and nothing is appended. Empty if there is no such post.
     */
    Optional<Post> hidePost(PostId id, Hiding hiding, AuditDraft audit);

    /**
     * Shows a hidden post again; appends {@code POST_UNHIDDEN} and the audit entry. A post that is not hidden is
     * returned as it is, and nothing is appended. Empty if there is no such post.
     */
    Optional<Post> unhidePost(PostId id, AuditDraft audit);

    /** At most {@code limit} hidden posts with ids below {@code before} (or the newest), newest first. */
    List<Post> hiddenPosts(Optional<PostId> before, int limit);

    /**
     * Inserts an open report with the next id (reports are not change-log events).
     *
     * @throws org.chorusfeed.NoSuchPostException if there is no such post
     * @throws org.chorusfeed.NoSuchMemberException if there is no such member
     * @throws org.chorusfeed.moderation.AlreadyReportedException if the member has an open report of the post
     */
    Report insertReport(PostId post, MemberId reporter, String reason, Instant at);

    /** The report with this id. */
    Optional<Report> findReport(long id);

    /** Every report (or only the open ones), newest first. */
    List<Report> reports(boolean openOnly);

    /** Every report of this member, newest first. */
    List<Report> reportsBy(MemberId reporter);

    /**
     * Dismisses an open report and appends the audit entry. A decided report is returned as it is, and nothing is
     * appended. Empty if there is no such report.
     */
    Optional<Report> dismissReport(long id, MemberId admin, Optional<String> reason, AuditDraft audit);

    /** Removes every report the member made (for erasure); how many there were. */
    int deleteReportsBy(MemberId reporter);
}
