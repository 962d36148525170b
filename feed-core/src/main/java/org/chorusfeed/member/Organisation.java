package org.chorusfeed.member;

import java.net.URI;
import java.util.Optional;

/**
 * A member organisation of the network (a company, a lab, the hub itself).
 *
 * @param slug    its identifier: lower-case letters, digits, {@code -}, {@code _}, 1 to 30
 * @param name    its display name
 * @param website     its website, if it has one
 * @param description what it does, in a few lines (may be empty; at most {@value #MAX_DESCRIPTION_LENGTH} characters)
 */
public record Organisation(String slug, String name, Optional<URI> website, String description) {
    /** The longest description. */
    public static final int MAX_DESCRIPTION_LENGTH = 300;

    /** Checks every field. */
    public Organisation {
        Names.requireSlug("organisation slug", slug);
        name = Names.requireName("organisation name", name);
        website.ifPresent(url -> Names.requireWebUrl("organisation website", url));
        description = ProfileRules.requireDescription(description, MAX_DESCRIPTION_LENGTH);
    }

    /** An organisation without a description. */
    public Organisation(String slug, String name, Optional<URI> website) {
        this(slug, name, website, "");
    }

    /** An organisation without a website. */
    public static Organisation of(String slug, String name) {
        return new Organisation(slug, name, Optional.empty());
    }

    /** A copy with the given website. */
    public Organisation withWebsite(URI url) {
        return new Organisation(slug, name, Optional.of(url), description);
    }

    /** A copy without a website. */
    public Organisation withoutWebsite() {
        return new Organisation(slug, name, Optional.empty(), description);
    }

    /** A copy with another name. */
    public Organisation withName(String newName) {
        return new Organisation(slug, newName, website, description);
    }

    /** A copy with the given description. */
    public Organisation withDescription(String newDescription) {
        return new Organisation(slug, name, website, newDescription);
    }
}
