package org.chorusfeed.joining;

import org.chorusfeed.ChorusException;

/** The invitation is bound to one organisation and the person asked to join another. */
public final class WrongOrganisationException extends ChorusException {
    private static final long serialVersionUID = 1L;
    private final String invited;
    private final String asked;

    /** Creates the exception for the organisation of the invitation and the one asked for. */
    public WrongOrganisationException(String invited, String asked) {
        super("the invitation is for the organisation '" + invited + "', not '" + asked
                + "'; leave the organisation out or give '" + invited + "'");
        this.invited = invited;
        this.asked = asked;
    }

    /** The organisation the invitation is bound to. */
    public String invited() {
        return invited;
    }

    /** The organisation that was asked for. */
    public String asked() {
        return asked;
    }
}
