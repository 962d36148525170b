package org.chorusfeed.servlet;

import static org.chorusfeed.servlet.Clients.json;
import static org.chorusfeed.servlet.Clients.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.Role;
import org.chorusfeed.post.Post;
import org.chorusfeed.servlet.internal.Representations;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Members' data rights over real HTTP in a real container, on the SQLite store: who sees a post's history, the
 * export download, and erasure reaching every read path. The same tests for Jetty 12 and Tomcat 11.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DataRightsSuite {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestServer.Factory factory;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private Path dataDirectory;
    private TestServer server;
    private Clients clients;
    private Chorus chorus;
    private String rootToken;
    private String adaToken;
    private String bobToken;

    DataRightsSuite(TestServer.Factory factory) {
        this.factory = factory;
    }

    @BeforeAll
    void start() throws Exception {
        dataDirectory = Files.createTempDirectory("chorus-data-rights");
        chorus = Chorus.builder().dataDirectory(dataDirectory).clock(clock).build();
        chorus.organisations().save(Organisation.of("baltic-lab", "Baltic Lab"));
        Member root = chorus.members().admit(NewMember.handle("root").name("Hub Admin").role(Role.ADMIN));
        Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada Example").organisation("baltic-lab"));
        Member bob = chorus.members().admit(NewMember.handle("bob").name("Bob Builder"));
        rootToken = chorus.tokens().issue(root.id(), "tests").secret();
        adaToken = chorus.tokens().issue(ada.id(), "ada's tests").secret();
        bobToken = chorus.tokens().issue(bob.id(), "bob's tests").secret();
        ChorusServlet servlet = new ChorusServlet(ChorusServletConfig.builder(chorus)
                .memberResolver(LoginServlet.RESOLVER)
                .writesPerMinutePerMember(100_000)
                .writesPerMinutePerAddress(100_000)
                .heartbeatInterval(Duration.ofSeconds(1))
                .hubTitle("Rights Hub")
                .build());
        server = factory.start(List.of(new TestServer.Mount("/chorus/*", servlet),
                new TestServer.Mount("/login", new LoginServlet())), Map.of());
        clients = new Clients(server.root());
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        chorus.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private Client anonymous() {
        return clients.anonymous();
    }

    private Client bearer(String token) {
        return clients.bearer(token);
    }

    private static JsonNode created(Client.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    private JsonNode publish(Client client, String text) {
        return created(client.send("POST", "/chorus/api/posts", json("text", text)));
    }

    private JsonNode reply(Client client, String parent, String text) {
        return created(client.send("POST", "/chorus/api/posts", json("text", text, "inReplyTo", parent)));
    }

    // ---------------------------------------------------------------- history

    @Test
    void history_isForTheAuthorAndAdmins_whileReadersSeeOnlyThatItWasEdited() {
        Client ada = bearer(adaToken);
        String id = publish(ada, "first words").path("id").asString();
        assertThat(ada.send("PATCH", "/chorus/api/posts/" + id, json("text", "second words")).status()).isEqualTo(200);
        String history = "/chorus/api/posts/" + id + "/history";

        assertThat(anonymous().get("/chorus/api/posts/" + id).json().path("editedAt").isString()).isTrue();
        assertThat(anonymous().get("/chorus/api/posts/" + id).body()).doesNotContain("first words");
        assertProblem(anonymous().get(history), 403, "not-permitted");
        Client.Response other = bearer(bobToken).get(history);
        assertProblem(other, 403, "not-permitted");
        assertThat(other.json().path("reason").asString()).isEqualTo("not-author-or-admin");
        assertThat(other.body()).doesNotContain("first words");
        for (Client allowed : List.of(ada, bearer(rootToken), clients.signedIn("ada"))) {
            Client.Response answer = allowed.get(history);
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("private"));
            JsonNode items = answer.json().path("items");
            assertThat(items).hasSize(2);
            assertThat(items.get(0).path("text").asString()).isEqualTo("first words");
            assertThat(items.get(1).path("text").asString()).isEqualTo("second words");
        }
        assertProblem(ada.get("/chorus/api/posts/999999999/history"), 404, "post-not-found");
    }

    // ---------------------------------------------------------------- export

    @Test
    void export_isAZipOfTheCallersOwnData_thatIndependentParsersRead() throws Exception {
        Client ada = bearer(adaToken);
        Client bob = bearer(bobToken);
        String marker = "ada-export-" + System.nanoTime();
        String first = publish(ada, "draft " + marker + " #exporting").path("id").asString();
        ada.send("PATCH", "/chorus/api/posts/" + first, json("text", "final " + marker + " #exporting"));
        String bobs = publish(bob, "bob's own post").path("id").asString();
        String answer = reply(ada, bobs, "ada answers bob").path("id").asString();
        assertThat(ada.send("POST", "/chorus/api/posts/" + bobs + "/appreciation", null).status()).isEqualTo(200);

        Client.Response response = ada.get("/chorus/api/me/export");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/zip");
        assertThat(response.header("Content-Disposition")).contains("attachment; filename=\"chorus-export-ada.zip\"");
        assertThat(response.header("Cache-Control")).contains("no-store");
        Map<String, byte[]> files = unzip(response.bytes());
        assertThat(files).containsOnlyKeys("member.json", "posts.atom");

        JsonNode member = Client.JSON.readTree(files.get("member.json"));
        assertThat(member.path("member").path("handle").asString()).isEqualTo("ada");
        assertThat(member.path("member").path("organisation").path("slug").asString()).isEqualTo("baltic-lab");
        List<String> postIds = new ArrayList<>();
        member.path("posts").forEach(post -> postIds.add(post.path("id").asString()));
        assertThat(postIds).contains(first, answer).doesNotContain(bobs);
        JsonNode exported = findById(member.path("posts"), first);
        assertThat(exported.path("history")).hasSize(2);
        assertThat(exported.path("history").get(0).path("text").asString()).isEqualTo("draft " + marker + " #exporting");
        assertThat(findById(member.path("posts"), answer).path("inReplyTo").asString()).isEqualTo(bobs);
        List<String> appreciated = new ArrayList<>();
        member.path("appreciationsGiven").forEach(given -> appreciated.add(given.path("post").asString()));
        assertThat(appreciated).contains(bobs);
        assertThat(member.path("tokens")).hasSize(1);
        assertThat(member.path("tokens").get(0).path("label").asString()).isEqualTo("ada's tests");
        String memberJson = new String(files.get("member.json"), StandardCharsets.UTF_8);
        assertThat(memberJson).doesNotContain(adaToken).doesNotContain("bob's tests").doesNotContain("bob's own post");
        assertThat(member.has("blogFeed")).isTrue();

        SyndFeed atom = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(files.get("posts.atom"))));
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        List<String> texts = new ArrayList<>();
        for (SyndEntry entry : atom.getEntries()) {
            texts.add(entry.getContents().get(0).getValue());
            assertThat(entry.getLink()).startsWith(server.root() + "/chorus/api/posts/");
        }
        assertThat(String.join("\n", texts)).contains("final " + marker).contains("ada answers bob")
                .doesNotContain("bob's own post");

        Map<String, byte[]> bobsFiles = unzip(bob.get("/chorus/api/me/export").bytes());
        JsonNode bobsMember = Client.JSON.readTree(bobsFiles.get("member.json"));
        assertThat(bobsMember.path("member").path("handle").asString()).isEqualTo("bob");
        assertThat(new String(bobsFiles.get("member.json"), StandardCharsets.UTF_8)).doesNotContain(marker)
                .doesNotContain("ada's tests").contains("bob's own post");
        assertThat(new String(bobsFiles.get("posts.atom"), StandardCharsets.UTF_8)).doesNotContain(marker);

        Client.Response browser = clients.signedIn("ada").get("/chorus/api/me/export");
        assertThat(browser.status()).isEqualTo(200);
        assertThat(unzip(browser.bytes())).containsKey("member.json");
        Client.Response admin = bearer(rootToken).get("/chorus/api/me/export");
        assertThat(Client.JSON.readTree(unzip(admin.bytes()).get("member.json")).path("member").path("handle")
                .asString()).isEqualTo("root");
        assertThat(new String(unzip(admin.bytes()).get("member.json"), StandardCharsets.UTF_8)).doesNotContain(marker);
        assertProblem(anonymous().get("/chorus/api/me/export"), 401, "unauthenticated");
        assertProblem(bearer("chorus_" + "A".repeat(43)).get("/chorus/api/me/export"), 401, "invalid-token");
    }

    private static JsonNode findById(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + items);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    // ---------------------------------------------------------------- erasure

    @Test
    void erase_withoutTheirOwnHandleAsConfirm_is422_andRemovesNothing() {
        Member cleo = chorus.members().admit(NewMember.handle("cleo").name("Cleo"));
        Client client = bearer(chorus.tokens().issue(cleo.id(), "cleo").secret());
        String id = publish(client, "cleo stays").path("id").asString();
        for (String body : List.of("{}", json("confirm", "bob"), json("confirm", "CLEO"), json("confirm", "@cleo"),
                json("confirm", ""), "{\"confirm\":null}", "{\"confirm\":5}", "{\"confirm\":[\"cleo\"]}")) {
            assertProblem(client.send("DELETE", "/chorus/api/me", body), 422, "erasure-not-confirmed");
        }
        assertProblem(client.send("DELETE", "/chorus/api/me", json("confirm", "cleo", "also", "x")), 400, "unknown-field");
        assertProblem(anonymous().send("DELETE", "/chorus/api/me", json("confirm", "cleo")), 401, "unauthenticated");
        Client browser = clients.signedIn("cleo");
        assertProblem(browser.send("DELETE", "/chorus/api/me", json("confirm", "cleo"), "Origin", server.root().toString()),
                403, "csrf-token-invalid");
        assertThat(anonymous().get("/chorus/api/posts/" + id).status()).isEqualTo(200);
        assertThat(client.get("/chorus/api/me").json().path("handle").asString()).isEqualTo("cleo");
    }

    @Test
    void erase_byCookieWithCsrf_erasesTheSignedInMember() {
        Member dan = chorus.members().admit(NewMember.handle("dan").name("Dan"));
        chorus.posts().publish(dan.id(), "dan was here");
        Client browser = clients.signedIn("dan");
        String csrf = browser.get("/chorus/api/session").json().path("csrf").asString();
        Client.Response erased = browser.send("DELETE", "/chorus/api/me", json("confirm", "dan"),
                "X-Chorus-CSRF", csrf, "Origin", server.root().toString());
        assertThat(erased.status()).as("%s", erased).isEqualTo(204);
        assertThat(chorus.members().findByHandle("dan")).isEmpty();
        assertProblem(browser.get("/chorus/api/me"), 401, "unauthenticated");
    }

    @Test
    void erase_reachesEveryReadPath_andNoRouteOrQueryReturnsTheirText() throws Exception {
        String marker = "zq" + Long.toString(System.nanoTime(), 36) + "mark";
        Member zed = chorus.members().admit(NewMember.handle("zed").name("Zed " + marker).bio("bio " + marker)
                .organisation("baltic-lab"));
        String zedToken = chorus.tokens().issue(zed.id(), "label " + marker).secret();
        Client zedClient = bearer(zedToken);
        Client bob = bearer(bobToken);
        long before = chorus.changes().lastSeq();
        String bobs = publish(bob, "bob asks #rights").path("id").asString();
        String zedPost = publish(zedClient, "zed posts " + marker + " #zedonly #rights").path("id").asString();
        zedClient.send("PATCH", "/chorus/api/posts/" + zedPost, json("text", "zed edits " + marker + " #zedonly"));
        String zedReply = reply(zedClient, bobs, "zed replies " + marker).path("id").asString();
        String bobsReply = reply(bob, zedPost, "bob answers zed").path("id").asString();
        assertThat(zedClient.send("POST", "/chorus/api/posts/" + bobs + "/appreciation", null).json()
                .path("appreciations").asInt()).isEqualTo(1);
        bob.send("POST", "/chorus/api/posts/" + zedPost + "/appreciation", null);
        Member root = chorus.members().findByHandle("root").orElseThrow();
        chorus.moderation().report(org.chorusfeed.post.PostId.parse(bobs), zed.id(), "zed reports " + marker);
        chorus.moderation().report(org.chorusfeed.post.PostId.parse(zedPost), root.id(), "root reports zed");
        chorus.moderation().hide(org.chorusfeed.post.PostId.parse(zedReply), root.id(), "hidden for the test");
        assertThat(adminBodies()).as("visible to admins before erasure").contains(marker);
        assertThat(bodies(List.of("/chorus/api/timeline?tag=zedonly"))).as("visible before erasure").contains(marker);
        assertThat(bodies(readPaths())).as("visible before erasure").contains(marker);

        try (SseClient live = SseClient.open(anonymous().http(), anonymous().request("/chorus/api/stream")
                .timeout(Duration.ofMinutes(1)))) {
            assertThat(live.status()).isEqualTo(200);
            Client.Response erased = zedClient.send("DELETE", "/chorus/api/me", json("confirm", "zed"));
            assertThat(erased.status()).as("%s", erased).isEqualTo(204);
            List<String> deleted = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            while (deleted.size() < 2 || updated.isEmpty()) {
                SseClient.Event event = live.next(WAIT);
                assertThat(event).as("deleted %s, updated %s", deleted, updated).isNotNull();
                assertThat(event.data()).doesNotContain(marker);
                JsonNode data = Client.JSON.readTree(event.data());
                if (event.event().equals("post.deleted")) {
                    deleted.add(data.path("id").asString());
                } else if (event.event().equals("post.updated")) {
                    updated.add(data.path("id").asString());
                    assertThat(data.path("appreciations").asInt()).isZero();
                }
            }
            assertThat(deleted).containsExactly(zedPost, zedReply);
            assertThat(updated).containsExactly(bobs);
        }

        assertThat(bodies(readPaths())).doesNotContain(marker).doesNotContain("Zed ");
        assertThat(adminBodies()).doesNotContain(marker).doesNotContain("Zed ");
        assertProblem(bearer(rootToken).get("/chorus/api/admin/members/zed/blog"), 404, "member-not-found");
        assertProblem(anonymous().get("/chorus/api/posts/" + zedPost), 404, "post-not-found");
        assertProblem(anonymous().get("/chorus/api/posts/" + zedReply), 404, "post-not-found");
        assertProblem(bearer(rootToken).get("/chorus/api/posts/" + zedPost + "/history"), 404, "post-not-found");
        assertProblem(anonymous().get("/chorus/api/members/zed"), 404, "member-not-found");
        assertProblem(zedClient.get("/chorus/api/me"), 401, "invalid-token");
        assertProblem(zedClient.get("/chorus/api/me/export"), 401, "invalid-token");
        JsonNode stays = anonymous().get("/chorus/api/posts/" + bobsReply).json();
        assertThat(stays.path("inReplyTo").asString()).isEqualTo(zedPost);
        assertThat(stays.path("inReplyToAuthor").isNull()).as("the parent shows as gone").isTrue();
        assertThat(anonymous().get("/chorus/api/posts/" + bobs).json().path("appreciations").asInt()).isZero();

        String replay = replay(before);
        assertThat(replay).doesNotContain(marker).contains("event: post.deleted");
        assertThat(storeText()).doesNotContain(marker);
        org.chorusfeed.moderation.AuditEntry erasure = chorus.audit().read(java.util.Optional.empty(), 1).items().get(0);
        assertThat(erasure.action()).isEqualTo("member.erased");
        assertThat(erasure.target()).isEqualTo("@zed");
        assertThat(erasure.actor()).isEmpty();
        assertThat(erasure.reason()).isEmpty();
    }

    /** Every read route, with every filter, that could show the member or their posts. */
    private List<String> readPaths() {
        List<String> paths = new ArrayList<>(List.of("/chorus/api/members", "/chorus/api/members/zed"));
        List<String> filters = List.of("", "member=zed", "org=baltic-lab", "tag=zedonly", "tag=rights", "replies=false",
                "source=native", "limit=1");
        for (String filter : filters) {
            paths.add("/chorus/api/timeline?" + filter);
            for (String feed : List.of("feed.atom", "feed.rss", "feed.json")) {
                paths.add("/chorus/" + feed + "?" + filter);
            }
        }
        return paths;
    }

    /** What admins read: members, join requests, organisations, reports, hidden posts, the audit log. */
    private String adminBodies() {
        Client root = bearer(rootToken);
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/chorus/api/admin/members?status=all", "/chorus/api/admin/join-requests?status=all",
                "/chorus/api/organisations", "/chorus/api/admin/reports?status=all", "/chorus/api/admin/posts?hidden=true",
                "/chorus/api/admin/audit")) {
            Client.Response response = root.get(path);
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            all.append(response.body()).append('\n');
        }
        all.append(chorus.moderation().reports(false)).append(chorus.moderation().hidden(java.util.Optional.empty(), 100))
                .append(chorus.audit().read(java.util.Optional.empty(), 100).items());
        return all.toString();
    }

    /** The bodies of these paths, following the timeline's {@code next} cursors to the end. */
    private String bodies(List<String> paths) {
        StringBuilder all = new StringBuilder();
        for (String path : paths) {
            String next = path;
            while (next != null) {
                Client.Response response = anonymous().get(next);
                all.append(response.body()).append('\n');
                next = null;
                if (path.startsWith("/chorus/api/timeline") && response.status() == 200) {
                    JsonNode cursor = response.json().path("next");
                    if (cursor.isString()) {
                        String base = path.contains("?") ? path + "&" : path + "?";
                        next = base + "before=" + URLEncoder.encode(cursor.asString(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return all.toString();
    }

    /** The stream replayed from {@code afterSeq} (Last-Event-ID) until it has caught up with the log. */
    private String replay(long afterSeq) throws Exception {
        Client client = anonymous();
        HttpRequest.Builder request = client.request("/chorus/api/stream").timeout(Duration.ofMinutes(1))
                .header("Last-Event-ID", Long.toString(afterSeq));
        StringBuilder all = new StringBuilder();
        long last = chorus.changes().lastSeq();
        try (SseClient events = SseClient.open(client.http(), request)) {
            assertThat(events.status()).isEqualTo(200);
            SseClient.Event event;
            while ((event = events.next(Duration.ofSeconds(2))) != null) {
                all.append("event: ").append(event.event()).append('\n').append(event.data()).append('\n');
                if (Long.parseLong(event.id()) >= last) {
                    break;
                }
            }
        }
        return all.toString();
    }

    /** What the store's queries return, as text. */
    private String storeText() {
        StringBuilder all = new StringBuilder();
        all.append(chorus.members().list());
        all.append(chorus.members().findByHandle("zed"));
        all.append(chorus.timeline().read(TimelineQuery.latest().limit(100)).items());
        for (Post post : chorus.timeline().read(TimelineQuery.latest().limit(100)).items()) {
            all.append(chorus.posts().history(post.id()));
        }
        all.append(chorus.changes().lastSeq());
        return all.toString();
    }

    @Test
    void theHubsLastActiveAdmin_isRefusedErasure_withAReasonTheyCanActOn() {
        Client.Response refused = bearer(rootToken).send("DELETE", "/chorus/api/me", json("confirm", "root"));
        assertProblem(refused, 403, "not-permitted");
        assertThat(refused.json().path("reason").asString()).isEqualTo("last-admin");
        assertThat(refused.json().path("detail").asString()).contains("make another member an admin first");
        assertThat(bearer(rootToken).get("/chorus/api/me").status()).isEqualTo(200);
    }

    @Test
    void anErasedHandle_isRefusedToNewMembers_untilThirtyDaysHavePassed() {
        Member eve = chorus.members().admit(NewMember.handle("eve").name("Eve"));
        Client client = bearer(chorus.tokens().issue(eve.id(), "eve").secret());
        Instant erasedAt = clock.instant();
        assertThat(client.send("DELETE", "/chorus/api/me", json("confirm", "eve")).status()).isEqualTo(204);
        Client root = bearer(rootToken);
        String admit = json("handle", "eve", "name", "Another Eve");

        clock.advance(Duration.ofDays(30).minusMillis(1));
        Client.Response refused = root.send("POST", "/chorus/api/admin/members", admit);
        assertProblem(refused, 409, "handle-taken");
        assertThat(refused.json().path("handle").asString()).isEqualTo("eve");
        assertThat(refused.json().path("freeFrom").asString())
                .isEqualTo(Representations.time(erasedAt.plus(Duration.ofDays(30))));
        assertThat(refused.json().path("detail").asString()).contains("erased");

        clock.advance(Duration.ofMillis(1));
        assertThat(root.send("POST", "/chorus/api/admin/members", admit).status()).isEqualTo(201);
    }
}
