package org.chorusfeed.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Joining the demo hub as a visitor does: the demo's open invitation, the join page and its script, signing in as
 * a visitor who is not a member, and accepting (or, in approval mode, asking to join) through the API the page
 * calls. The page's behaviour in a browser is tested in Chromium elsewhere; here every request it makes is made.
 */
class JoinPageIT {
    private static final String ADMIN_TOKEN = "it-admin-token-7d2e9b41c0a35f88";

    @TempDir
    Path data;

    @Test
    void aVisitor_opensTheDemoInvitationsPage_signsInAsAVisitor_andJoinsWithAHandleTheyPick() throws Exception {
        try (RunningHub hub = HubSite.start(HubConfig.forTest(data).withAdminToken(ADMIN_TOKEN))) {
            String code = demoInvitationCode(hub);
            Visitor visitor = new Visitor(hub);

            HttpResponse<String> page = visitor.get("join.html?code=" + code);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe"));
            assertThat(page.body()).contains("<script src=\"/assets/join.js\" defer></script>", "id=\"join-accept\"")
                    .doesNotContainPattern(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE))
                    .doesNotContainPattern(Pattern.compile("\\sstyle=|<style|\\son[a-z]+=", Pattern.CASE_INSENSITIVE))
                    .doesNotContain(code);
            HttpResponse<String> script = visitor.get("assets/join.js");
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .contains("javascript"));
            assertThat(script.body()).contains("textContent", "X-Chorus-CSRF").doesNotContain("innerHTML")
                    .doesNotContain("insertAdjacentHTML").doesNotContain("document.write");

            JsonNode invitation = visitor.getJson("chorus/api/invitations/" + code);
            assertThat(invitation.path("status").asString()).isEqualTo("open");
            String csrf = signInAsVisitor(visitor);
            JsonNode session = visitor.getJson("chorus/api/session");
            String account = session.path("account").asString();
            assertThat(account).startsWith("visitor-");
            assertThat(session.path("member").isNull()).isTrue();
            assertThat(session.path("joining").asString()).isEqualTo("invitation");

            HttpResponse<String> accepted = visitor.sendJson("POST", "chorus/api/invitations/" + code + "/accept",
                    "{\"handle\":\"newcomer\",\"name\":\"New Comer\"}", "X-Chorus-CSRF", csrf, "Origin",
                    visitor.origin());

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
            assertThat(visitor.getJson("chorus/api/session").path("member").path("handle").asString())
                    .isEqualTo("newcomer");
            assertThat(visitor.get("").body()).contains("Acting as <strong>New Comer</strong>");
            assertThat(visitor.publish(csrf, "First day in the network").path("author").path("handle").asString())
                    .isEqualTo("newcomer");
            JsonNode used = adminInvitations(hub).path("items").get(0);
            assertThat(used.path("used").asInt()).isEqualTo(1);
        }
        try (RunningHub again = HubSite.start(HubConfig.forTest(data).withAdminToken(ADMIN_TOKEN))) {
            assertThat(adminInvitations(again).path("items")).as("a restart keeps the open invitation").hasSize(1);
        }
    }

    @Test
    void inApprovalMode_aVisitorAsksToJoin_andAnAdminApproves() throws Exception {
        try (RunningHub hub = HubSite.start(HubConfig.forTest(data).withAdminToken(ADMIN_TOKEN)
                .withApprovalRequests(true))) {
            Visitor visitor = new Visitor(hub);
            String csrf = signInAsVisitor(visitor);
            assertThat(visitor.getJson("chorus/api/session").path("joining").asString()).isEqualTo("approval");
            assertThat(visitor.get("join.html").body()).contains("id=\"join-request\"");

            HttpResponse<String> asked = visitor.sendJson("POST", "chorus/api/join-requests",
                    "{\"handle\":\"asker\",\"name\":\"Ann Asker\",\"message\":\"I run the boat workshop\"}",
                    "X-Chorus-CSRF", csrf, "Origin", visitor.origin());
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
            String id = Visitor.JSON.readTree(asked.body()).path("id").asString();

            Visitor admin = new Visitor(hub);
            HttpResponse<String> approved = admin.sendJson("POST", "chorus/api/admin/join-requests/" + id + "/approve",
                    "{}", "Authorization", "Bearer " + ADMIN_TOKEN);
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            assertThat(visitor.getJson("chorus/api/session").path("member").path("handle").asString())
                    .isEqualTo("asker");
        }
    }

    @Test
    void configuration_readsTheJoiningMode_andRefusesAnythingElse() {
        assertThat(HubConfig.fromEnvironment(java.util.Map.of("CHORUS_JOINING", "approval")).approvalRequests()).isTrue();
        assertThat(HubConfig.fromEnvironment(java.util.Map.of("CHORUS_JOINING", "invitation")).approvalRequests())
                .isFalse();
        assertThat(HubConfig.fromEnvironment(java.util.Map.of()).approvalRequests()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HubConfig.fromEnvironment(
                java.util.Map.of("CHORUS_JOINING", "open"))).hasMessageContaining("CHORUS_JOINING");
    }

    /** Signs in through the demo sign-in page as a visitor who is not a member, and returns the CSRF token. */
    private static String signInAsVisitor(Visitor visitor) throws Exception {
        String token = visitor.formToken();
        HttpResponse<String> signedIn = visitor.postForm("signin", "token=" + Visitor.encode(token) + "&visitor=new",
                "Origin", visitor.origin());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/join.html");
        return visitor.getJson("chorus/api/session").path("csrf").asString();
    }

    private static JsonNode adminInvitations(RunningHub hub) throws Exception {
        return new Visitor(hub).getJson("chorus/api/admin/invitations", "Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private static String demoInvitationCode(RunningHub hub) throws Exception {
        JsonNode items = adminInvitations(hub).path("items");
        assertThat(items).hasSize(1);
        JsonNode invitation = items.get(0);
        assertThat(invitation.path("note").asString()).isEqualTo(DemoInvitation.NOTE);
        assertThat(invitation.path("status").asString()).isEqualTo("open");
        return invitation.path("code").asString();
    }
}
