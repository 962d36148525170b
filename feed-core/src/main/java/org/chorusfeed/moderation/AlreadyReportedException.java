package org.chorusfeed.moderation;

import org.chorusfeed.ChorusException;
import org.chorusfeed.post.PostId;

/** The member already has an open report of this post; an admin decides it before they can report it again. */
public final class AlreadyReportedException extends ChorusException {
    private static final long serialVersionUID = 1L;
    private final long reportId;

    /** Creates the exception naming the open report. */
    public AlreadyReportedException(PostId post, long reportId) {
        super("you already reported post " + post + " (report " + reportId + "), and it is still open");
        this.reportId = reportId;
    }

    /** The open report. */
    public long reportId() {
        return reportId;
    }
}
