package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.NoSuchOrganisationException;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.ProfileUpdate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The public list of organisations, and what admins do to organisations and members' profiles. */
final class DirectoryRoutes {
    private final Chorus chorus;
    private final People people;

    DirectoryRoutes(Chorus chorus, People people) {
        this.chorus = chorus;
        this.people = people;
    }

    void addTo(RouteTable.Builder table) {
        table.add("GET", "/api/organisations", Access.READ, this::organisations)
                .add("PATCH", "/api/admin/organisations/{slug}", Access.ADMIN, this::changeOrganisation)
                .add("GET", "/api/admin/members", Access.ADMIN, this::members)
                .add("PATCH", "/api/admin/members/{handle}", Access.ADMIN, this::changeMember);
    }

    /** Every organisation with how many active members it has. */
    private void organisations(Exchange x) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (Member member : chorus.members().list()) {
            if (member.isActive() && member.organisation().isPresent()) {
                counts.merge(member.organisation().get(), 1, Integer::sum);
            }
        }
        ObjectNode node = Representations.object();
        ArrayNode items = node.putArray("items");
        for (Organisation organisation : chorus.organisations().list()) {
            ObjectNode item = Representations.organisation(organisation);
            item.put("members", counts.getOrDefault(organisation.slug(), 0));
            items.add(item);
        }
        x.jsonTagged(node, "no-cache");
    }

    private void changeOrganisation(Exchange x) throws IOException {
        String slug = x.parameter("slug");
        Organisation organisation = chorus.organisations().find(slug)
                .orElseThrow(() -> new NoSuchOrganisationException(JsonBody.printable(slug)));
        JsonBody body = x.body("name", "website", "description");
        if (body.optionalString("name").isPresent()) {
            organisation = organisation.withName(body.optionalString("name").get());
        }
        if (body.has("website")) {
            Optional<String> website = body.optionalString("website");
            organisation = website.isPresent() ? organisation.withWebsite(JsonBody.uri("website", website.get()))
                    : organisation.withoutWebsite();
        }
        if (body.has("description")) {
            organisation = organisation.withDescription(body.optionalString("description").orElse(""));
        }
        Organisation saved = chorus.organisations().save(organisation);
        chorus.audit().record(x.member().id(), "organisation.saved", "organisation:" + saved.slug(), null);
        x.response().setHeader("Cache-Control", "private, no-store");
        x.json(HttpServletResponse.SC_OK, Representations.organisation(saved));
    }

    /** Every member with this status (active, suspended, or all), by handle. */
    private void members(Exchange x) throws IOException {
        String status = x.query("status").orElse("active").toLowerCase(Locale.ROOT);
        Optional<MemberStatus> wanted = switch (status) {
            case "active" -> Optional.of(MemberStatus.ACTIVE);
            case "suspended" -> Optional.of(MemberStatus.SUSPENDED);
            case "all" -> Optional.empty();
            default -> throw new ProblemException(ProblemType.INVALID_PARAMETER, "status is '"
                    + JsonBody.printable(status) + "'; give active, suspended or all").with("parameter", "status");
        };
        Directory directory = new Directory(chorus, people);
        ObjectNode node = Representations.object();
        ArrayNode items = node.putArray("items");
        for (Member member : chorus.members().list()) {
            if (wanted.isEmpty() || member.status() == wanted.get()) {
                items.add(Representations.member(member, directory));
            }
        }
        x.response().setHeader("Cache-Control", "private, no-store");
        x.json(HttpServletResponse.SC_OK, node);
    }

    private void changeMember(Exchange x) throws IOException {
        Member member = MemberRoutes.byHandle(chorus, x.parameter("handle"));
        String[] fields = java.util.Arrays.copyOf(ProfileBodies.FIELDS, ProfileBodies.FIELDS.length + 1);
        fields[fields.length - 1] = "role";
        JsonBody body = x.body(fields);
        ProfileUpdate update = ProfileBodies.update(body);
        Optional<String> role = body.optionalString("role");
        // check the role before changing anything, so a bad role changes nothing
        Optional<org.chorusfeed.member.Role> newRole = role.map(AdminRoutes::role);
        Member changed = chorus.members().updateProfile(member.id(), update);
        if (newRole.isPresent()) {
            changed = chorus.members().changeRole(member.id(), newRole.get());
        }
        if (!changed.equals(member)) {
            chorus.audit().record(x.member().id(), "member.changed", "@" + changed.handle(), null);
        }
        x.response().setHeader("Cache-Control", "private, no-store");
        x.json(HttpServletResponse.SC_OK, Representations.member(changed, new Directory(chorus, people)));
    }
}
