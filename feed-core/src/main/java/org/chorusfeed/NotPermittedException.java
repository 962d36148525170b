package org.chorusfeed;

/** The acting member may not do what was asked; {@link #reason()} says why. */
public final class NotPermittedException extends ChorusException {
    private static final long serialVersionUID = 1L;

    /** Why an act was refused. */
    public enum Reason {
        /** The member was invited but has not joined yet. */
        NOT_ACTIVE,
        /** The member is suspended by the hub. */
        SUSPENDED,
        /** Only the author may do this to a post. */
        NOT_AUTHOR,
        /** Only the author or a hub admin may do this. */
        NOT_AUTHOR_OR_ADMIN,
        /** Only a hub admin may do this. */
        NOT_ADMIN,
        /** The hub's last active admin cannot leave: the network would have nobody to run it. */
        LAST_ADMIN
    }

    private final Reason reason;

    /** Creates the exception with a reason and a message a person can act on. */
    public NotPermittedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the act was refused. */
    public Reason reason() {
        return reason;
    }
}
