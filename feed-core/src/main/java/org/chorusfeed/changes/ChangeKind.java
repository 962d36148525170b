package org.chorusfeed.changes;

/** What a change did. */
public enum ChangeKind {
    /** A post was published. */
    POST_CREATED,
    /** A post's text was edited. */
    POST_EDITED,
    /** A post's appreciation count changed. */
    POST_APPRECIATED,
    /** A post was deleted by its author or an admin. */
    POST_DELETED,
    /** A member was admitted or invited. */
    MEMBER_ADMITTED,
    /** A member's profile, role or status changed. */
    MEMBER_CHANGED,
    /** An organisation was created or changed. */
    ORGANISATION_CHANGED,
    // link previews
    /** A post's link preview was attached, replaced or removed. */
    POST_PREVIEWED,
    // data rights
    /** A member was erased: their profile is gone (their posts' removals come before it as {@code POST_DELETED}). */
    MEMBER_ERASED,
    // moderation (issue 7)
    /** An admin hid a post from every public read. */
    POST_HIDDEN,
    /** An admin showed a hidden post again. */
    POST_UNHIDDEN;

    /** Whether the change concerns a post (its {@link Change#post()} is present). */
    public boolean isPostChange() {
        return this == POST_CREATED || this == POST_EDITED || this == POST_APPRECIATED || this == POST_DELETED
                || this == POST_PREVIEWED || this == POST_HIDDEN || this == POST_UNHIDDEN;
    }
}
