package org.chorusfeed.member;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A person in the network.
 *
 * @param id           stable internal id
 * @param handle       unique handle, as in {@code @ada}
 * @param name         display name
 * @param organisation slug of the organisation they belong to, if any
 * @param bio          a few lines about what they do (may be empty)
 * @param links        up to five links (http or https)
 * @param blogFeedUrl  their own blog's feed or page, imported into the timeline
 * @param role         member or admin
 * @param status       invited, active or suspended
 * @param joinedAt     when they were admitted or invited
 * @param account      the host's stable id of the person (their login), if they joined through it; unique
 * @param language     the language they write in, as a BCP 47 tag like {@code de} or {@code pt-BR}, if they said
 */
public record Member(MemberId id, String handle, String name, Optional<String> organisation, String bio,
        List<URI> links, Optional<URI> blogFeedUrl, Role role, MemberStatus status, Instant joinedAt,
        Optional<String> account, Optional<String> language) {

    /** Checks every field. */
    public Member {
        Names.requireHandle(handle);
        name = Names.requireName("member name", name);
        organisation.ifPresent(slug -> Names.requireSlug("organisation slug", slug));
        bio = Names.requireBio(bio);
        links = Names.requireLinks(links);
        blogFeedUrl.ifPresent(url -> Names.requireWebUrl("blog feed URL", url));
        account.ifPresent(ProfileRules::requireAccount);
        language.ifPresent(ProfileRules::requireLanguage);
    }

    /** A member without an account or language. */
    public Member(MemberId id, String handle, String name, Optional<String> organisation, String bio, List<URI> links,
            Optional<URI> blogFeedUrl, Role role, MemberStatus status, Instant joinedAt) {
        this(id, handle, name, organisation, bio, links, blogFeedUrl, role, status, joinedAt, Optional.empty(),
                Optional.empty());
    }

    /** Whether this member may post, edit and appreciate now. */
    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }

    /** Whether this member is a hub admin. */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this member is a hub admin who may act as one now (not suspended, not only invited). */
    public boolean isActiveAdmin() {
        return isAdmin() && isActive();
    }

    /** A copy with another status. */
    public Member withStatus(MemberStatus newStatus) {
        return new Member(id, handle, name, organisation, bio, links, blogFeedUrl, role, newStatus, joinedAt, account,
                language);
    }

    /** A copy with another role. */
    public Member withRole(Role newRole) {
        return new Member(id, handle, name, organisation, bio, links, blogFeedUrl, newRole, status, joinedAt, account,
                language);
    }
}
