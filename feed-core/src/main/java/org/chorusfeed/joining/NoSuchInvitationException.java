package org.chorusfeed.joining;

import org.chorusfeed.ChorusException;

/** No invitation has this code or id. */
public final class NoSuchInvitationException extends ChorusException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code what} says what was looked for, never the secret code itself. */
    public NoSuchInvitationException(String what) {
        super("there is no invitation " + what + "; check the link, or ask the hub for a new one");
    }
}
