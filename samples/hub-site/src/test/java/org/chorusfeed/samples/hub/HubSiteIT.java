package org.chorusfeed.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The demo hub as a newcomer meets it: started by {@link HubSite#start(HubConfig)} on free ports over a fresh data
 * directory (so the demo network is seeded once for the class), and checked over HTTP like a browser would.
 */
class HubSiteIT {
    private static final String ADMIN_TOKEN = "it-admin-token-3f9a1c77e2b04d6a";

    @TempDir
    static Path data;
    private static HubConfig config;
    private static RunningHub hub;

    @BeforeAll
    static void startHub() throws Exception {
        config = HubConfig.forTest(data).withAdminToken(ADMIN_TOKEN).withApprovalRequests(true);
        hub = HubSite.start(config);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void home_embedsTheWidgetAsASiteOwnerWouldPasteIt() throws Exception {
        HttpResponse<String> home = new Visitor(hub).get("");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(home.body())
                .contains("<script src=\"/chorus/widget.js\" defer></script>")
                .contains("<chorus-feed src=\"/chorus\" limit=\"20\">")
                .contains("<a href=\"/chorus/feed.atom\">"); // shown until the widget upgrades
        assertThat(home.headers().allValues("Set-Cookie")).as("readers get no cookie").isEmpty();
        assertThat(new Visitor(hub).get("assets/hub.css").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        HttpResponse<String> widget = new Visitor(hub).get("chorus/widget.js");
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.body()).contains("chorus-feed");
    }

    @Test
    void everyPage_isSentWithAStrictContentSecurityPolicy_andNeedsNoInlineCode() throws Exception {
        Visitor visitor = new Visitor(hub);
        for (String path : List.of("", "network.html", "events.html", "admin.html", "signin", "no-such-page")) {
            HttpResponse<String> page = visitor.get(path);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                            "connect-src 'self'", "img-src 'self' data:").doesNotContain("unsafe"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).isPresent();
            assertThat(page.body()).as(path)
                    .doesNotContainPattern(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE))
                    .doesNotContainPattern(Pattern.compile("\\sstyle=|<style|\\son[a-z]+=", Pattern.CASE_INSENSITIVE));
        }
    }

    @Test
    void timeline_servesTheSeededNetworkNewestFirst() throws Exception {
        Visitor visitor = new Visitor(hub);
        JsonNode page = visitor.getJson("chorus/api/timeline");

        assertThat(page.path("items")).hasSize(20);
        assertThat(page.path("next").asString()).isNotBlank();
        List<Long> ids = new ArrayList<>();
        Set<String> authors = new HashSet<>();
        page.path("items").forEach(item -> {
            ids.add(Long.parseLong(item.path("id").asString()));
            authors.add(item.path("author").path("handle").asString());
            assertThat(Instant.parse(item.path("publishedAt").asString())).isBefore(Instant.now());
        });
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
        assertThat(authors).hasSizeGreaterThan(3);

        List<Long> all = visitor.allPostIds();
        assertThat(all).hasSizeGreaterThanOrEqualTo(200).doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(visitor.getJson("chorus/api/members").path("items")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(visitor.getJson("chorus/api/timeline?tag=Events&limit=100").path("items")).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void demoSignIn_letsAVisitorPost_andThePostComesFirst() throws Exception {
        Visitor visitor = new Visitor(hub);
        String csrf = visitor.signInAs("selin");
        assertThat(csrf).isNotBlank();

        JsonNode post = visitor.publish(csrf, "Trying the demo hub from a test, see you at the open lab #OpenLab");

        JsonNode first = visitor.getJson("chorus/api/timeline?limit=1").path("items").get(0);
        assertThat(first.path("id").asString()).isEqualTo(post.path("id").asString());
        assertThat(first.path("author").path("handle").asString()).isEqualTo("selin");
        assertThat(visitor.get("").body()).contains("Acting as <strong>Selin Aydın</strong>");
    }

    @Test
    void demoSignIn_refusesFormsFromOtherOriginsOrWithoutTheToken() throws Exception {
        Visitor visitor = new Visitor(hub);
        String token = visitor.formToken();

        assertThat(visitor.postForm("signin", "handle=mia", "Origin", visitor.origin()).statusCode()).isEqualTo(403);
        assertThat(visitor.postForm("signin", "token=" + Visitor.encode(token) + "&handle=mia",
                "Origin", "https://attacker.example").statusCode()).isEqualTo(403);
        assertThat(visitor.postForm("signin", "token=" + Visitor.encode(token) + "&handle=nobody",
                "Origin", visitor.origin()).statusCode()).isEqualTo(400);
        assertThat(visitor.getJson("chorus/api/session").path("member").isNull()).isTrue();
    }

    @Test
    void signOut_endsTheSession() throws Exception {
        Visitor visitor = new Visitor(hub);
        visitor.signInAs("ole");
        String token = visitor.formToken();

        HttpResponse<String> out = visitor.postForm("signout", "token=" + Visitor.encode(token), "Origin", visitor.origin());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(visitor.getJson("chorus/api/session").path("member").isNull()).isTrue();
    }

    @Test
    void pages_escapeWhatMembersWrite() throws Exception {
        Visitor visitor = new Visitor(hub);
        String csrf = visitor.signInAs("noor");
        HttpResponse<String> renamed = visitor.sendJson("PATCH", "chorus/api/me",
                "{\"name\":\"Noor <script>alert(1)</script> \\\"H\\\"\"}", "X-Chorus-CSRF", csrf, "Origin", visitor.origin());
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);

        for (String path : List.of("network.html?org=studio-salzwasser", "signin", "")) {
            assertThat(visitor.get(path).body()).as(path)
                    .contains("Noor &lt;script&gt;alert(1)&lt;/script&gt; &quot;H&quot;")
                    .doesNotContain("<script>alert(1)");
        }
    }

    @Test
    void networkPage_listsTheOrganisations_andFiltersTheFeedToTheOnePicked() throws Exception {
        Visitor visitor = new Visitor(hub);
        String page = visitor.get("network.html?org=windwerk").body();

        assertThat(page).contains("Windwerk Energie", "Werkhaus Makerlab", "Institut für Küstensensorik", "Katrin Vogt",
                "<chorus-feed src=\"/chorus\" org=\"windwerk\"");
        assertThat(visitor.get("network.html?org=%22%3E%3Cscript%3E").body())
                .doesNotContain("\"><script>").contains("<chorus-feed src=\"/chorus\" org=\"foerde-hub\"");
        assertThat(visitor.get("events.html").body()).contains("<chorus-feed src=\"/chorus\" tag=\"Events\"");
    }

    @Test
    void networkPage_wiresTheDirectoryToItsFeed_andShowsAMembersPostsByHandle() throws Exception {
        Visitor visitor = new Visitor(hub);
        String page = visitor.get("network.html").body();

        assertThat(page).contains("<chorus-members src=\"/chorus\" feed=\"#network-posts\"", "id=\"network-posts\"")
                .contains("Katrin Vogt"); // the server's list, shown until the widget upgrades
        assertThat(visitor.get("network.html?member=katrin").body())
                .contains("<chorus-feed src=\"/chorus\" member=\"katrin\" id=\"network-posts\"");
        assertThat(visitor.get("network.html?member=%22%3E%3Cscript%3E").body())
                .doesNotContain("\"><script>").contains("<chorus-feed src=\"/chorus\" org=\"foerde-hub\"");
    }

    @Test
    void adminConsole_isLinkedOnlyForTheHubAdmin_andItsPageEmbedsTheConsole() throws Exception {
        String link = "<a href=\"/admin.html\"";
        assertThat(new Visitor(hub).get("").body()).doesNotContain(link);
        Visitor member = new Visitor(hub);
        member.signInAs("ole");
        assertThat(member.get("").body()).doesNotContain(link);
        Visitor admin = new Visitor(hub);
        admin.signInAs("hannah");
        assertThat(admin.get("").body()).contains(link + ">Admin console</a>");

        HttpResponse<String> console = new Visitor(hub).get("admin.html");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("<chorus-admin src=\"/chorus\"", "<script src=\"/chorus/widget.js\" defer>");
        assertThat(new Visitor(hub).get("chorus/widget-admin.js").statusCode()).isEqualTo(200);
    }

    @Test
    void demoVisitor_isSignedInWithoutBeingAMember_andAsksToJoin_untilTheAdminApproves() throws Exception {
        Visitor visitor = new Visitor(hub);
        HttpResponse<String> signedIn = visitor.postForm("signin", "token=" + Visitor.encode(visitor.formToken())
                + "&visitor=new", "Origin", visitor.origin());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        JsonNode session = visitor.getJson("chorus/api/session");
        assertThat(session.path("member").isNull()).isTrue();
        assertThat(session.path("account").asString()).startsWith("visitor-");
        assertThat(session.path("joining").asString()).isEqualTo("approval");
        assertThat(visitor.get("").body()).contains("Acting as <strong>a visitor (not a member)</strong>");

        HttpResponse<String> asked = visitor.sendJson("POST", "chorus/api/join-requests",
                "{\"handle\":\"gesa\",\"name\":\"Gesa Neu\",\"message\":\"I run a repair café\"}",
                "X-Chorus-CSRF", session.path("csrf").asString(), "Origin", visitor.origin());
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String id = Visitor.JSON.readTree(asked.body()).path("id").asString();
        HttpResponse<String> approved = new Visitor(hub).sendJson("POST", "chorus/api/admin/join-requests/" + id + "/approve",
                "{}", "Authorization", "Bearer " + ADMIN_TOKEN);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(visitor.getJson("chorus/api/session").path("member").path("handle").asString()).isEqualTo("gesa");
        assertThat(visitor.get("").body()).contains("Acting as <strong>Gesa Neu</strong>");
    }

    @Test
    void adminToken_actsAsTheHubAdmin_andAWrongTokenIsRefused() throws Exception {
        Visitor script = new Visitor(hub);

        JsonNode me = script.getJson("chorus/api/me", "Authorization", "Bearer " + ADMIN_TOKEN);
        assertThat(me.path("handle").asString()).isEqualTo("hannah");
        HttpResponse<String> admitted = script.sendJson("POST", "chorus/api/admin/members",
                "{\"handle\":\"gast\",\"name\":\"Gast Beispiel\",\"organisation\":\"werkhaus-lab\"}",
                "Authorization", "Bearer " + ADMIN_TOKEN);
        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(201);

        assertThat(script.get("chorus/api/me", "Authorization", "Bearer " + ADMIN_TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(script.sendJson("POST", "chorus/api/admin/members", "{\"handle\":\"gast2\",\"name\":\"Gast\"}",
                "Authorization", "Bearer wrong-token-wrong-token").statusCode()).isEqualTo(401);
    }

    @Test
    void secondOrigin_embedsTheWidgetFromTheHub_readOnly() throws Exception {
        String hubOrigin = "http://localhost:" + hub.port();
        HttpResponse<String> page = new Visitor(hub.secondPort()).get("");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<script src=\"" + hubOrigin + "/chorus/widget.js\" defer></script>")
                .containsPattern("<chorus-feed src=\"" + Pattern.quote(hubOrigin) + "/chorus\"[^>]*compose=\"off\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self' " + hubOrigin, "connect-src " + hubOrigin));
        HttpResponse<String> crossOrigin = new Visitor(hub).get("chorus/api/timeline?org=werkhaus-lab",
                "Origin", "http://localhost:" + hub.secondPort());
        assertThat(crossOrigin.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void restart_keepsEveryPost_andDoesNotSeedAgain() throws Exception {
        Visitor visitor = new Visitor(hub);
        String csrf = visitor.signInAs("frieder");
        JsonNode post = visitor.publish(csrf, "Vor dem Neustart geschrieben, danach noch da? #Sensorik");
        int posts = visitor.allPostIds().size();
        int members = visitor.getJson("chorus/api/members").path("items").size();

        hub.close();
        hub = HubSite.start(config);

        Visitor afterRestart = new Visitor(hub);
        List<Long> ids = afterRestart.allPostIds();
        assertThat(ids).hasSize(posts);
        assertThat(ids.get(0)).isEqualTo(Long.parseLong(post.path("id").asString()));
        assertThat(afterRestart.getJson("chorus/api/members").path("items")).hasSize(members);
    }

    @Test
    void unknownPage_isAFriendly404() throws Exception {
        HttpResponse<String> page = new Visitor(hub).get("no-such-page");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found", "href=\"/\"");
    }

    // members' blogs

    @Test
    void theDemoBlogsOfTwoMembers_areImported_asPostsDatedByTheirEntries_withoutDuplicates() throws Exception {
        Visitor visitor = new Visitor(hub);
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        while (imported(visitor, DemoBlogs.RSS_MEMBER) < 3 || imported(visitor, DemoBlogs.ATOM_MEMBER) < 3) {
            assertThat(System.nanoTime()).as("both demo blogs imported within a minute").isLessThan(deadline);
            Thread.sleep(200);
        }

        List<JsonNode> workshop = blogPosts(visitor, DemoBlogs.RSS_MEMBER);
        List<JsonNode> buoys = blogPosts(visitor, DemoBlogs.ATOM_MEMBER);
        assertThat(workshop).extracting(post -> post.path("source").path("title").asString())
                .containsExactly("Laser cutter back in service", "A sewing corner for repair café nights",
                        "Workholding for the CNC mill, explained");
        assertThat(buoys).extracting(post -> post.path("source").path("title").asString())
                .containsExactly("Buoy 7 recovered after the storm", "Salinity dashboard, first public version",
                        "Two thesis topics with partners in the network");
        for (JsonNode post : workshop) {
            assertThat(post.path("text").asString()).doesNotContain("<").doesNotContain("alert");
            assertThat(Instant.parse(post.path("publishedAt").asString())).isBefore(Instant.now().minusSeconds(3600));
        }
        assertThat(visitor.allPostIds()).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        JsonNode status = blogStatus(visitor, DemoBlogs.RSS_MEMBER);
        assertThat(status.path("imported").asInt()).isEqualTo(3);
        assertThat(status.path("feedUrl").asString()).endsWith("/werkhaus/feed/");
        assertThat(status.path("lastError").isNull()).isTrue();
    }

    private static JsonNode blogStatus(Visitor visitor, String handle) throws Exception {
        return visitor.getJson("chorus/api/admin/members/" + handle + "/blog", "Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private static int imported(Visitor visitor, String handle) throws Exception {
        return blogStatus(visitor, handle).path("imported").asInt();
    }

    private static List<JsonNode> blogPosts(Visitor visitor, String handle) throws Exception {
        List<JsonNode> posts = new ArrayList<>();
        visitor.getJson("chorus/api/timeline?limit=100&member=" + handle).path("items").forEach(post -> {
            if (post.path("source").path("kind").asString().equals("blog")) {
                posts.add(post);
            }
        });
        return posts;
    }
}
