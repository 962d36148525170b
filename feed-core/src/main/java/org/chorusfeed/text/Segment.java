package org.chorusfeed.text;

import java.util.Locale;
import java.util.Objects;

/**
 * One piece of a post's text: plain text, a link, a mention of a member or a tag.
 *
 * <p>The texts of a post's segments concatenate exactly to the post's text; a segment is never empty.
 * Nothing in a segment is markup: a renderer shows {@link #text()} as text (for example with
 * {@code textContent}) and only uses {@link Link#href()} as a link target, which is always http or https.
 */
public sealed interface Segment permits Segment.Text, Segment.Link, Segment.Mention, Segment.Tag {

    /** The exact characters of the post this segment covers; never empty. */
    String text();

    /**
     * Plain text, shown as it is.
     *
     * @param text the characters
     */
    record Text(String text) implements Segment {
        /** Refuses empty text. */
        public Text {
            requireText(text);
        }
    }

    /**
     * A web link.
     *
     * @param text what the post shows (for links found in post text, the link itself)
     * @param href where it leads; always an {@code http} or {@code https} URL
     */
    record Link(String text, String href) implements Segment {
        /** Refuses empty text and any href that is not an http or https URL. */
        public Link {
            requireText(text);
            Objects.requireNonNull(href, "href");
            if (!isWebUrl(href)) {
                throw new IllegalArgumentException("href is \"" + href + "\"; only http:// and https:// links are allowed");
            }
        }
    }

    /**
     * A mention of a member, such as {@code @Ada}.
     *
     * @param text   what the post shows, including the {@code @}, in the case the author wrote
     * @param handle the member's handle, lower-case: letters {@code a-z}, digits, {@code -} and {@code _}
     */
    record Mention(String text, String handle) implements Segment {
        /** Refuses empty text and handles that are not lower-case handles. */
        public Mention {
            requireText(text);
            Objects.requireNonNull(handle, "handle");
            if (!isLowerCaseHandle(handle)) {
                throw new IllegalArgumentException("handle is \"" + handle
                        + "\"; a handle is 1 to 30 lower-case letters a-z, digits, '-' or '_'");
            }
        }
    }

    /**
     * A tag, such as {@code #BalticLab}.
     *
     * @param text what the post shows, including the {@code #}
     * @param tag  the tag without {@code #}, as written; compare tags lower-cased with {@link Locale#ROOT}
     */
    record Tag(String text, String tag) implements Segment {
        /** Refuses empty text or tag. */
        public Tag {
            requireText(text);
            Objects.requireNonNull(tag, "tag");
            if (tag.isEmpty()) {
                throw new IllegalArgumentException("tag is empty; a tag needs at least one letter");
            }
        }
    }

    private static void requireText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text is empty; a segment covers at least one character");
        }
    }

    /** Whether {@code href} starts with http:// or https://, ignoring ASCII case only (so no "httpſ://"). */
    private static boolean isWebUrl(String href) {
        return startsWithIgnoringAsciiCase(href, "http://") || startsWithIgnoringAsciiCase(href, "https://");
    }

    private static boolean startsWithIgnoringAsciiCase(String s, String lowerCasePrefix) {
        if (s.length() < lowerCasePrefix.length()) {
            return false;
        }
        for (int i = 0; i < lowerCasePrefix.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lowerCasePrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerCaseHandle(String handle) {
        if (handle.isEmpty() || handle.length() > Segmenter.MAX_HANDLE_LENGTH) {
            return false;
        }
        for (int i = 0; i < handle.length(); i++) {
            char c = handle.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
