package org.chorusfeed.servlet.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.member.ProfileUpdate;

/** Reads a profile change from a JSON body: the member's own ({@code PATCH /api/me}) and an admin's. */
final class ProfileBodies {
    /** The fields of a profile change; {@code null} clears organisation, blog feed URL and language. */
    static final String[] FIELDS = {"name", "organisation", "bio", "links", "blogFeedUrl", "language"};

    private ProfileBodies() {
    }

    static ProfileUpdate update(JsonBody body) {
        ProfileUpdate update = ProfileUpdate.none();
        if (body.optionalString("name").isPresent()) {
            update = update.name(body.optionalString("name").get());
        }
        if (body.has("organisation")) {
            Optional<String> organisation = body.optionalString("organisation");
            update = organisation.isPresent() ? update.organisation(organisation.get()) : update.noOrganisation();
        }
        if (body.optionalString("bio").isPresent()) {
            update = update.bio(body.optionalString("bio").get());
        }
        Optional<List<String>> links = body.optionalStrings("links");
        if (links.isPresent()) {
            List<URI> uris = new ArrayList<>();
            for (String link : links.get()) {
                uris.add(JsonBody.uri("links", link));
            }
            update = update.links(uris);
        }
        if (body.has("blogFeedUrl")) {
            Optional<String> blog = body.optionalString("blogFeedUrl");
            update = blog.isPresent() ? update.blogFeedUrl(BlogRoutes.url(blog.get())) : update.noBlogFeedUrl();
        }
        if (body.has("language")) {
            Optional<String> language = body.optionalString("language");
            update = language.isPresent() ? update.language(language.get()) : update.noLanguage();
        }
        return update;
    }
}
