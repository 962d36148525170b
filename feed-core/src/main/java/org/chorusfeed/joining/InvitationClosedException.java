package org.chorusfeed.joining;

import java.util.Locale;
import org.chorusfeed.ChorusException;

/** The invitation exists but can no longer be accepted: {@link #status()} says whether it expired, was used up or revoked. */
public final class InvitationClosedException extends ChorusException {
    private static final long serialVersionUID = 1L;
    private final InvitationStatus status;

    /** Creates the exception for an invitation in this (not open) state. */
    public InvitationClosedException(InvitationStatus status) {
        super(message(status));
        this.status = status;
    }

    private static String message(InvitationStatus status) {
        return switch (status) {
            case EXPIRED -> "the invitation has expired; ask the hub for a new one";
            case USED_UP -> "the invitation has been used up; ask the hub for a new one";
            case REVOKED -> "the invitation was revoked by the hub";
            case OPEN -> throw new IllegalArgumentException("an open invitation is not closed");
        };
    }

    /** Why it is closed: expired, used up or revoked. */
    public InvitationStatus status() {
        return status;
    }

    /** The status as the API spells it: {@code expired}, {@code used-up} or {@code revoked}. */
    public String statusName() {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
