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
 * @param account      the host's id of the person, if they join through the host's login
 * @param language     the language they write in (BCP 47), if known
 */
public record NewMember(String handle, String name, Optional<String> organisation, Role role, String bio,
        List<URI> links, Optional<URI> blogFeedUrl, Optional<String> account, Optional<String> language) {

    /** Checks every field. */
    public NewMember {
        Names.requireHandle(handle);
        name = Names.requireName("member name", name);
        organisation.ifPresent(slug -> Names.requireSlug("organisation slug", slug));
        bio = Names.requireBio(bio);
        links = Names.requireLinks(links);
        blogFeedUrl.ifPresent(url -> Names.requireWebUrl("blog feed URL", url));
        account.ifPresent(ProfileRules::requireAccount);
        language.ifPresent(ProfileRules::requireLanguage);
    }

    /** A new member without an account or language. */
    public NewMember(String handle, String name, Optional<String> organisation, Role role, String bio, List<URI> links,
            Optional<URI> blogFeedUrl) {
        this(handle, name, organisation, role, bio, links, blogFeedUrl, Optional.empty(), Optional.empty());
    }

    /** A new member with this handle, named after it, in no organisation, role member. */
    public static NewMember handle(String handle) {
        return new NewMember(handle, handle, Optional.empty(), Role.MEMBER, "", List.of(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** A copy with the given display name. */
    public NewMember name(String newName) {
        return new NewMember(handle, newName, organisation, role, bio, links, blogFeedUrl, account, language);
    }

    /** A copy in the given organisation. */
    public NewMember organisation(String slug) {
        return new NewMember(handle, name, Optional.of(slug), role, bio, links, blogFeedUrl, account, language);
    }

    /** A copy with the given role. */
    public NewMember role(Role newRole) {
        return new NewMember(handle, name, organisation, newRole, bio, links, blogFeedUrl, account, language);
    }

    /** A copy with the given bio. */
    public NewMember bio(String newBio) {
        return new NewMember(handle, name, organisation, role, newBio, links, blogFeedUrl, account, language);
    }

    /** A copy with the given profile links. */
    public NewMember links(List<URI> newLinks) {
        return new NewMember(handle, name, organisation, role, bio, newLinks, blogFeedUrl, account, language);
    }

    /** A copy with the given blog feed URL. */
    public NewMember blogFeedUrl(URI url) {
        return new NewMember(handle, name, organisation, role, bio, links, Optional.of(url), account, language);
    }

    /** A copy for the person with this account at the host (see {@link Member#account()}). */
    public NewMember account(String hostAccount) {
        return new NewMember(handle, name, organisation, role, bio, links, blogFeedUrl, Optional.of(hostAccount),
                language);
    }

    /** A copy writing in this language (a BCP 47 tag like {@code de}). */
    public NewMember language(String tag) {
        return new NewMember(handle, name, organisation, role, bio, links, blogFeedUrl, account, Optional.of(tag));
    }

    /** A copy in no organisation. */
    public NewMember noOrganisation() {
        return new NewMember(handle, name, Optional.empty(), role, bio, links, blogFeedUrl, account, language);
    }
}
