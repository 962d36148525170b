package org.chorusfeed.joining;

import org.chorusfeed.ChorusException;

/** The account has a pending join request already; it waits for an admin before asking again. */
public final class JoinRequestPendingException extends ChorusException {
    private static final long serialVersionUID = 1L;
    private final long pendingId;

    /** Creates the exception for the pending request. */
    public JoinRequestPendingException(long pendingId) {
        super("this account has asked to join already (request " + pendingId + "); wait for the hub's admins to "
                + "decide");
        this.pendingId = pendingId;
    }

    /** The id of the pending request. */
    public long pendingId() {
        return pendingId;
    }
}
