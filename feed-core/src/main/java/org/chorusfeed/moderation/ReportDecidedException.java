package org.chorusfeed.moderation;

import org.chorusfeed.ChorusException;

/** The report was already dismissed or resolved; a decision is made once. */
public final class ReportDecidedException extends ChorusException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a report that is no longer open. */
    public ReportDecidedException(Report report) {
        super("report " + report.id() + " is already " + report.status().name().toLowerCase(java.util.Locale.ROOT));
    }
}
