package org.chorusfeed.member;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A change to a member's own profile; fields left empty stay as they are.
 *
 * <pre>{@code
 * ProfileUpdate.none().name("Ada E.").bio("Printing circuits in Kiel")
 * }</pre>
 *
 * @param name         new display name
 * @param organisation new organisation: an empty inner Optional leaves the organisation
 * @param bio          new bio
 * @param links        new links
 * @param blogFeedUrl  new blog feed URL: an empty inner Optional removes it
 * @param language     new language (BCP 47): an empty inner Optional removes it
 */
public record ProfileUpdate(Optional<String> name, Optional<Optional<String>> organisation, Optional<String> bio,
        Optional<List<URI>> links, Optional<Optional<URI>> blogFeedUrl, Optional<Optional<String>> language) {

    /** An update that leaves the language as it is. */
    public ProfileUpdate(Optional<String> name, Optional<Optional<String>> organisation, Optional<String> bio,
            Optional<List<URI>> links, Optional<Optional<URI>> blogFeedUrl) {
        this(name, organisation, bio, links, blogFeedUrl, Optional.empty());
    }

    /** An update that changes nothing; add changes with the methods below. */
    public static ProfileUpdate none() {
        return new ProfileUpdate(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Also change the display name. */
    public ProfileUpdate name(String newName) {
        return new ProfileUpdate(Optional.of(newName), organisation, bio, links, blogFeedUrl, language);
    }

    /** Also move to the given organisation. */
    public ProfileUpdate organisation(String slug) {
        return new ProfileUpdate(name, Optional.of(Optional.of(slug)), bio, links, blogFeedUrl, language);
    }

    /** Also leave the current organisation. */
    public ProfileUpdate noOrganisation() {
        return new ProfileUpdate(name, Optional.of(Optional.empty()), bio, links, blogFeedUrl, language);
    }

    /** Also change the bio. */
    public ProfileUpdate bio(String newBio) {
        return new ProfileUpdate(name, organisation, Optional.of(newBio), links, blogFeedUrl, language);
    }

    /** Also replace the links. */
    public ProfileUpdate links(List<URI> newLinks) {
        return new ProfileUpdate(name, organisation, bio, Optional.of(List.copyOf(newLinks)), blogFeedUrl, language);
    }

    /** Also set the blog feed URL. */
    public ProfileUpdate blogFeedUrl(URI url) {
        return new ProfileUpdate(name, organisation, bio, links, Optional.of(Optional.of(url)), language);
    }

    /** Also remove the blog feed URL. */
    public ProfileUpdate noBlogFeedUrl() {
        return new ProfileUpdate(name, organisation, bio, links, Optional.of(Optional.empty()), language);
    }

    /** Also set the language (a BCP 47 tag like {@code de}). */
    public ProfileUpdate language(String tag) {
        return new ProfileUpdate(name, organisation, bio, links, blogFeedUrl, Optional.of(Optional.of(tag)));
    }

    /** Also remove the language. */
    public ProfileUpdate noLanguage() {
        return new ProfileUpdate(name, organisation, bio, links, blogFeedUrl, Optional.of(Optional.empty()));
    }

    /** Applies this update to a member, checking every changed field. */
    public Member applyTo(Member m) {
        return new Member(m.id(), m.handle(), name.orElse(m.name()), organisation.orElse(m.organisation()),
                bio.orElse(m.bio()), links.orElse(m.links()), blogFeedUrl.orElse(m.blogFeedUrl()), m.role(),
                m.status(), m.joinedAt(), m.account(), language.orElse(m.language()));
    }
}
