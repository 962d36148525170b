package org.chorusfeed.post;

/** Where a post came from. Both kinds are equals in the timeline. */
public enum SourceKind {
    /** Written in Chorus. */
    NATIVE,
    /** Imported from a member's own blog. */
    BLOG
}
