package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.access.IssuedToken;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.Role;
import org.chorusfeed.moderation.Reasons;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What hub admins do: organisations, admitting members, their tokens, suspending and reinstating. */
final class AdminRoutes {
    private final Chorus chorus;
    private final People people;

    AdminRoutes(Chorus chorus, People people) {
        this.chorus = chorus;
        this.people = people;
    }

    void addTo(RouteTable.Builder table) {
        table.add("GET", "/api/admin/organisations", Access.ADMIN, this::organisations)
                .add("POST", "/api/admin/organisations", Access.ADMIN, this::saveOrganisation)
                .add("POST", "/api/admin/members", Access.ADMIN, this::admit)
                .add("POST", "/api/admin/members/{handle}/tokens", Access.ADMIN, this::issueToken)
                .add("DELETE", "/api/admin/members/{handle}/tokens/{id}", Access.ADMIN, this::revokeToken)
                .add("POST", "/api/admin/members/{handle}/suspend", Access.ADMIN, this::suspend)
                .add("POST", "/api/admin/members/{handle}/reinstate", Access.ADMIN, this::reinstate);
    }

    private void organisations(Exchange x) throws IOException {
        ObjectNode node = Representations.object();
        ArrayNode items = node.putArray("items");
        for (Organisation organisation : chorus.organisations().list()) {
            items.add(Representations.organisation(organisation));
        }
        x.response().setHeader("Cache-Control", "private, no-store");
        x.json(HttpServletResponse.SC_OK, node);
    }

    private void saveOrganisation(Exchange x) throws IOException {
        JsonBody body = x.body("slug", "name", "website");
        Organisation organisation = Organisation.of(body.requiredString("slug"), body.requiredString("name"));
        Optional<String> website = body.optionalString("website");
        if (website.isPresent()) {
            organisation = organisation.withWebsite(JsonBody.uri("website", website.get()));
        }
        boolean existed = chorus.organisations().find(organisation.slug()).isPresent();
        Organisation saved = chorus.organisations().save(organisation);
        chorus.audit().record(x.member().id(), "organisation.saved", "organisation:" + saved.slug(), null);
        x.json(existed ? HttpServletResponse.SC_OK : HttpServletResponse.SC_CREATED, Representations.organisation(saved));
    }

    private void admit(Exchange x) throws IOException {
        JsonBody body = x.body("handle", "name", "organisation", "role");
        NewMember member = NewMember.handle(body.requiredString("handle")).name(body.requiredString("name"));
        Optional<String> organisation = body.optionalString("organisation");
        if (organisation.isPresent()) {
            member = member.organisation(organisation.get());
        }
        Optional<String> role = body.optionalString("role");
        if (role.isPresent()) {
            member = member.role(role(role.get()));
        }
        Member admitted = chorus.members().admit(member);
        chorus.audit().record(x.member().id(), "member.admitted", "@" + admitted.handle(), null);
        x.response().setHeader("Location", Mount.basePath(x.request()) + "/api/members/" + admitted.handle());
        x.json(HttpServletResponse.SC_CREATED, Representations.member(admitted, new Directory(chorus, people)));
    }

    private void issueToken(Exchange x) throws IOException {
        Member member = MemberRoutes.byHandle(chorus, x.parameter("handle"));
        String label = "issued by @" + x.member().handle();
        if (hasBody(x)) {
            label = x.body("label").optionalString("label").orElse(label);
        }
        IssuedToken issued = chorus.tokens().issue(member.id(), label);
        chorus.audit().record(x.member().id(), "token.issued", "@" + member.handle(), null);
        MemberRoutes.issued(x, issued);
    }

    private void revokeToken(Exchange x) {
        Member member = MemberRoutes.byHandle(chorus, x.parameter("handle"));
        MemberRoutes.revoke(chorus, x, member);
        chorus.audit().record(x.member().id(), "token.revoked", "@" + member.handle(), null);
    }

    private void suspend(Exchange x) throws IOException {
        Member member = MemberRoutes.byHandle(chorus, x.parameter("handle"));
        String reason = reason(x);
        Member suspended = chorus.members().suspend(member.id());
        chorus.audit().record(x.member().id(), "member.suspended", "@" + member.handle(), reason);
        x.json(HttpServletResponse.SC_OK, Representations.member(suspended, new Directory(chorus, people)));
    }

    private void reinstate(Exchange x) throws IOException {
        Member member = MemberRoutes.byHandle(chorus, x.parameter("handle"));
        String reason = reason(x);
        Member reinstated = chorus.members().reinstate(member.id());
        chorus.audit().record(x.member().id(), "member.reinstated", "@" + member.handle(), reason);
        x.json(HttpServletResponse.SC_OK, Representations.member(reinstated, new Directory(chorus, people)));
    }

    /** The optional {@code {"reason"}} of an admin act, checked before the act; null when none was given. */
    static @Nullable String reason(Exchange x) throws IOException {
        if (!hasBody(x)) {
            return null;
        }
        return Reasons.optional("reason", x.body("reason").optionalString("reason").orElse(null)).orElse(null);
    }

    static boolean hasBody(Exchange x) {
        return x.request().getContentLengthLong() > 0 || x.request().getHeader("Transfer-Encoding") != null;
    }

    static Role role(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "member" -> Role.MEMBER;
            case "admin" -> Role.ADMIN;
            default -> throw new ProblemException(ProblemType.INVALID_REQUEST, "role is '" + JsonBody.printable(value)
                    + "'; give member or admin").with("field", "role");
        };
    }
}
