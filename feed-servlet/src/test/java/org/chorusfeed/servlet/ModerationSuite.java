package org.chorusfeed.servlet;

import static org.chorusfeed.servlet.Clients.json;
import static org.chorusfeed.servlet.Clients.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Reports, hiding, suspension and the audit log over real HTTP, in a real container, on the SQLite store: the same
 * tests for Jetty 12 and Tomcat 11. Each test seen by a reader (anonymous), the author, another member and an admin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ModerationSuite {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestServer.Factory factory;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Client> scripts = new ConcurrentHashMap<>();
    private Path data;
    private Chorus chorus;
    private TestServer server;

    ModerationSuite(TestServer.Factory factory) {
        this.factory = factory;
    }

    @BeforeAll
    void start() throws Exception {
        data = Files.createTempDirectory("chorus-moderation");
        chorus = Chorus.builder().dataDirectory(data).build();
        Member root = chorus.members().admit(NewMember.handle("root").name("Hub Admin").role(Role.ADMIN));
        tokens.put("root", chorus.tokens().issue(root.id(), "tests").secret());
        for (String handle : List.of("ada", "bob", "carol", "dan", "eve")) {
            Member member = chorus.members().admit(NewMember.handle(handle).name(handle.toUpperCase()));
            tokens.put(handle, chorus.tokens().issue(member.id(), "tests").secret());
        }
        ChorusServlet servlet = new ChorusServlet(ChorusServletConfig.builder(chorus)
                .memberResolver(LoginServlet.RESOLVER)
                .writesPerMinutePerMember(100_000)
                .writesPerMinutePerAddress(100_000)
                .heartbeatInterval(Duration.ofSeconds(1))
                .build());
        server = factory.start(List.of(new TestServer.Mount("/chorus/*", servlet),
                new TestServer.Mount("/login", new LoginServlet())), Map.of());
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        chorus.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    // ---------------------------------------------------------------- helpers

    private Client as(String handle) {
        return scripts.computeIfAbsent(handle, h -> Client.script(server.root(), tokens.get(h)));
    }

    private Client anonymous() {
        return scripts.computeIfAbsent("", h -> Client.script(server.root(), ""));
    }

    private String publish(String handle, String text) {
        Client.Response response = as(handle).send("POST", "/chorus/api/posts", json("text", text));
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private JsonNode ok(Client.Response response) {
        assertThat(response.status()).as("%s", response).isBetween(200, 201);
        return response.json();
    }

    private JsonNode hide(String id, String reason) {
        return ok(as("root").send("POST", "/chorus/api/admin/posts/" + id + "/hide", json("reason", reason)));
    }

    private List<String> timelineIds(Client reader) {
        List<String> ids = new ArrayList<>();
        ok(reader.get("/chorus/api/timeline?limit=100")).path("items").forEach(p -> ids.add(p.path("id").asString()));
        return ids;
    }

    /** The newest audit entries, newest first. */
    private List<JsonNode> audit(int limit) {
        List<JsonNode> entries = new ArrayList<>();
        ok(as("root").get("/chorus/api/admin/audit?limit=" + limit)).path("items").forEach(entries::add);
        return entries;
    }

    private JsonNode auditEntry(String action, String target) {
        return audit(100).stream().filter(e -> e.path("action").asString().equals(action)
                && e.path("target").asString().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no audit entry " + action + " " + target + " in " + audit(100)));
    }

    // ---------------------------------------------------------------- hiding

    @Test
    void hiddenPost_isGoneForReaders_keptForItsAuthorAndAdmins_withTheReason_andBackWhenUnhidden() {
        String kept = publish("ada", "kept in view #hidetest");
        String id = publish("ada", "a secret advert #hidetest");

        JsonNode hidden = hide(id, "advertising");

        assertThat(hidden.path("hidden").path("reason").asString()).isEqualTo("advertising");
        assertThat(hidden.path("hidden").path("by").asString()).isEqualTo("root");
        assertThat(hidden.path("hidden").path("at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        for (Client reader : List.of(anonymous(), as("bob"), as("ada"), as("root"))) {
            assertThat(timelineIds(reader)).as("the timeline never shows a hidden post").contains(kept).doesNotContain(id);
            assertThat(reader.get("/chorus/api/timeline?tag=hidetest").body()).doesNotContain("secret advert");
        }
        for (String feed : List.of("/chorus/feed.atom", "/chorus/feed.rss", "/chorus/feed.json",
                "/chorus/feed.atom?tag=hidetest", "/chorus/feed.json?member=ada")) {
            Client.Response response = anonymous().get(feed);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).as(feed).contains("kept in view").doesNotContain("secret advert");
        }
        assertProblem(anonymous().get("/chorus/api/posts/" + id), 404, "post-not-found");
        assertProblem(as("bob").get("/chorus/api/posts/" + id), 404, "post-not-found");
        assertProblem(anonymous().get("/chorus/api/posts/" + id + "/history"), 404, "post-not-found");
        assertProblem(as("bob").get("/chorus/api/posts/" + id + "/history"), 404, "post-not-found");
        assertProblem(as("bob").send("PATCH", "/chorus/api/posts/" + id, json("text", "x")), 404, "post-not-found");
        assertProblem(as("bob").send("DELETE", "/chorus/api/posts/" + id, null), 404, "post-not-found");
        assertThat(ok(as("ada").get("/chorus/api/posts/" + id + "/history")).path("items").get(0).path("text")
                .asString()).isEqualTo("a secret advert #hidetest");
        JsonNode byAuthor = ok(as("ada").get("/chorus/api/posts/" + id));
        assertThat(byAuthor.path("hidden").path("reason").asString()).isEqualTo("advertising");
        assertThat(ok(as("root").get("/chorus/api/posts/" + id)).path("hidden").path("by").asString()).isEqualTo("root");
        assertThat(ok(anonymous().get("/chorus/api/posts/" + kept)).path("hidden").isNull()).isTrue();
        assertThat(ok(as("root").get("/chorus/api/admin/posts?hidden=true")).path("items").get(0).path("id").asString())
                .isEqualTo(id);

        JsonNode shown = ok(as("root").send("POST", "/chorus/api/admin/posts/" + id + "/unhide", null));

        assertThat(shown.path("hidden").isNull()).isTrue();
        assertThat(timelineIds(anonymous())).contains(id, kept);
        assertThat(ok(anonymous().get("/chorus/api/posts/" + id)).path("text").asString()).isEqualTo("a secret advert #hidetest");
        assertThat(anonymous().get("/chorus/feed.atom").body()).contains("secret advert");
        JsonNode hiddenEntry = auditEntry("post.hidden", "post:" + id);
        assertThat(hiddenEntry.path("actor").path("handle").asString()).isEqualTo("root");
        assertThat(hiddenEntry.path("actor").path("name").asString()).isEqualTo("Hub Admin");
        assertThat(hiddenEntry.path("reason").asString()).isEqualTo("advertising");
        assertThat(auditEntry("post.unhidden", "post:" + id).path("reason").isNull()).isTrue();
    }

    @Test
    void theNewestPageCache_dropsAHiddenPostAtOnce() {
        String id = publish("ada", "cached then hidden");
        assertThat(timelineIds(anonymous())).contains(id);
        Client.Response newest = anonymous().get("/chorus/api/timeline");
        assertThat(newest.body()).contains(id);

        hide(id, "spam");

        Client.Response after = anonymous().get("/chorus/api/timeline");
        assertThat(after.body()).doesNotContain(id);
        assertThat(after.header("ETag")).isNotEqualTo(newest.header("ETag"));
    }

    @Test
    void stream_sendsPostDeletedForAHiding_andPostCreatedWhenUnhidden() throws Exception {
        Client reader = anonymous();
        HttpRequest.Builder request = reader.request("/chorus/api/stream?tag=streamhide").timeout(Duration.ofMinutes(2));
        try (SseClient events = SseClient.open(reader.http(), request)) {
            assertThat(events.status()).isEqualTo(200);
            String id = publish("ada", "live then hidden #StreamHide");
            assertThat(events.next(WAIT).event()).isEqualTo("post.created");

            hide(id, "spam");
            SseClient.Event deleted = events.next(WAIT);
            assertThat(deleted.event()).isEqualTo("post.deleted");
            assertThat(Client.JSON.readTree(deleted.data()).path("id").asString()).isEqualTo(id);
            assertThat(deleted.data()).doesNotContain("live then hidden").doesNotContain("spam");

            as("ada").send("PATCH", "/chorus/api/posts/" + id, json("text", "edited while hidden #streamhide"));
            ok(as("root").send("POST", "/chorus/api/admin/posts/" + id + "/unhide", null));
            SseClient.Event back = events.next(WAIT);
            assertThat(back.event()).as("an edit of a hidden post is not sent").isEqualTo("post.created");
            JsonNode post = Client.JSON.readTree(back.data());
            assertThat(post.path("id").asString()).isEqualTo(id);
            assertThat(post.path("text").asString()).isEqualTo("edited while hidden #streamhide");
            assertThat(post.path("hidden").isNull()).isTrue();
        }
    }

    @Test
    void replies_toAHiddenPost_areRefused_andAnEarlierReplyNoLongerNamesItsParentsAuthor() {
        String parent = publish("ada", "parent soon hidden");
        Client.Response reply = as("bob").send("POST", "/chorus/api/posts", json("text", "a reply", "inReplyTo", parent));
        String replyId = ok(reply).path("id").asString();
        assertThat(reply.json().path("inReplyToAuthor").path("handle").asString()).isEqualTo("ada");

        hide(parent, "off-topic");

        JsonNode read = ok(anonymous().get("/chorus/api/posts/" + replyId));
        assertThat(read.path("inReplyToAuthor").isNull()).isTrue();
        assertProblem(as("carol").send("POST", "/chorus/api/posts", json("text", "another", "inReplyTo", parent)), 404,
                "post-not-found");
        assertProblem(as("carol").send("POST", "/chorus/api/posts/" + parent + "/appreciation", null), 404,
                "post-not-found");
    }

    // ---------------------------------------------------------------- reports

    @Test
    void report_hasTheContractShape_isListedForAdmins_andHidingResolvesIt() {
        String id = publish("ada", "reported post");
        JsonNode report = ok(as("bob").send("POST", "/chorus/api/posts/" + id + "/reports", json("reason", " rude ")));

        assertThat(report.path("id").isString()).isTrue();
        assertThat(report.path("post").path("id").asString()).isEqualTo(id);
        assertThat(report.path("post").path("text").asString()).isEqualTo("reported post");
        assertThat(report.path("reporter").path("handle").asString()).isEqualTo("bob");
        assertThat(report.path("reporter").path("name").asString()).isEqualTo("BOB");
        assertThat(report.path("reason").asString()).isEqualTo("rude");
        assertThat(report.path("status").asString()).isEqualTo("open");
        assertThat(report.path("createdAt").asString()).endsWith("Z");
        assertThat(report.path("decidedAt").isNull()).isTrue();
        assertThat(report.path("decidedBy").isNull()).isTrue();
        assertThat(report.path("decision").isNull()).isTrue();
        assertProblem(as("bob").send("POST", "/chorus/api/posts/" + id + "/reports", json("reason", "again")), 409,
                "already-reported");
        String reportId = report.path("id").asString();
        assertThat(reportIds("open")).contains(reportId);
        assertThat(reportIds("")).as("open is the default").contains(reportId);

        hide(id, "harassment");

        assertThat(reportIds("open")).doesNotContain(reportId);
        JsonNode resolved = reports("all").stream().filter(r -> r.path("id").asString().equals(reportId)).findFirst()
                .orElseThrow();
        assertThat(resolved.path("status").asString()).isEqualTo("resolved");
        assertThat(resolved.path("decidedBy").asString()).isEqualTo("root");
        assertThat(resolved.path("decision").asString()).isEqualTo("harassment");
        assertThat(resolved.path("post").path("hidden").path("reason").asString()).isEqualTo("harassment");
        assertProblem(as("carol").send("POST", "/chorus/api/posts/" + id + "/reports", json("reason", "x")), 404,
                "post-not-found");
        assertProblem(as("carol").send("POST", "/chorus/api/posts/1/reports", json("reason", "x")), 404,
                "post-not-found");
        assertProblem(as("root").get("/chorus/api/admin/reports?status=closed"), 400, "invalid-parameter");
    }

    private List<JsonNode> reports(String status) {
        List<JsonNode> items = new ArrayList<>();
        String query = status.isEmpty() ? "" : "?status=" + status;
        ok(as("root").get("/chorus/api/admin/reports" + query)).path("items").forEach(items::add);
        return items;
    }

    private List<String> reportIds(String status) {
        return reports(status).stream().map(r -> r.path("id").asString()).toList();
    }

    @Test
    void reportReasons_takeOneToFiveHundredCharacters() {
        String id = publish("ada", "limits");
        String longest = "ß".repeat(500);

        assertProblem(as("carol").send("POST", "/chorus/api/posts/" + id + "/reports", json("reason", longest + "ß")),
                400, "invalid-request");
        assertProblem(as("carol").send("POST", "/chorus/api/posts/" + id + "/reports", json("reason", "  ")), 400,
                "invalid-request");
        assertProblem(as("carol").send("POST", "/chorus/api/posts/" + id + "/reports", "{}"), 400, "invalid-json");
        assertThat(ok(as("carol").send("POST", "/chorus/api/posts/" + id + "/reports", json("reason", longest)))
                .path("reason").asString()).isEqualTo(longest);
        assertProblem(as("root").send("POST", "/chorus/api/admin/posts/" + id + "/hide", json("reason", longest + "ß")),
                400, "invalid-request");
        assertProblem(as("root").send("POST", "/chorus/api/admin/posts/" + id + "/hide", "{}"), 400, "invalid-json");
        assertThat(ok(anonymous().get("/chorus/api/posts/" + id)).path("hidden").isNull()).isTrue();
    }

    @Test
    void dismiss_decidesOnce_withTheAdminsReason_andIsAudited() {
        String id = publish("ada", "dismissable");
        String reportId = ok(as("eve").send("POST", "/chorus/api/posts/" + id + "/reports", json("reason", "meh")))
                .path("id").asString();

        JsonNode dismissed = ok(as("root").send("POST", "/chorus/api/admin/reports/" + reportId + "/dismiss",
                json("reason", "within the rules")));

        assertThat(dismissed.path("status").asString()).isEqualTo("dismissed");
        assertThat(dismissed.path("decidedBy").asString()).isEqualTo("root");
        assertThat(dismissed.path("decision").asString()).isEqualTo("within the rules");
        assertThat(dismissed.path("decidedAt").asString()).endsWith("Z");
        assertProblem(as("root").send("POST", "/chorus/api/admin/reports/" + reportId + "/dismiss", null), 409,
                "report-decided");
        assertProblem(as("root").send("POST", "/chorus/api/admin/reports/999999/dismiss", null), 404, "report-not-found");
        assertProblem(as("root").send("POST", "/chorus/api/admin/reports/x1/dismiss", null), 404, "report-not-found");
        assertThat(auditEntry("report.dismissed", "report:" + reportId).path("reason").asString())
                .isEqualTo("within the rules");
        assertThat(ok(anonymous().get("/chorus/api/posts/" + id)).path("hidden").isNull()).as("the post stays").isTrue();
        assertThat(ok(as("eve").send("POST", "/chorus/api/posts/" + id + "/reports", json("reason", "still meh")))
                .path("status").asString()).as("a decided report may be followed by a new one").isEqualTo("open");
    }

    @Test
    void aReportFromTheBrowser_needsTheCsrfToken() {
        String id = publish("ada", "reported from a page");
        Client browser = Client.browser(server.root());
        assertThat(browser.get("/login?handle=carol").status()).isEqualTo(204);
        String csrf = browser.get("/chorus/api/session").json().path("csrf").asString();
        String body = json("reason", "spam");

        assertProblem(browser.send("POST", "/chorus/api/posts/" + id + "/reports", body, "Origin",
                server.root().toString()), 403, "csrf-token-invalid");
        assertThat(ok(browser.send("POST", "/chorus/api/posts/" + id + "/reports", body, "X-Chorus-CSRF", csrf,
                "Origin", server.root().toString())).path("reporter").path("handle").asString()).isEqualTo("carol");
    }

    // ---------------------------------------------------------------- suspension

    @Test
    void suspension_blocksEveryWrite_untilReinstated_andBothAreAuditedWithTheirReasons() {
        String someonesPost = publish("ada", "for dan to touch");
        ok(as("root").send("POST", "/chorus/api/admin/members/dan/suspend", json("reason", "spam after a warning")));

        assertProblem(as("dan").send("POST", "/chorus/api/posts", json("text", "let me in")), 403, "not-permitted");
        assertThat(as("dan").send("POST", "/chorus/api/posts", json("text", "let me in")).json().path("reason")
                .asString()).isEqualTo("suspended");
        assertProblem(as("dan").send("POST", "/chorus/api/posts/" + someonesPost + "/appreciation", null), 403,
                "not-permitted");
        assertProblem(as("dan").send("POST", "/chorus/api/posts/" + someonesPost + "/reports", json("reason", "x")), 403,
                "not-permitted");
        assertThat(auditEntry("member.suspended", "@dan").path("reason").asString()).isEqualTo("spam after a warning");

        ok(as("root").send("POST", "/chorus/api/admin/members/dan/reinstate", json("reason", "apologised")));

        publish("dan", "back again");
        assertThat(auditEntry("member.reinstated", "@dan").path("reason").asString()).isEqualTo("apologised");
        ok(as("root").send("POST", "/chorus/api/admin/members/dan/suspend", null));
        ok(as("root").send("POST", "/chorus/api/admin/members/dan/reinstate", null));
        assertThat(audit(1).get(0).path("reason").isNull()).as("the reason is optional").isTrue();
    }

    @Test
    void suspensionReasons_ofMoreThanFiveHundredCharacters_areRefusedBeforeTheAct() {
        assertProblem(as("root").send("POST", "/chorus/api/admin/members/eve/suspend", json("reason", "x".repeat(501))),
                400, "invalid-request");
        assertThat(ok(anonymous().get("/chorus/api/members/eve")).path("status").asString()).isNotEqualTo("suspended");
        publish("eve", "still active");
    }

    // ---------------------------------------------------------------- audit

    @Test
    void theAdminRoutes_recordEachAct() {
        ok(as("root").send("POST", "/chorus/api/admin/organisations", json("slug", "audit-lab", "name", "Audit Lab")));
        ok(as("root").send("POST", "/chorus/api/admin/members", json("handle", "fred", "name", "Fred")));
        String tokenId = ok(as("root").send("POST", "/chorus/api/admin/members/fred/tokens", json("label", "ci")))
                .path("id").asString();
        assertThat(as("root").send("DELETE", "/chorus/api/admin/members/fred/tokens/" + tokenId, null).status())
                .isEqualTo(204);

        List<String> newest = audit(4).stream().map(e -> e.path("action").asString() + " " + e.path("target").asString())
                .toList();
        assertThat(newest).containsExactly("token.revoked @fred", "token.issued @fred", "member.admitted @fred",
                "organisation.saved organisation:audit-lab");
        assertThat(audit(4)).allSatisfy(e -> assertThat(e.path("actor").path("handle").asString()).isEqualTo("root"));
        assertThat(audit(4).get(0).path("id").isString()).isTrue();
        assertThat(audit(4).get(0).path("at").asString()).endsWith("Z");
    }

    @Test
    void audit_pagesNewestFirst_byCursor_andRefusesBadCursorsAndLimits() {
        for (int i = 0; i < 3; i++) {
            ok(as("root").send("POST", "/chorus/api/admin/organisations", json("slug", "paging-" + i, "name", "P" + i)));
        }
        JsonNode first = ok(as("root").get("/chorus/api/admin/audit?limit=2"));
        String next = first.path("next").asString();
        JsonNode second = ok(as("root").get("/chorus/api/admin/audit?limit=1&before=" + next));

        assertThat(first.path("items").get(0).path("target").asString()).isEqualTo("organisation:paging-2");
        assertThat(first.path("items").get(1).path("target").asString()).isEqualTo("organisation:paging-1");
        assertThat(second.path("items").get(0).path("target").asString()).isEqualTo("organisation:paging-0");
        List<String> all = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = ok(as("root").get("/chorus/api/admin/audit?limit=100" + cursor));
            page.path("items").forEach(e -> all.add(e.path("id").asString()));
            cursor = page.path("next").isNull() ? null : "&before=" + page.path("next").asString();
        } while (cursor != null);
        assertThat(all).doesNotHaveDuplicates().contains(first.path("items").get(0).path("id").asString());
        assertProblem(as("root").get("/chorus/api/admin/audit?before=c123"), 400, "invalid-parameter");
        assertProblem(as("root").get("/chorus/api/admin/audit?limit=0"), 400, "invalid-parameter");
        assertProblem(as("root").get("/chorus/api/admin/audit?limit=101"), 400, "invalid-parameter");
        assertThat(ok(as("root").get("/chorus/api/admin/audit?limit=100")).path("items").size()).isBetween(1, 100);
    }

    @Test
    void noRoute_changesOrDeletesAnAuditEntry() {
        for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
            assertProblem(as("root").send(method, "/chorus/api/admin/audit", "{}"), 405, "method-not-allowed");
        }
        String id = audit(1).isEmpty() ? "1" : audit(1).get(0).path("id").asString();
        for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
            assertProblem(as("root").send(method, "/chorus/api/admin/audit/" + id, null), 404, "route-not-found");
        }
    }

    @Test
    void hiddenPostsList_needsHiddenTrue_andPagesByPostId() {
        String older = publish("ada", "hidden older");
        String newer = publish("ada", "hidden newer");
        hide(older, "one");
        hide(newer, "two");

        JsonNode first = ok(as("root").get("/chorus/api/admin/posts?hidden=true&limit=1"));
        assertThat(first.path("items").get(0).path("id").asString()).isEqualTo(newer);
        JsonNode second = ok(as("root").get("/chorus/api/admin/posts?hidden=true&limit=1&before="
                + first.path("next").asString()));
        assertThat(second.path("items").get(0).path("id").asString()).isEqualTo(older);
        assertProblem(as("root").get("/chorus/api/admin/posts"), 400, "invalid-parameter");
        assertProblem(as("root").get("/chorus/api/admin/posts?hidden=false"), 400, "invalid-parameter");
        assertProblem(as("root").get("/chorus/api/admin/posts?hidden=true&before=abc"), 400, "invalid-parameter");
    }

    // ---------------------------------------------------------------- every route, every role

    @Test
    void eachModerationRoute_withEachRole() {
        String post = publish("ada", "for the roles");
        String reportId = ok(as("bob").send("POST", "/chorus/api/posts/" + post + "/reports", json("reason", "r")))
                .path("id").asString();
        record Call(String method, String path, String body) {
        }
        List<Call> adminCalls = List.of(new Call("GET", "/chorus/api/admin/reports", null),
                new Call("GET", "/chorus/api/admin/reports?status=all", null),
                new Call("GET", "/chorus/api/admin/posts?hidden=true", null),
                new Call("GET", "/chorus/api/admin/audit", null),
                new Call("POST", "/chorus/api/admin/reports/" + reportId + "/dismiss", null),
                new Call("POST", "/chorus/api/admin/posts/" + post + "/hide", json("reason", "roles")),
                new Call("POST", "/chorus/api/admin/posts/" + post + "/unhide", null));
        for (Call call : adminCalls) {
            assertProblem(anonymous().send(call.method(), call.path(), call.body()), 401, "unauthenticated");
            assertProblem(as("ada").send(call.method(), call.path(), call.body()), 403, "not-permitted");
            assertProblem(as("carol").send(call.method(), call.path(), call.body()), 403, "not-permitted");
        }
        assertThat(ok(anonymous().get("/chorus/api/posts/" + post)).path("hidden").isNull())
                .as("no refused call changed anything").isTrue();
        assertThat(reportIds("open")).contains(reportId);
        for (Call call : adminCalls) {
            ok(as("root").send(call.method(), call.path(), call.body()));
        }

        String reports = "/chorus/api/posts/" + post + "/reports";
        assertProblem(anonymous().send("POST", reports, json("reason", "r")), 401, "unauthenticated");
        assertThat(ok(as("ada").send("POST", reports, json("reason", "my own"))).path("reporter").path("handle")
                .asString()).as("the author").isEqualTo("ada");
        assertThat(ok(as("carol").send("POST", reports, json("reason", "other member"))).path("status").asString())
                .isEqualTo("open");
        assertThat(ok(as("root").send("POST", reports, json("reason", "admin"))).path("status").asString())
                .isEqualTo("open");
    }
}
