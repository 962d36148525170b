package org.chorusfeed;

/** A domain failure the caller can act on: the base type of every Chorus-specific exception. */
public abstract class ChorusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that says what went wrong and what is allowed. */
    protected ChorusException(String message) {
        super(message);
    }
}
