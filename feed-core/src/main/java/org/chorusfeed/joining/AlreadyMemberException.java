package org.chorusfeed.joining;

import org.chorusfeed.ChorusException;

/** The account asking to join is a member already (as {@link #handle()}). */
public final class AlreadyMemberException extends ChorusException {
    private static final long serialVersionUID = 1L;
    private final String handle;

    /** Creates the exception for the member the account already is. */
    public AlreadyMemberException(String handle) {
        super("this account is already the member @" + handle + "; one account joins once");
        this.handle = handle;
    }

    /** The handle of the member the account is. */
    public String handle() {
        return handle;
    }
}
