package org.chorusfeed.moderation;

/** Where a report stands. */
public enum ReportStatus {
    /** Waiting for an admin. */
    OPEN,
    /** An admin decided the post may stay. */
    DISMISSED,
    /** An admin hid the post. */
    RESOLVED
}
