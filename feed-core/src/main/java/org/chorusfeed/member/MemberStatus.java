package org.chorusfeed.member;

/** Where a member stands in the network. */
public enum MemberStatus {
    /** Invited by the hub; becomes active on acceptance. Cannot post yet. */
    INVITED,
    /** A full member. */
    ACTIVE,
    /** Suspended by a hub admin. Cannot post, edit or appreciate; past posts stay. */
    SUSPENDED
}
