package org.chorusfeed.moderation;

import org.chorusfeed.ChorusException;

/** No report with the given id exists. */
public final class NoSuchReportException extends ChorusException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the report that was asked for. */
    public NoSuchReportException(long id) {
        super("report " + id + " does not exist");
    }
}
