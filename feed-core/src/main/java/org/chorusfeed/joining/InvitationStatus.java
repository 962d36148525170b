package org.chorusfeed.joining;

/** Whether an invitation can still be accepted, and if not, why. */
public enum InvitationStatus {
    /** It can be accepted. */
    OPEN,
    /** Every use has been taken. */
    USED_UP,
    /** Its time ran out. */
    EXPIRED,
    /** An admin withdrew it. */
    REVOKED
}
