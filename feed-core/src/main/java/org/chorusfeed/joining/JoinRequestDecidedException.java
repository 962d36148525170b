package org.chorusfeed.joining;

import java.util.Locale;
import org.chorusfeed.ChorusException;

/** The join request was decided already; it can be approved or declined once. */
public final class JoinRequestDecidedException extends ChorusException {
    private static final long serialVersionUID = 1L;
    private final JoinRequestStatus status;

    /** Creates the exception for a request that is no longer pending. */
    public JoinRequestDecidedException(long id, JoinRequestStatus status) {
        super("join request " + id + " is " + status.name().toLowerCase(Locale.ROOT) + " already; only a pending "
                + "request can be decided");
        this.status = status;
    }

    /** What it was decided as. */
    public JoinRequestStatus status() {
        return status;
    }
}
