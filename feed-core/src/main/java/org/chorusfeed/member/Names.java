package org.chorusfeed.member;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** The rules for handles, slugs, display names and member links, shared by every value type here. */
public final class Names {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9_-]{1,30}");

    /** Longest display name, in chars. */
    public static final int MAX_NAME_LENGTH = 80;
    /** Longest bio, in chars. */
    public static final int MAX_BIO_LENGTH = 300;
    /** Most links on a profile. */
    public static final int MAX_LINKS = 5;

    private Names() {
    }

    /** Checks a member handle: lower-case letters, digits, {@code -} and {@code _}, 1 to 30 of them. */
    public static String requireHandle(String handle) {
        return requireSlug("handle", handle);
    }

    /** Checks an identifier of the same form as a handle; {@code what} names it in the message. */
    public static String requireSlug(String what, String value) {
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' is not allowed; use 1 to 30 lower-case letters, digits, '-' or '_'");
        }
        return value;
    }

    /** Whether {@code value} has the form of a handle. */
    public static boolean isHandle(String value) {
        return SLUG.matcher(value).matches();
    }

    /** Checks a display name: 1 to 80 characters, no control characters, not blank. */
    public static String requireName(String what, String value) {
        String name = value.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty; give 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(what + " is " + name.length() + " characters; the limit is " + MAX_NAME_LENGTH);
        }
        requireNoControl(what, name, false);
        return name;
    }

    /** Checks a bio: at most 300 characters; line breaks allowed, other control characters not. */
    public static String requireBio(String value) {
        String bio = value.strip();
        if (bio.length() > MAX_BIO_LENGTH) {
            throw new IllegalArgumentException("bio is " + bio.length() + " characters; the limit is " + MAX_BIO_LENGTH);
        }
        requireNoControl("bio", bio, true);
        return bio;
    }

    /** Checks profile links: at most five, each an absolute http or https URL. */
    public static List<URI> requireLinks(List<URI> links) {
        if (links.size() > MAX_LINKS) {
            throw new IllegalArgumentException("a profile has " + links.size() + " links; the limit is " + MAX_LINKS);
        }
        links.forEach(link -> requireWebUrl("link", link));
        return List.copyOf(links);
    }

    /** Checks that a URL is absolute http or https with a host. */
    public static URI requireWebUrl(String what, URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(what + " '" + url + "' is not allowed; use an absolute http or https URL");
        }
        return url;
    }

    private static void requireNoControl(String what, String value, boolean newlinesAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(newlinesAllowed && c == '\n')) {
                throw new IllegalArgumentException(String.format(
                        "%s contains the control character U+%04X at position %d; %s", what, (int) c, i,
                        newlinesAllowed ? "only line breaks are allowed" : "none are allowed"));
            }
        }
    }
}
