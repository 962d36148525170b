package org.chorusfeed.post;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What a post's link looks like, read from the linked page (OpenGraph, Twitter card, title, description).
 * Plain text only; the image is a copy kept by the hub, never a third-party address.
 *
 * @param url         the page the preview describes (after redirects)
 * @param title       the page's title, plain text
 * @param description the page's description, plain text, possibly empty
 * @param siteName    the site's name, plain text, possibly empty
 * @param image       the key of the hub's own copy of the page's image, if it had a usable one
 */
public record LinkPreview(URI url, String title, String description, String siteName, Optional<String> image) {

    /** Checks that every field is present. */
    public LinkPreview {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(image, "image");
    }
}
