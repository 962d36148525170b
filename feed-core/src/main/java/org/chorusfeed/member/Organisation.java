package org.chorusfeed.member;

import java.net.URI;
import java.util.Optional;

/**
 * A member organisation of the network (a company, a lab, the hub itself).
 *
 * @param slug    its identifier: lower-case letters, digits, {@code -}, {@code _}, 1 to 30
 * @param name    its display name
 * @param website its website, if it has one
 */
public record Organisation(String slug, String name, Optional<URI> website) {
    /** Checks every field. */
    public Organisation {
        Names.requireSlug("organisation slug", slug);
        name = Names.requireName("organisation name", name);
        website.ifPresent(url -> Names.requireWebUrl("organisation website", url));
    }

    /** An organisation without a website. */
    public static Organisation of(String slug, String name) {
        return new Organisation(slug, name, Optional.empty());
    }

    /** A copy with the given website. */
    public Organisation withWebsite(URI url) {
        return new Organisation(slug, name, Optional.of(url));
    }
}
