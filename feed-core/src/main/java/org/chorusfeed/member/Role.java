package org.chorusfeed.member;

/** What a member may do beyond posting. */
public enum Role {
    /** A member of the network: posts, replies, appreciates. */
    MEMBER,
    /** A hub admin: also admits, suspends and deletes. */
    ADMIN
}
