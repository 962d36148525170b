package org.chorusfeed.post;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a post's link looks like, read from the linked page (OpenGraph, Twitter card, title, description).
 * Plain text only; the image is a copy kept by the hub, never a third-party address.
 *
 * @param url         the page the preview describes (after redirects); http or https
 * @param title       the page's title, plain text, 1 to {@link #MAX_TITLE} characters
 * @param description the page's description, plain text, at most {@link #MAX_DESCRIPTION} characters, possibly empty
 * @param siteName    the site's name, plain text, at most {@link #MAX_SITE_NAME} characters, possibly empty
 * @param image       the key of the hub's own copy of the page's image ({@link PreviewImage#key()}), if it had a
 *                    usable one
 */
public record LinkPreview(URI url, String title, String description, String siteName, Optional<String> image) {
    /** The most characters (code points) of a title. */
    public static final int MAX_TITLE = 200;
    /** The most characters (code points) of a description. */
    public static final int MAX_DESCRIPTION = 300;
    /** The most characters (code points) of a site name. */
    public static final int MAX_SITE_NAME = 100;

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    /** Checks every field: present, within its length, a web URL, an image key as {@link PreviewImage} makes them. */
    public LinkPreview {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("preview url is \"" + url + "\"; it must be an http or https URL");
        }
        requireLength("title", title, 1, MAX_TITLE);
        requireLength("description", description, 0, MAX_DESCRIPTION);
        requireLength("siteName", siteName, 0, MAX_SITE_NAME);
        Objects.requireNonNull(image, "image").ifPresent(key -> {
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("preview image key is \"" + key
                        + "\"; it must be 64 lower-case hex digits (a SHA-256)");
            }
        });
    }

    private static void requireLength(String name, String value, int min, int max) {
        Objects.requireNonNull(value, name);
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new IllegalArgumentException("preview " + name + " is " + length + " characters; it must be "
                    + min + " to " + max);
        }
    }
}
