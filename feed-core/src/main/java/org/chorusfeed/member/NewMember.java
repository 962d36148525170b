package org.chorusfeed.member;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the hub knows of a person it admits or invites. Start with {@link #handle(String)}:
 *
 * <pre>{@code
 * NewMember.handle("ada").name("Ada Example").organisation("baltic-lab")
 * }</pre>
 *
 * @param handle       unique handle
 * @param name         display name (defaults to the handle)
 * @param organisation slug of an existing organisation, if any
 * @param role         member (default) or admin
 * @param bio          a few lines about them
 * @param links        up to five links
 * @param blogFeedUrl  their blog, if imported
 */
public record NewMember(String handle, String name, Optional<String> organisation, Role role, String bio,
        List<URI> links, Optional<URI> blogFeedUrl) {

    /** Checks every field. */
    public NewMember {
        Names.requireHandle(handle);
        name = Names.requireName("member name", name);
        organisation.ifPresent(slug -> Names.requireSlug("organisation slug", slug));
        bio = Names.requireBio(bio);
        links = Names.requireLinks(links);
        blogFeedUrl.ifPresent(url -> Names.requireWebUrl("blog feed URL", url));
    }

    /** A new member with this handle, named after it, in no organisation, role member. */
    public static NewMember handle(String handle) {
        return new NewMember(handle, handle, Optional.empty(), Role.MEMBER, "", List.of(), Optional.empty());
    }

    /** A copy with the given display name. */
    public NewMember name(String newName) {
        return new NewMember(handle, newName, organisation, role, bio, links, blogFeedUrl);
    }

    /** A copy in the given organisation. */
    public NewMember organisation(String slug) {
        return new NewMember(handle, name, Optional.of(slug), role, bio, links, blogFeedUrl);
    }

    /** A copy with the given role. */
    public NewMember role(Role newRole) {
        return new NewMember(handle, name, organisation, newRole, bio, links, blogFeedUrl);
    }

    /** A copy with the given bio. */
    public NewMember bio(String newBio) {
        return new NewMember(handle, name, organisation, role, newBio, links, blogFeedUrl);
    }

    /** A copy with the given profile links. */
    public NewMember links(List<URI> newLinks) {
        return new NewMember(handle, name, organisation, role, bio, newLinks, blogFeedUrl);
    }

    /** A copy with the given blog feed URL. */
    public NewMember blogFeedUrl(URI url) {
        return new NewMember(handle, name, organisation, role, bio, links, Optional.of(url));
    }
}
