package org.chorusfeed.servlet;

import static org.chorusfeed.servlet.Clients.json;
import static org.chorusfeed.servlet.Clients.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.Role;
import org.chorusfeed.moderation.AuditEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Joining the network over real HTTP in a real container: invitations from creation to acceptance (and every way
 * an acceptance is refused), approval mode, organisations, the directory, the admin's member list, and who may use
 * each of these routes. Two mounts over one Chorus: {@code /chorus/*} admits by invitation only, {@code /approval/*}
 * also takes join requests. {@code /login?account=...} signs a browser in as a person of the host, member or not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JoiningSuite {
    private final TestServer.Factory factory;
    private final AtomicInteger names = new AtomicInteger();
    private TestServer server;
    private Chorus chorus;
    private MutableClock clock;
    private String rootToken;
    private String adaToken;
    private Client root;
    private Client ada;
    private Client anonymous;

    JoiningSuite(TestServer.Factory factory) {
        this.factory = factory;
    }

    @BeforeAll
    void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        chorus = Chorus.builder().inMemory().clock(clock).build();
        chorus.organisations().save(Organisation.of("baltic-lab", "Baltic Lab"));
        chorus.organisations().save(Organisation.of("nordic", "Nordic Works"));
        Member admin = chorus.members().admit(NewMember.handle("root").name("Hub Admin").role(Role.ADMIN));
        Member adaMember = chorus.members().admit(NewMember.handle("ada").name("Ada Example").organisation("baltic-lab"));
        rootToken = chorus.tokens().issue(admin.id(), "tests").secret();
        adaToken = chorus.tokens().issue(adaMember.id(), "tests").secret();
        ChorusServlet invitationsOnly = new ChorusServlet(ChorusServletConfig.builder(chorus)
                .memberResolver(LoginServlet.RESOLVER).writesPerMinutePerMember(100_000)
                .writesPerMinutePerAddress(100_000).build());
        ChorusServlet approval = new ChorusServlet(ChorusServletConfig.builder(chorus)
                .memberResolver(LoginServlet.RESOLVER).writesPerMinutePerMember(100_000)
                .writesPerMinutePerAddress(100_000).approvalRequests(true).build());
        server = factory.start(List.of(new TestServer.Mount("/chorus/*", invitationsOnly),
                new TestServer.Mount("/approval/*", approval), new TestServer.Mount("/login", new LoginServlet())),
                Map.of());
        root = Client.script(server.root(), rootToken);
        ada = Client.script(server.root(), adaToken);
        anonymous = Client.script(server.root(), "");
    }

    @AfterAll
    void stop() {
        server.close();
        chorus.close();
    }

    // helpers

    /** A name no other test uses, for handles and accounts. */
    private String unique(String prefix) {
        return prefix + names.incrementAndGet();
    }

    /** A browser signed in at the host as this account, which is not a member (yet). */
    private Visitor visitor(String account) {
        Client browser = Client.browser(server.root());
        assertThat(browser.get("/login?account=" + account).status()).isEqualTo(204);
        return new Visitor(browser, account);
    }

    /** A browser of a person signed in at the host, writing with the session's CSRF token from the hub's own origin. */
    private final class Visitor {
        final Client browser;
        final String account;

        Visitor(Client browser, String account) {
            this.browser = browser;
            this.account = account;
        }

        JsonNode session(String mount) {
            return browser.get(mount + "/api/session").json();
        }

        Client.Response send(String method, String path, String body) {
            String mount = path.substring(0, path.indexOf("/api/"));
            String csrf = session(mount).path("csrf").asString();
            return browser.send(method, path, body, "X-Chorus-CSRF", csrf, "Origin", server.root().toString());
        }

        Client.Response accept(String code, Object... fields) {
            return send("POST", "/chorus/api/invitations/" + code + "/accept", json(fields));
        }
    }

    private JsonNode invite(Object... fields) {
        Client.Response created = root.send("POST", "/chorus/api/admin/invitations", json(fields));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    // invitations

    @Test
    void invitation_createdByAnAdmin_isShownToAnyone_andAcceptedBySomeoneSignedInWhoPicksAHandle() {
        JsonNode invitation = invite("organisation", "baltic-lab", "note", "for the lab's new engineer");
        assertThat(invitation.path("id").isString()).isTrue();
        assertThat(invitation.path("code").asString()).matches("[A-Za-z0-9_-]{22}");
        assertThat(invitation.path("organisation").path("slug").asString()).isEqualTo("baltic-lab");
        assertThat(invitation.path("organisation").path("name").asString()).isEqualTo("Baltic Lab");
        assertThat(invitation.path("uses").asInt()).isEqualTo(1);
        assertThat(invitation.path("used").asInt()).isZero();
        assertThat(invitation.path("expiresAt").asString()).isEqualTo(
                Instant.parse(invitation.path("createdAt").asString()).plus(Duration.ofDays(14)).toString()
                        .replace("Z", ".000Z"));
        assertThat(invitation.path("createdBy").asString()).isEqualTo("root");
        assertThat(invitation.path("note").asString()).isEqualTo("for the lab's new engineer");
        assertThat(invitation.path("status").asString()).isEqualTo("open");
        String code = invitation.path("code").asString();

        Client.Response shown = anonymous.get("/chorus/api/invitations/" + code);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().path("organisation").path("slug").asString()).isEqualTo("baltic-lab");
        assertThat(shown.json().path("status").asString()).isEqualTo("open");
        assertThat(shown.json().has("code")).as("the public view does not repeat the secret").isFalse();

        String account = unique("visitor-");
        Visitor visitor = visitor(account);
        JsonNode before = visitor.session("/chorus");
        assertThat(before.path("account").asString()).isEqualTo(account);
        assertThat(before.path("member").isNull()).isTrue();
        assertThat(before.path("csrf").asString()).isNotBlank();
        assertThat(before.path("joining").asString()).isEqualTo("invitation");
        assertThat(before.path("joinRequest").isNull()).isTrue();

        String handle = unique("newbie");
        Client.Response accepted = visitor.accept(code, "handle", handle, "name", "New Engineer");
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(201);
        assertThat(accepted.json().path("handle").asString()).isEqualTo(handle);
        assertThat(accepted.json().path("organisation").path("slug").asString()).isEqualTo("baltic-lab");
        assertThat(accepted.json().path("status").asString()).isEqualTo("active");
        assertThat(accepted.json().path("role").asString()).isEqualTo("member");

        assertThat(visitor.session("/chorus").path("member").path("handle").asString()).isEqualTo(handle);
        Client.Response posted = visitor.send("POST", "/chorus/api/posts", json("text", "Hello from my first day"));
        assertThat(posted.status()).as("the new member posts at once: %s", posted).isEqualTo(201);
        JsonNode listed = root.get("/chorus/api/admin/invitations").json().path("items").get(0);
        assertThat(listed.path("id").asString()).isEqualTo(invitation.path("id").asString());
        assertThat(listed.path("used").asInt()).isEqualTo(1);
        assertThat(listed.path("status").asString()).isEqualTo("used-up");
    }

    @Test
    void singleUseInvitation_acceptedAgain_isGoneAsUsedUp() {
        String code = invite().path("code").asString();
        assertThat(visitor(unique("v-")).accept(code, "handle", unique("first"), "name", "First").status())
                .isEqualTo(201);

        Client.Response again = visitor(unique("v-")).accept(code, "handle", unique("second"), "name", "Second");

        assertProblem(again, 410, "invitation-gone");
        assertThat(again.json().path("invitationStatus").asString()).isEqualTo("used-up");
        assertThat(again.json().path("detail").asString()).contains("used up");
        assertProblem(anonymous.get("/chorus/api/invitations/" + code), 410, "invitation-gone");
    }

    @Test
    void threeUseInvitation_admitsThree_andRefusesTheFourth() {
        JsonNode invitation = invite("uses", 3);
        String code = invitation.path("code").asString();
        for (int i = 0; i < 3; i++) {
            Client.Response accepted = visitor(unique("v-")).accept(code, "handle", unique("team"), "name", "Team");
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(201);
        }

        assertProblem(visitor(unique("v-")).accept(code, "handle", unique("late"), "name", "Late"), 410,
                "invitation-gone");
        JsonNode listed = find(root.get("/chorus/api/admin/invitations").json(), invitation.path("id").asString());
        assertThat(listed.path("used").asInt()).isEqualTo(3);
        assertThat(listed.path("status").asString()).isEqualTo("used-up");
    }

    @Test
    void invitation_pastItsExpiry_isGoneAsExpired() {
        String code = invite("expiresInDays", 1).path("code").asString();
        clock.advance(Duration.ofDays(1));
        try {
            Client.Response shown = anonymous.get("/chorus/api/invitations/" + code);
            assertProblem(shown, 410, "invitation-gone");
            assertThat(shown.json().path("invitationStatus").asString()).isEqualTo("expired");
            Client.Response accepted = visitor(unique("v-")).accept(code, "handle", unique("slow"), "name", "Slow");
            assertProblem(accepted, 410, "invitation-gone");
            assertThat(accepted.json().path("detail").asString()).contains("expired");
        } finally {
            clock.advance(Duration.ofHours(1));
        }
    }

    @Test
    void revokedInvitation_isGone_andListedAsRevoked() {
        JsonNode invitation = invite("uses", 5);
        String id = invitation.path("id").asString();
        Client.Response revoked = root.send("DELETE", "/chorus/api/admin/invitations/" + id, null);
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(204);

        Client.Response accepted = visitor(unique("v-")).accept(invitation.path("code").asString(),
                "handle", unique("late"), "name", "Late");
        assertProblem(accepted, 410, "invitation-gone");
        assertThat(accepted.json().path("invitationStatus").asString()).isEqualTo("revoked");
        assertThat(find(root.get("/chorus/api/admin/invitations").json(), id).path("status").asString())
                .isEqualTo("revoked");
        assertProblem(root.send("DELETE", "/chorus/api/admin/invitations/999999", null), 404, "invitation-not-found");
        assertProblem(root.send("DELETE", "/chorus/api/admin/invitations/abc", null), 404, "invitation-not-found");
    }

    @Test
    void invitationForAnOrganisation_acceptedNamingAnother_isRefused_andNamingNoneJoinsItsOrganisation() {
        String code = invite("organisation", "nordic").path("code").asString();
        Visitor visitor = visitor(unique("v-"));

        Client.Response wrong = visitor.accept(code, "handle", unique("nils"), "name", "Nils", "organisation",
                "baltic-lab");
        assertProblem(wrong, 422, "wrong-organisation");
        assertThat(wrong.json().path("organisation").asString()).isEqualTo("nordic");

        Client.Response right = visitor.accept(code, "handle", unique("nils"), "name", "Nils");
        assertThat(right.status()).as("%s", right).isEqualTo(201);
        assertThat(right.json().path("organisation").path("slug").asString()).isEqualTo("nordic");
    }

    @Test
    void acceptingWithATakenHandle_isAConflict_andLeavesTheInvitationForAnotherTry() {
        String code = invite().path("code").asString();
        Visitor visitor = visitor(unique("v-"));

        assertProblem(visitor.accept(code, "handle", "ada", "name", "Not Ada"), 409, "handle-taken");
        assertThat(visitor.accept(code, "handle", unique("ada"), "name", "Another Ada").status()).isEqualTo(201);
    }

    @Test
    void acceptingAsSomeoneWhoIsAMemberAlready_isAConflict() {
        String code = invite("uses", 2).path("code").asString();
        Visitor visitor = visitor(unique("v-"));
        assertThat(visitor.accept(code, "handle", unique("once"), "name", "Once").status()).isEqualTo(201);

        assertProblem(visitor.accept(code, "handle", unique("twice"), "name", "Twice"), 409, "already-member");
        Client.Response adaAccepts = ada.send("POST", "/chorus/api/invitations/" + code + "/accept",
                json("handle", unique("ada"), "name", "Ada again"));
        assertProblem(adaAccepts, 409, "already-member");
    }

    @Test
    void unknownOrMalformedCodes_areNotFound_andAcceptanceNeedsTheCsrfToken() {
        assertProblem(anonymous.get("/chorus/api/invitations/AAAAAAAAAAAAAAAAAAAAAA"), 404, "invitation-not-found");
        assertProblem(anonymous.get("/chorus/api/invitations/%3Cscript%3E"), 404, "invitation-not-found");
        String code = invite().path("code").asString();
        Visitor visitor = visitor(unique("v-"));

        Client.Response noToken = visitor.browser.send("POST", "/chorus/api/invitations/" + code + "/accept",
                json("handle", unique("h"), "name", "H"), "Origin", server.root().toString());
        assertProblem(noToken, 403, "csrf-token-invalid");
        assertThat(anonymous.get("/chorus/api/invitations/" + code).status()).as("still open").isEqualTo(200);
    }

    @Test
    void createInvitation_checksEachLimitAtAndJustPastItsEdge() {
        assertThat(invite("uses", 1000, "expiresInDays", 90, "note", "n".repeat(200)).path("uses").asInt())
                .isEqualTo(1000);
        assertThat(invite("uses", 1, "expiresInDays", 1).path("uses").asInt()).isEqualTo(1);
        for (String body : List.of(json("uses", 0), json("uses", 1001), json("expiresInDays", 0),
                json("expiresInDays", 91), json("note", "n".repeat(201)), json("uses", "three"), json("uses", 1.5))) {
            assertProblem(root.send("POST", "/chorus/api/admin/invitations", body), 400, "invalid-request");
        }
        assertProblem(root.send("POST", "/chorus/api/admin/invitations", json("organisation", "nowhere")), 404,
                "organisation-not-found");
        assertProblem(root.send("POST", "/chorus/api/admin/invitations", json("codes", 3)), 400, "unknown-field");
    }

    // approval mode

    @Test
    void approvalMode_aJoinRequestApproved_makesTheAccountAMember() {
        String account = unique("applicant-");
        Visitor visitor = visitor(account);
        assertThat(visitor.session("/approval").path("joining").asString()).isEqualTo("approval");
        String handle = unique("applicant");

        Client.Response asked = visitor.send("POST", "/approval/api/join-requests", json("handle", handle,
                "name", "Applicant", "organisation", "nordic", "message", "I build boats in Turku"));
        assertThat(asked.status()).as("%s", asked).isEqualTo(201);
        JsonNode request = asked.json();
        assertThat(request.path("status").asString()).isEqualTo("pending");
        assertThat(request.path("handle").asString()).isEqualTo(handle);
        assertThat(request.path("organisation").path("slug").asString()).isEqualTo("nordic");
        assertThat(request.path("message").asString()).isEqualTo("I build boats in Turku");
        assertThat(request.path("decidedAt").isNull()).isTrue();
        assertThat(request.path("decidedBy").isNull()).isTrue();
        assertThat(visitor.session("/approval").path("joinRequest").path("status").asString()).isEqualTo("pending");
        assertProblem(visitor.send("POST", "/approval/api/join-requests", json("handle", unique("again"),
                "name", "Again")), 409, "join-request-pending");
        String id = request.path("id").asString();
        assertThat(ids(root.get("/approval/api/admin/join-requests").json())).contains(id);

        Client.Response approved = root.send("POST", "/approval/api/admin/join-requests/" + id + "/approve", null);

        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().path("request").path("status").asString()).isEqualTo("approved");
        assertThat(approved.json().path("request").path("decidedBy").asString()).isEqualTo("root");
        assertThat(approved.json().path("member").path("handle").asString()).isEqualTo(handle);
        JsonNode session = visitor.session("/approval");
        assertThat(session.path("member").path("handle").asString()).isEqualTo(handle);
        assertThat(session.path("joinRequest").path("status").asString()).isEqualTo("approved");
        assertThat(ids(root.get("/approval/api/admin/join-requests").json())).doesNotContain(id);
        assertThat(ids(root.get("/approval/api/admin/join-requests?status=approved").json())).contains(id);
        assertProblem(root.send("POST", "/approval/api/admin/join-requests/" + id + "/approve", null), 409,
                "join-request-decided");
        assertProblem(visitor.send("POST", "/approval/api/join-requests", json("handle", unique("more"),
                "name", "More")), 409, "already-member");
    }

    @Test
    void approvalMode_aJoinRequestDeclined_tellsTheReason_andTheAccountMayAskAgain() {
        Visitor visitor = visitor(unique("applicant-"));
        String id = visitor.send("POST", "/approval/api/join-requests", json("handle", unique("hopeful"),
                "name", "Hopeful")).json().path("id").asString();

        Client.Response declined = root.send("POST", "/approval/api/admin/join-requests/" + id + "/decline",
                json("reason", "please ask through your organisation"));

        assertThat(declined.status()).as("%s", declined).isEqualTo(200);
        assertThat(declined.json().path("status").asString()).isEqualTo("declined");
        assertThat(declined.json().path("reason").asString()).isEqualTo("please ask through your organisation");
        JsonNode session = visitor.session("/approval");
        assertThat(session.path("member").isNull()).isTrue();
        assertThat(session.path("joinRequest").path("reason").asString()).contains("through your organisation");
        assertThat(ids(root.get("/approval/api/admin/join-requests?status=all").json())).contains(id);
        assertProblem(root.send("POST", "/approval/api/admin/join-requests/" + id + "/decline", null), 409,
                "join-request-decided");
        assertThat(visitor.send("POST", "/approval/api/join-requests", json("handle", unique("hopeful"),
                "name", "Hopeful")).status()).isEqualTo(201);
        assertProblem(root.get("/approval/api/admin/join-requests?status=maybe"), 400, "invalid-parameter");
        assertProblem(root.send("POST", "/approval/api/admin/join-requests/999999/approve", null), 404,
                "join-request-not-found");
    }

    @Test
    void joinRequests_onAHubThatAdmitsByInvitationOnly_areForbidden() {
        Visitor visitor = visitor(unique("v-"));
        assertProblem(visitor.send("POST", "/chorus/api/join-requests", json("handle", unique("h"), "name", "H")),
                403, "join-requests-closed");
        assertProblem(visitor.send("POST", "/approval/api/join-requests", json("handle", "ada", "name", "A")), 409,
                "handle-taken");
        assertProblem(visitor.send("POST", "/approval/api/join-requests", json("handle", unique("h"), "name", "H",
                "message", "m".repeat(501))), 400, "invalid-request");
    }

    // organisations, the directory, the admin's member list, profiles

    @Test
    void organisations_arePublic_withTheirActiveMemberCounts_andAdminsChangeTheirDescription() {
        String slug = unique("org-");
        root.send("POST", "/chorus/api/admin/organisations", json("slug", slug, "name", "Counted"));
        for (String handle : List.of(unique("m"), unique("m"))) {
            root.send("POST", "/chorus/api/admin/members", json("handle", handle, "name", handle, "organisation", slug));
        }
        Client.Response patched = root.send("PATCH", "/chorus/api/admin/organisations/" + slug,
                json("description", "Counts things, carefully", "website", "https://counted.example"));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.json().path("description").asString()).isEqualTo("Counts things, carefully");
        assertThat(patched.json().path("name").asString()).isEqualTo("Counted");

        JsonNode listed = anonymous.get("/chorus/api/organisations").json().path("items");
        JsonNode counted = null;
        for (JsonNode item : listed) {
            if (item.path("slug").asString().equals(slug)) {
                counted = item;
            }
        }
        assertThat(counted).isNotNull();
        assertThat(counted.path("members").asInt()).isEqualTo(2);
        assertThat(counted.path("website").asString()).isEqualTo("https://counted.example");
        assertThat(counted.path("description").asString()).isEqualTo("Counts things, carefully");

        assertProblem(root.send("PATCH", "/chorus/api/admin/organisations/" + slug, json("description",
                "d".repeat(301))), 400, "invalid-request");
        assertThat(root.send("PATCH", "/chorus/api/admin/organisations/" + slug, json("description",
                "d".repeat(300))).status()).isEqualTo(200);
        assertProblem(root.send("PATCH", "/chorus/api/admin/organisations/nowhere", json("name", "X")), 404,
                "organisation-not-found");
    }

    @Test
    void directory_showsActiveMembersOnly_eachWithTheirNewestPost() {
        String writer = unique("writer");
        String quiet = unique("quiet");
        String suspended = unique("gone");
        for (String handle : List.of(writer, quiet, suspended)) {
            root.send("POST", "/chorus/api/admin/members", json("handle", handle, "name", handle));
        }
        Client writerScript = Client.script(server.root(), chorus.tokens().issue(
                chorus.members().findByHandle(writer).orElseThrow().id(), "t").secret());
        writerScript.send("POST", "/chorus/api/posts", json("text", "older line"));
        String newest = writerScript.send("POST", "/chorus/api/posts", json("text", "newest line")).json()
                .path("id").asString();
        root.send("POST", "/chorus/api/admin/members/" + suspended + "/suspend", null);

        JsonNode items = anonymous.get("/chorus/api/members").json().path("items");

        assertThat(byHandle(items, suspended)).as("suspended members are not in the directory").isNull();
        JsonNode latest = byHandle(items, writer).path("latestPost");
        assertThat(latest.path("id").asString()).isEqualTo(newest);
        assertThat(latest.path("text").asString()).isEqualTo("newest line");
        assertThat(latest.path("publishedAt").asString()).endsWith("Z");
        assertThat(byHandle(items, quiet).path("latestPost").isNull()).isTrue();
        assertThat(byHandle(items, quiet).has("language")).isTrue();
    }

    @Test
    void adminMemberList_filtersByStatus_andAdminsChangeAProfileAndRole() {
        String handle = unique("changed");
        root.send("POST", "/chorus/api/admin/members", json("handle", handle, "name", "Before"));
        root.send("POST", "/chorus/api/admin/members/" + handle + "/suspend", null);
        assertThat(handles(root.get("/chorus/api/admin/members?status=suspended").json())).contains(handle)
                .doesNotContain("ada");
        assertThat(handles(root.get("/chorus/api/admin/members").json())).contains("ada").doesNotContain(handle);
        assertThat(handles(root.get("/chorus/api/admin/members?status=all").json())).contains("ada", handle);
        assertProblem(root.get("/chorus/api/admin/members?status=gone"), 400, "invalid-parameter");

        assertProblem(root.send("PATCH", "/chorus/api/admin/members/" + handle, json("name", "After", "role", "boss")),
                400, "invalid-request");
        Client.Response changed = root.send("PATCH", "/chorus/api/admin/members/" + handle, json("name", "After",
                "organisation", "nordic", "bio", "Now in Nordic", "role", "admin"));

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("name").asString()).isEqualTo("After");
        assertThat(changed.json().path("organisation").path("slug").asString()).isEqualTo("nordic");
        assertThat(changed.json().path("role").asString()).isEqualTo("admin");
        assertProblem(root.send("PATCH", "/chorus/api/admin/members/nobody-here", json("name", "X")), 404,
                "member-not-found");
    }

    @Test
    void ownProfile_takesALanguageTag_andClearsItWithNull() {
        Client.Response german = ada.send("PATCH", "/chorus/api/me", json("language", "de"));
        assertThat(german.status()).as("%s", german).isEqualTo(200);
        assertThat(german.json().path("language").asString()).isEqualTo("de");
        assertThat(ada.send("PATCH", "/chorus/api/me", json("language", "x".repeat(35))).status()).isEqualTo(400);
        assertThat(ada.send("PATCH", "/chorus/api/me", json("language", "zh-Hant-TW")).json().path("language")
                .asString()).isEqualTo("zh-Hant-TW");
        assertProblem(ada.send("PATCH", "/chorus/api/me", json("language", "de-" + "x".repeat(33))), 400,
                "invalid-request");
        assertProblem(ada.send("PATCH", "/chorus/api/me", json("language", "not a tag")), 400, "invalid-request");
        assertThat(ada.send("PATCH", "/chorus/api/me", "{\"language\":null}").json().path("language").isNull())
                .isTrue();
    }

    // who may use each route

    @Test
    void adminRoutes_refuseAnonymousNonMembersAndMembers_andServeAdmins() {
        String code = invite().path("code").asString();
        String invitationId = find(root.get("/chorus/api/admin/invitations").json(), null).path("id").asString();
        Visitor applicant = visitor(unique("applicant-"));
        String requestId = applicant.send("POST", "/approval/api/join-requests", json("handle", unique("a"),
                "name", "A")).json().path("id").asString();
        Visitor stranger = visitor(unique("stranger-"));
        List<String[]> routes = List.of(
                new String[] {"GET", "/approval/api/admin/invitations", null},
                new String[] {"POST", "/approval/api/admin/invitations", "{}"},
                new String[] {"DELETE", "/approval/api/admin/invitations/" + invitationId, null},
                new String[] {"GET", "/approval/api/admin/join-requests", null},
                new String[] {"POST", "/approval/api/admin/join-requests/" + requestId + "/decline", null},
                new String[] {"POST", "/approval/api/admin/join-requests/" + requestId + "/approve", null},
                new String[] {"PATCH", "/approval/api/admin/organisations/nordic", json("description", "Boats")},
                new String[] {"GET", "/approval/api/admin/members", null},
                new String[] {"PATCH", "/approval/api/admin/members/ada", json("bio", "changed by an admin")});
        for (String[] route : routes) {
            String method = route[0];
            String path = route[1];
            String body = route[2];
            assertProblem(anonymous.send(method, path, body), 401, "unauthenticated");
            assertProblem(stranger.send(method, path, body), 401, "unauthenticated");
            assertProblem(ada.send(method, path, body), 403, "not-permitted");
        }
        List<Integer> adminStatuses = new ArrayList<>();
        for (String[] route : routes) {
            adminStatuses.add(root.send(route[0], route[1], route[2]).status());
        }
        // the decline decides the request, so the approve after it is a conflict: admins reach every route
        assertThat(adminStatuses).containsExactly(200, 201, 204, 200, 200, 409, 200, 200, 200);
        // only the admin's DELETE took effect: the invitation is revoked
        assertThat(anonymous.get("/chorus/api/invitations/" + code).json().path("invitationStatus").asString())
                .isEqualTo("revoked");
    }

    @Test
    void joiningRoutes_needSomeoneSignedInWhoIsNotAMember() {
        String code = invite("uses", 10).path("code").asString();
        String accept = "/approval/api/invitations/" + code + "/accept";
        String body = json("handle", unique("j"), "name", "J");

        assertProblem(anonymous.send("POST", accept, body), 401, "unauthenticated");
        assertProblem(anonymous.send("POST", "/approval/api/join-requests", body), 401, "unauthenticated");
        assertProblem(ada.send("POST", accept, body), 409, "already-member");
        assertProblem(ada.send("POST", "/approval/api/join-requests", body), 409, "already-member");
        assertProblem(root.send("POST", accept, body), 409, "already-member");
        assertThat(visitor(unique("v-")).send("POST", accept, body).status()).isEqualTo(201);
        assertThat(visitor(unique("v-")).send("POST", "/approval/api/join-requests",
                json("handle", unique("j"), "name", "J")).status()).isEqualTo(201);

        for (Client reader : List.of(anonymous, ada, root, visitor(unique("v-")).browser)) {
            assertThat(reader.get("/approval/api/invitations/" + code).status()).isEqualTo(200);
            assertThat(reader.get("/approval/api/organisations").status()).isEqualTo(200);
        }
    }

    private static JsonNode find(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (id == null || item.path("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + page);
    }

    private static JsonNode byHandle(JsonNode items, String handle) {
        for (JsonNode item : items) {
            if (item.path("handle").asString().equals(handle)) {
                return item;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static List<String> handles(JsonNode page) {
        List<String> handles = new ArrayList<>();
        page.path("items").forEach(item -> handles.add(item.path("handle").asString()));
        return handles;
    }

    @Test
    void adminActs_overHttp_areRecordedInTheAuditLog() {
        String slug = unique("audited-");
        String handle = unique("audited");
        root.send("POST", "/chorus/api/admin/organisations", json("slug", slug, "name", "Audited"));
        root.send("PATCH", "/chorus/api/admin/organisations/" + slug, json("description", "Looked at"));
        root.send("POST", "/chorus/api/admin/members", json("handle", handle, "name", "Audited"));
        root.send("PATCH", "/chorus/api/admin/members/" + handle, json("bio", "changed"));
        root.send("PATCH", "/chorus/api/admin/members/" + handle, json("bio", "changed"));
        String invitation = invite().path("id").asString();
        root.send("DELETE", "/chorus/api/admin/invitations/" + invitation, null);

        List<AuditEntry> entries = chorus.audit().read(java.util.Optional.empty(), 6).items();

        assertThat(entries).extracting(e -> e.action() + " " + e.target()).containsExactly(
                "invitation.revoked invitation:" + invitation, "invitation.created invitation:" + invitation,
                "member.changed @" + handle, "member.admitted @" + handle, "organisation.saved organisation:" + slug,
                "organisation.saved organisation:" + slug);
        Member admin = chorus.members().findByHandle("root").orElseThrow();
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).contains(admin.id()));
    }
}
