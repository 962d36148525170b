package org.chorusfeed;

/** The handle is already used by another member. */
public final class HandleTakenException extends ChorusException {
    private static final long serialVersionUID = 1L;
    private final String handle;

    /** Creates the exception for the handle that was taken. */
    public HandleTakenException(String handle) {
        super("the handle '" + handle + "' is already taken; choose another");
        this.handle = handle;
    }

    /** The handle that was asked for. */
    public String handle() {
        return handle;
    }
}
