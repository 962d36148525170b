package org.chorusfeed.moderation;

import java.util.List;
import java.util.Optional;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.jspecify.annotations.Nullable;

/**
 * Reports and hiding (DESIGN rule 8). Members report posts; hub admins hide a post from every public read (it stays
 * visible to its author and admins, with the reason) or dismiss a report. Every admin act here is recorded in the
 * {@link AuditLog} in the same write as the act.
 *
 * <pre>{@code
 * Report report = chorus.moderation().report(post.id(), ada.id(), "spam link");
 * chorus.moderation().hide(post.id(), admin.id(), "spam");   // resolves the open reports of the post
 * }</pre>
 */
public interface Moderation {
    /** The most hidden posts one read returns. */
    int MAX_LIMIT = 100;

    /**
     * Reports a post. A member who reported it before may report it again once their report was decided.
     *
     * @param reason 1 to {@value Reasons#MAX_LENGTH} characters
     * @throws org.chorusfeed.NoSuchPostException if there is no such post, or it is hidden and the reporter is
     *     not an admin
     * @throws org.chorusfeed.NotPermittedException if the reporter is suspended or not yet active
     * @throws AlreadyReportedException if the reporter's earlier report of the post is still open
     */
    Report report(PostId post, MemberId reporter, String reason);

    /**
     * Hides a post from every public read; its open reports become resolved. Hiding a hidden post changes nothing.
     *
     * @param reason 1 to {@value Reasons#MAX_LENGTH} characters, shown to the author
     * @return the post with its {@link Post#hidden()}
     * @throws org.chorusfeed.NotPermittedException if the actor is not an active admin
     * @throws org.chorusfeed.NoSuchPostException if there is no such post
     */
    Post hide(PostId post, MemberId admin, String reason);

    /**
     * Shows a hidden post again. Unhiding a post that is not hidden changes nothing.
     *
     * @throws org.chorusfeed.NotPermittedException if the actor is not an active admin
     * @throws org.chorusfeed.NoSuchPostException if there is no such post
     */
    Post unhide(PostId post, MemberId admin);

    /**
     * Dismisses an open report: the post stays.
     *
     * @param reason why, up to {@value Reasons#MAX_LENGTH} characters; {@code null} or blank for none
     * @throws org.chorusfeed.NotPermittedException if the actor is not an active admin
     * @throws NoSuchReportException if there is no such report
     * @throws ReportDecidedException if it is no longer open
     */
    Report dismiss(long report, MemberId admin, @Nullable String reason);

    /** The report with this id. */
    Optional<Report> findReport(long id);

    /** The open reports (or, with {@code openOnly} false, every report), newest first. */
    List<Report> reports(boolean openOnly);

    /** Every report the member made, newest first: what they see of their own reports and take in an export. */
    List<Report> reportsBy(MemberId reporter);

    /**
     * Hidden posts, newest first.
     *
     * @param before only posts older than this one, or empty for the newest
     * @param limit  1 to {@value #MAX_LIMIT}
     */
    List<Post> hidden(Optional<PostId> before, int limit);
}
