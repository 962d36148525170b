package org.chorusfeed.joining;

/** Where a join request stands. */
public enum JoinRequestStatus {
    /** Waiting for an admin. */
    PENDING,
    /** An admin approved it: the person is a member. */
    APPROVED,
    /** An admin declined it. */
    DECLINED
}
