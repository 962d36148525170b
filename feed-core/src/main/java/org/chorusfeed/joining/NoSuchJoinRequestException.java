package org.chorusfeed.joining;

import org.chorusfeed.ChorusException;

/** No join request has this id. */
public final class NoSuchJoinRequestException extends ChorusException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the id asked for. */
    public NoSuchJoinRequestException(String id) {
        super("there is no join request " + id + "; list the join requests to see their ids");
    }
}
