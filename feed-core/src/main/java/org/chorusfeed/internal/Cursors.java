package org.chorusfeed.internal;

import org.chorusfeed.post.PostId;

/** Opaque timeline cursors: a version letter and a post id in base 36. Callers must treat them as opaque. */
public final class Cursors {
    private static final char VERSION = 'c';

    private Cursors() {
    }

    /** The cursor for a position just at this post. */
    public static String encode(PostId id) {
        return VERSION + Long.toString(id.value(), 36);
    }

    /** The post id inside a cursor; a malformed cursor is an {@link IllegalArgumentException}. */
    public static PostId decode(String cursor) {
        if (cursor.length() < 2 || cursor.length() > 14 || cursor.charAt(0) != VERSION) {
            throw malformed(cursor);
        }
        for (int i = 1; i < cursor.length(); i++) {
            char c = cursor.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
                throw malformed(cursor);
            }
        }
        try {
            long value = Long.parseLong(cursor, 1, cursor.length(), 36);
            if (value <= 0) {
                throw malformed(cursor);
            }
            return new PostId(value);
        } catch (NumberFormatException e) {
            throw malformed(cursor);
        }
    }

    private static IllegalArgumentException malformed(String cursor) {
        String shown = cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor;
        return new IllegalArgumentException("cursor '" + shown
                + "' is not a Chorus cursor; use the 'next' or 'prev' value of a timeline page as it is");
    }
}
