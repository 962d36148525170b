package org.chorusfeed;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The handle is already used by another member, or was erased too recently to be taken again. */
public final class HandleTakenException extends ChorusException {
    private static final long serialVersionUID = 1L;
    private final String handle;
    private final @Nullable Instant freeFrom;

    /** Creates the exception for the handle that was taken. */
    public HandleTakenException(String handle) {
        super("the handle '" + handle + "' is already taken; choose another");
        this.handle = handle;
        this.freeFrom = null;
    }

    // data rights: a handle erased recently is refused until its quarantine ends
    private HandleTakenException(String handle, Instant erasedAt, Instant freeFrom) {
        super("the handle '" + handle + "' belonged to a member who was erased on " + erasedAt
                + "; it is kept from new members until " + freeFrom + ", so choose another");
        this.handle = handle;
        this.freeFrom = freeFrom;
    }

    /** The exception for a handle whose member was erased at {@code erasedAt}, refused until {@code freeFrom}. */
    public static HandleTakenException erasedRecently(String handle, Instant erasedAt, Instant freeFrom) {
        return new HandleTakenException(handle, erasedAt, freeFrom);
    }

    /** The handle that was asked for. */
    public String handle() {
        return handle;
    }

    /** When the handle can be taken again, if it is refused only because its member was erased recently. */
    public Optional<Instant> freeFrom() {
        return Optional.ofNullable(freeFrom);
    }
}
