package org.chorusfeed.servlet;

import static org.chorusfeed.servlet.Clients.json;
import static org.chorusfeed.servlet.Clients.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.Role;
import org.chorusfeed.servlet.internal.Api;
import org.chorusfeed.servlet.internal.Route;
import org.chorusfeed.servlet.internal.WidgetAssets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Every route of the servlet over real HTTP, in a real container: the same tests for Jetty 12 and Tomcat 11.
 * Three mounts: {@code /chorus/*} (public reads, generous limits, a one-second heartbeat), {@code /limited/*}
 * (tight rate limits on a clock the tests move, two stream connections at most) and {@code /private/*} (reads
 * for members only). {@code /login?handle=...} signs a browser in, as a host's login would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChorusServletSuite {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestServer.Factory factory;
    private TestServer server;
    private Chorus chorus;
    private Chorus limitedChorus;
    private MutableClock limitedClock;
    private ChorusServlet servlet;
    private String rootToken;
    private String adaToken;
    private String bobToken;
    private String limitedToken;

    ChorusServletSuite(TestServer.Factory factory) {
        this.factory = factory;
    }

    @BeforeAll
    void start() throws Exception {
        // (link previews off: the suite's links lead to the real internet; LinkPreviewSuite tests them)
        chorus = Chorus.builder().inMemory().linkPreviews(false).build();
        chorus.organisations().save(Organisation.of("baltic-lab", "Baltic Lab"));
        chorus.organisations().save(Organisation.of("nordic", "Nordic Works"));
        Member root = chorus.members().admit(NewMember.handle("root").name("Hub Admin").role(Role.ADMIN));
        Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada Example").organisation("baltic-lab"));
        Member bob = chorus.members().admit(NewMember.handle("bob").name("Bob Builder").organisation("nordic"));
        chorus.members().admit(NewMember.handle("carol").name("Carol"));
        rootToken = chorus.tokens().issue(root.id(), "tests").secret();
        adaToken = chorus.tokens().issue(ada.id(), "tests").secret();
        bobToken = chorus.tokens().issue(bob.id(), "tests").secret();
        servlet = new ChorusServlet(ChorusServletConfig.builder(chorus)
                .memberResolver(LoginServlet.RESOLVER)
                .allowedOrigins("https://allowed.example")
                .writesPerMinutePerMember(100_000)
                .writesPerMinutePerAddress(100_000)
                .heartbeatInterval(Duration.ofSeconds(1))
                .hubTitle("Test Hub")
                .build());

        limitedClock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        limitedChorus = Chorus.builder().inMemory().linkPreviews(false).clock(limitedClock).build();
        Member dora = limitedChorus.members().admit(NewMember.handle("dora").name("Dora"));
        limitedToken = limitedChorus.tokens().issue(dora.id(), "tests").secret();
        for (String handle : List.of("eve", "fay", "gus")) {
            limitedChorus.members().admit(NewMember.handle(handle).name(handle));
        }
        ChorusServlet limited = new ChorusServlet(ChorusServletConfig.builder(limitedChorus)
                .memberResolver(LoginServlet.RESOLVER)
                .writesPerMinutePerMember(3)
                .writesPerMinutePerAddress(5)
                .maxStreamConnections(2)
                .heartbeatInterval(Duration.ofSeconds(1))
                .build());
        ChorusServlet closed = new ChorusServlet(ChorusServletConfig.builder(chorus).publicReads(false).build());

        // As web.xml mounts it: the no-argument constructor, the Chorus from a context attribute, init parameters.
        TestServer.Mount webXml = new TestServer.Mount("/webxml/*", new ChorusServlet(),
                java.util.Map.of("hubTitle", "From web.xml", "publicReads", "false"));
        server = factory.start(List.of(new TestServer.Mount("/chorus/*", servlet),
                new TestServer.Mount("/limited/*", limited), new TestServer.Mount("/private/*", closed), webXml,
                new TestServer.Mount("/login", new LoginServlet())), java.util.Map.of(ChorusServlet.CHORUS_ATTRIBUTE, chorus));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        chorus.close();
        limitedChorus.close();
    }

    private final java.util.Map<String, Client> scripts = new ConcurrentHashMap<>();

    private Client anonymous() {
        return bearer("");
    }

    /** A script with this token; one client (and its connections) per token, as a real script would keep. */
    private Client bearer(String token) {
        return scripts.computeIfAbsent(token, t -> Client.script(server.root(), t));
    }

    /** A browser signed in through the host's login. */
    private Client signedIn(String handle) {
        Client browser = Client.browser(server.root());
        assertThat(browser.get("/login?handle=" + handle).status()).isEqualTo(204);
        return browser;
    }

    private String ownOrigin() {
        return server.root().toString();
    }

    private JsonNode publish(Client client, String text) {
        Client.Response response = client.send("POST", "/chorus/api/posts", json("text", text));
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    // ---------------------------------------------------------------- timeline

    @Test
    void timeline_newestPage_hasTheContractShape_andAnswers304ToItsEtag() {
        JsonNode post = publish(bearer(adaToken), "Kick-off at #BalticLab today https://example.org/kickoff with @bob");
        Client.Response page = anonymous().get("/chorus/api/timeline?limit=5");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("application/json");
        assertThat(page.header("ETag")).hasValueSatisfying(etag -> assertThat(etag).startsWith("W/\""));
        assertThat(page.header("Access-Control-Allow-Origin")).contains("*");
        JsonNode first = page.json().path("items").get(0);
        assertThat(first.path("id").asString()).isEqualTo(post.path("id").asString());
        assertThat(first.path("id").isString()).isTrue();
        assertThat(first.path("author").path("handle").asString()).isEqualTo("ada");
        assertThat(first.path("author").path("name").asString()).isEqualTo("Ada Example");
        assertThat(first.path("author").path("organisation").path("slug").asString()).isEqualTo("baltic-lab");
        assertThat(first.path("author").path("organisation").path("name").asString()).isEqualTo("Baltic Lab");
        assertThat(first.path("publishedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(first.path("source").path("kind").asString()).isEqualTo("native");
        assertThat(first.path("inReplyTo").isNull()).isTrue();
        assertThat(first.path("inReplyToAuthor").isNull()).isTrue();
        assertThat(first.path("preview").isNull()).isTrue();
        assertThat(first.path("editedAt").isNull()).isTrue();
        assertThat(first.path("appreciations").asInt()).isZero();
        assertThat(first.has("appreciatedByMe")).as("anonymous readers get the shared page").isFalse();
        List<String> types = new ArrayList<>();
        StringBuilder concatenated = new StringBuilder();
        for (JsonNode segment : first.path("segments")) {
            types.add(segment.path("type").asString());
            concatenated.append(segment.path("text").asString());
        }
        assertThat(types).contains("text", "tag", "link", "mention");
        assertThat(concatenated.toString()).isEqualTo(first.path("text").asString());
        assertThat(page.json().has("next")).isTrue();
        assertThat(page.json().has("prev")).isTrue();

        String etag = page.header("ETag").orElseThrow();
        Client.Response again = anonymous().get("/chorus/api/timeline?limit=5", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();

        publish(bearer(bobToken), "something new");
        Client.Response changed = anonymous().get("/chorus/api/timeline?limit=5", "If-None-Match", etag);
        assertThat(changed.status()).as("a new post changes the newest page").isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(java.util.Optional.of(etag));
    }

    @Test
    void timeline_aWriterReadsItsOwnPostAtOnce_evenFromTheCachedNewestPage() {
        Client ada = bearer(adaToken);
        for (int i = 0; i < 20; i++) {
            anonymous().get("/chorus/api/timeline");
            JsonNode post = publish(ada, "read your writes " + i);
            JsonNode newest = anonymous().get("/chorus/api/timeline").json().path("items").get(0);
            assertThat(newest.path("id").asString()).isEqualTo(post.path("id").asString());
        }
    }

    @Test
    void timeline_pagesWithCursors_andFilters_neverReorder() {
        Client bob = bearer(bobToken);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(0, publish(bob, "paging #pagetest number " + i).path("id").asString());
        }
        JsonNode first = anonymous().get("/chorus/api/timeline?tag=pagetest&limit=3").json();
        assertThat(ids(first)).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(first.path("prev").isNull()).isTrue();
        JsonNode second = anonymous().get("/chorus/api/timeline?tag=pagetest&limit=3&before="
                + first.path("next").asString()).json();
        assertThat(ids(second)).containsExactlyElementsOf(ids.subList(3, 6));
        JsonNode back = anonymous().get("/chorus/api/timeline?tag=PageTest&limit=3&after="
                + second.path("prev").asString()).json();
        assertThat(ids(back)).containsExactlyElementsOf(ids.subList(0, 3));
        JsonNode last = anonymous().get("/chorus/api/timeline?tag=pagetest&limit=3&before="
                + second.path("next").asString()).json();
        assertThat(ids(last)).containsExactlyElementsOf(ids.subList(6, 7));
        assertThat(last.path("next").isNull()).isTrue();

        assertThat(ids(anonymous().get("/chorus/api/timeline?member=bob&tag=pagetest&limit=100").json())).hasSize(7);
        assertThat(ids(anonymous().get("/chorus/api/timeline?org=nordic&tag=pagetest&limit=100").json())).hasSize(7);
        assertThat(ids(anonymous().get("/chorus/api/timeline?org=baltic-lab&tag=pagetest").json())).isEmpty();
        assertThat(ids(anonymous().get("/chorus/api/timeline?source=blog&tag=pagetest").json())).isEmpty();
        assertThat(ids(anonymous().get("/chorus/api/timeline?source=native&tag=pagetest").json())).hasSize(7);

        String parent = ids.get(0);
        Client.Response reply = bearer(adaToken).send("POST", "/chorus/api/posts",
                json("text", "a reply #pagetest", "inReplyTo", parent));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("inReplyTo").asString()).isEqualTo(parent);
        assertThat(reply.json().path("inReplyToAuthor").path("handle").asString()).isEqualTo("bob");
        assertThat(reply.json().path("inReplyToAuthor").path("name").asString()).isEqualTo("Bob Builder");
        assertThat(ids(anonymous().get("/chorus/api/timeline?tag=pagetest&limit=100").json())).hasSize(8);
        assertThat(ids(anonymous().get("/chorus/api/timeline?tag=pagetest&replies=false&limit=100").json())).hasSize(7);
    }

    // timeline performance: pages from kept post JSON, entity tags from the change log

    @Test
    void timeline_filteredPages_answer304UntilAChange_andThenShowEveryKindOfChange() {
        Client root = bearer(rootToken);
        assertThat(root.send("POST", "/chorus/api/admin/organisations", json("slug", "perf-works", "name", "Perf Works"))
                .status()).isEqualTo(201);
        Member perf = chorus.members().admit(NewMember.handle("perf").name("Perf Person").organisation("perf-works"));
        Client author = bearer(chorus.tokens().issue(perf.id(), "tests").secret());
        Client bob = bearer(bobToken);
        String parent = publish(author, "a parent #kepttest").path("id").asString();
        String reply = bob.send("POST", "/chorus/api/posts", json("text", "a reply #kepttest", "inReplyTo", parent))
                .json().path("id").asString();
        String url = "/chorus/api/timeline?tag=kepttest&limit=5";
        Client.Response first = anonymous().get(url);
        String etag = first.header("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"");
        assertThat(anonymous().get(url, "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(anonymous().get(url).bytes()).as("the same page again, from kept JSON").isEqualTo(first.bytes());

        assertThat(bob.send("POST", "/chorus/api/posts/" + parent + "/appreciation", null).status()).isEqualTo(200);
        Client.Response appreciated = anonymous().get(url, "If-None-Match", etag);
        assertThat(appreciated.status()).as("an appreciation changes the page").isEqualTo(200);
        assertThat(post(appreciated.json(), parent).path("appreciations").asInt()).isEqualTo(1);
        JsonNode asBob = bob.get(url).json();
        assertThat(post(asBob, parent).path("appreciatedByMe").asBoolean()).isTrue();
        assertThat(post(asBob, reply).path("appreciatedByMe").asBoolean()).isFalse();
        assertThat(post(anonymous().get(url).json(), parent).has("appreciatedByMe")).isFalse();

        assertThat(author.send("PATCH", "/chorus/api/posts/" + parent, json("text", "an edited parent #kepttest"))
                .status()).isEqualTo(200);
        assertThat(post(anonymous().get(url).json(), parent).path("text").asString())
                .isEqualTo("an edited parent #kepttest");

        assertThat(author.send("PATCH", "/chorus/api/me", json("name", "Perf Renamed")).status()).isEqualTo(200);
        JsonNode renamed = anonymous().get(url).json();
        assertThat(post(renamed, parent).path("author").path("name").asString()).isEqualTo("Perf Renamed");
        assertThat(post(renamed, reply).path("inReplyToAuthor").path("name").asString()).isEqualTo("Perf Renamed");

        assertThat(root.send("POST", "/chorus/api/admin/organisations", json("slug", "perf-works", "name",
                "Perf Works AB")).status()).isEqualTo(200);
        JsonNode orgRenamed = anonymous().get(url).json();
        assertThat(post(orgRenamed, parent).path("author").path("organisation").path("name").asString())
                .isEqualTo("Perf Works AB");

        assertThat(author.send("DELETE", "/chorus/api/posts/" + parent, null).status()).isEqualTo(204);
        JsonNode afterDelete = anonymous().get(url).json();
        assertThat(ids(afterDelete)).containsExactly(reply);
        assertThat(post(afterDelete, reply).path("inReplyTo").asString()).isEqualTo(parent);
        assertThat(post(afterDelete, reply).path("inReplyToAuthor").isNull())
                .as("the answered post is gone, and so is its author on the reply").isTrue();
    }

    private static JsonNode post(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("post " + id + " is not on the page " + page);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    @Test
    void timeline_limit_isOneToOneHundred_andBadParametersAre400() {
        assertThat(anonymous().get("/chorus/api/timeline?limit=1").json().path("items")).hasSizeLessThanOrEqualTo(1);
        assertThat(anonymous().get("/chorus/api/timeline?limit=100").status()).isEqualTo(200);
        assertProblem(anonymous().get("/chorus/api/timeline?limit=0"), 400, "invalid-parameter");
        assertProblem(anonymous().get("/chorus/api/timeline?limit=101"), 400, "invalid-parameter");
        assertProblem(anonymous().get("/chorus/api/timeline?limit=abc"), 400, "invalid-parameter");
        assertThat(anonymous().get("/chorus/api/timeline?limit=101").json().path("maximum").asInt()).isEqualTo(100);
        assertProblem(anonymous().get("/chorus/api/timeline?replies=maybe"), 400, "invalid-parameter");
        assertProblem(anonymous().get("/chorus/api/timeline?source=rss"), 400, "invalid-parameter");
        assertProblem(anonymous().get("/chorus/api/timeline?before=zzz"), 400, "invalid-request");
        assertProblem(anonymous().get("/chorus/api/timeline?tag=%3Cscript%3E"), 400, "invalid-parameter");
        assertProblem(anonymous().get("/chorus/api/timeline?limit=5&limit=6"), 400, "invalid-parameter");
    }

    @Test
    void head_answersHeadersWithoutBody() {
        Client.Response head = anonymous().send(anonymous().request("/chorus/api/timeline")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bytes()).isEmpty();
        assertThat(head.header("ETag")).isPresent();
    }

    // ---------------------------------------------------------------- posts

    @Test
    void posts_publishReadEditHistoryAppreciateDelete() {
        Client ada = bearer(adaToken);
        Client.Response created = ada.send("POST", "/chorus/api/posts", json("text", "first draft #lifecycle"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).contains("/chorus/api/posts/" + id);
        assertThat(created.json().path("appreciatedByMe").asBoolean()).isFalse();

        Client.Response read = anonymous().get("/chorus/api/posts/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("text").asString()).isEqualTo("first draft #lifecycle");
        assertThat(anonymous().get("/chorus/api/posts/" + id, "If-None-Match", read.header("ETag").orElseThrow()).status())
                .isEqualTo(304);

        Client.Response edited = ada.send("PATCH", "/chorus/api/posts/" + id, json("text", "second draft #lifecycle"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("editedAt").isString()).isTrue();
        JsonNode history = ada.get("/chorus/api/posts/" + id + "/history").json().path("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("text").asString()).isEqualTo("first draft #lifecycle");
        assertThat(history.get(1).path("text").asString()).isEqualTo("second draft #lifecycle");

        assertProblem(bearer(bobToken).send("PATCH", "/chorus/api/posts/" + id, json("text", "mine now")), 403,
                "not-permitted");

        Client bob = bearer(bobToken);
        Client.Response appreciated = bob.send("POST", "/chorus/api/posts/" + id + "/appreciation", null);
        assertThat(appreciated.status()).isEqualTo(200);
        assertThat(appreciated.json().path("appreciations").asInt()).isEqualTo(1);
        assertThat(appreciated.json().path("appreciatedByMe").asBoolean()).isTrue();
        assertThat(bob.get("/chorus/api/posts/" + id).json().path("appreciatedByMe").asBoolean()).isTrue();
        JsonNode bobsPage = bob.get("/chorus/api/timeline?tag=lifecycle").json().path("items").get(0);
        assertThat(bobsPage.path("appreciatedByMe").asBoolean()).isTrue();
        assertThat(anonymous().get("/chorus/api/timeline?tag=lifecycle").json().path("items").get(0)
                .has("appreciatedByMe")).isFalse();
        Client.Response withdrawn = bob.send("DELETE", "/chorus/api/posts/" + id + "/appreciation", null);
        assertThat(withdrawn.json().path("appreciations").asInt()).isZero();
        assertThat(withdrawn.json().path("appreciatedByMe").asBoolean()).isFalse();

        assertThat(ada.send("DELETE", "/chorus/api/posts/" + id, null).status()).isEqualTo(204);
        assertProblem(anonymous().get("/chorus/api/posts/" + id), 404, "post-not-found");
        assertProblem(anonymous().get("/chorus/api/posts/not-a-number"), 404, "post-not-found");
        assertProblem(ada.send("POST", "/chorus/api/posts", json("text", "reply to nothing", "inReplyTo", id)), 404,
                "post-not-found");
    }

    @Test
    void posts_textRules_areEnforcedAtAndPastTheLimit_as422WithLengthAndLimit() {
        Client ada = bearer(adaToken);
        assertThat(ada.send("POST", "/chorus/api/posts", json("text", "a".repeat(500))).status()).isEqualTo(201);
        Client.Response tooLong = ada.send("POST", "/chorus/api/posts", json("text", "a".repeat(501)));
        assertProblem(tooLong, 422, "text-too-long");
        assertThat(tooLong.json().path("length").asInt()).isEqualTo(501);
        assertThat(tooLong.json().path("limit").asInt()).isEqualTo(500);
        assertProblem(ada.send("POST", "/chorus/api/posts", json("text", "   ")), 422, "text-empty");
        assertProblem(ada.send("POST", "/chorus/api/posts", json("text", "bell\u0007")), 422, "text-control-character");
        assertProblem(ada.send("POST", "/chorus/api/posts", json("text", "evil \u202Eright")), 422, "text-bidi-control");
        assertProblem(ada.send("POST", "/chorus/api/posts", json("text", "a\n\n\n\n\n\nb")), 422,
                "text-too-many-blank-lines");
    }

    // ---------------------------------------------------------------- limits

    @Test
    void body_limit_is64KiB_atTheLimitIsRead_pastItIs413() {
        Client ada = bearer(adaToken);
        String prefix = "{\"text\":\"";
        String suffix = "\"}";
        int fill = 64 * 1024 - prefix.length() - suffix.length();
        Client.Response atLimit = ada.sendBytes("POST", "/chorus/api/posts",
                (prefix + "a".repeat(fill) + suffix).getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        assertProblem(atLimit, 422, "text-too-long");
        Client.Response past = ada.sendBytes("POST", "/chorus/api/posts",
                (prefix + "a".repeat(fill + 1) + suffix).getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        assertProblem(past, 413, "body-too-large");
    }

    @Test
    void json_nestingDepth16_isRead_17_isRefused() {
        Client ada = bearer(adaToken);
        // The body object is depth 1; 15 nested arrays make 16.
        Client.Response atLimit = ada.send("POST", "/chorus/api/posts",
                "{\"text\":\"deep\",\"inReplyTo\":" + "[".repeat(15) + "]".repeat(15) + "}");
        assertProblem(atLimit, 400, "invalid-json");
        assertThat(atLimit.json().path("field").asString()).isEqualTo("inReplyTo");
        Client.Response past = ada.send("POST", "/chorus/api/posts",
                "{\"text\":\"deep\",\"inReplyTo\":" + "[".repeat(16) + "]".repeat(16) + "}");
        assertProblem(past, 400, "json-too-deep");
    }

    @Test
    void json_unknownFields_invalidUtf8_wrongTypes_andNonJson_areRefused() {
        Client ada = bearer(adaToken);
        Client.Response unknown = ada.send("POST", "/chorus/api/posts", json("text", "hi", "colour", "red"));
        assertProblem(unknown, 400, "unknown-field");
        assertThat(unknown.json().path("field").asString()).isEqualTo("colour");
        assertThat(unknown.json().path("detail").asString()).contains("colour");

        byte[] invalid = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertProblem(ada.sendBytes("POST", "/chorus/api/posts", invalid, "Content-Type", "application/json"), 400,
                "invalid-utf8");
        assertProblem(ada.send("POST", "/chorus/api/posts", "{\"text\":\"\\ud800 lone\"}"), 400, "invalid-utf8");
        assertProblem(ada.send("POST", "/chorus/api/posts", "{\"text\":42}"), 400, "invalid-json");
        assertProblem(ada.send("POST", "/chorus/api/posts", "{\"text\":\"a\",\"text\":\"b\"}"), 400, "invalid-json");
        assertProblem(ada.send("POST", "/chorus/api/posts", "{\"text\":"), 400, "invalid-json");
        assertProblem(ada.send("POST", "/chorus/api/posts", "[]"), 400, "invalid-json");
        assertProblem(ada.sendBytes("POST", "/chorus/api/posts", "text=hi".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain"), 415, "unsupported-media-type");
        assertProblem(ada.sendBytes("POST", "/chorus/api/posts", "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json; charset=latin1"), 415, "unsupported-media-type");
        assertThat(ada.sendBytes("POST", "/chorus/api/posts", "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json; charset=UTF-8").status()).isEqualTo(201);
    }

    @Test
    void rateLimits_perMemberAndPerAddress_atTheLimitPass_pastItAre429WithRetryAfter() {
        limitedClock.advance(Duration.ofHours(1));
        Client dora = bearer(limitedToken);
        for (int i = 0; i < 3; i++) {
            assertThat(dora.send("POST", "/limited/api/posts", json("text", "write " + i)).status()).isEqualTo(201);
        }
        Client.Response limited = dora.send("POST", "/limited/api/posts", json("text", "one too many"));
        assertProblem(limited, 429, "rate-limited");
        assertThat(limited.header("Retry-After")).contains("20");
        limitedClock.advance(Duration.ofSeconds(20));
        assertThat(dora.send("POST", "/limited/api/posts", json("text", "after waiting")).status()).isEqualTo(201);

        // The address has made 4 of its 5; other members from the same address get one more between them.
        limitedClock.advance(Duration.ofHours(1));
        int allowed = 0;
        Client.Response refused = null;
        for (String handle : List.of("eve", "fay", "gus")) {
            Client browser = Client.browser(server.root());
            browser.get("/login?handle=" + handle);
            String csrf = browser.get("/limited/api/session").json().path("csrf").asString();
            for (int i = 0; i < 2; i++) {
                Client.Response response = browser.send("POST", "/limited/api/posts", json("text", handle + " " + i),
                        "X-Chorus-CSRF", csrf, "Origin", ownOrigin());
                if (response.status() == 201) {
                    allowed++;
                } else {
                    refused = response;
                }
            }
        }
        assertThat(allowed).as("one address may make 5 writes a minute").isEqualTo(5);
        assertThat(refused).isNotNull();
        assertProblem(refused, 429, "rate-limited");
        assertThat(refused.header("Retry-After")).isPresent();
    }

    // ---------------------------------------------------------------- identity, CSRF, CORS

    @Test
    void session_tellsWhoIsSignedIn_andGivesCookieUsersACsrfToken() {
        JsonNode anonymousSession = anonymous().get("/chorus/api/session").json();
        assertThat(anonymousSession.path("member").isNull()).isTrue();
        assertThat(anonymousSession.path("csrf").isNull()).isTrue();
        assertThat(anonymousSession.path("maxLength").asInt()).isEqualTo(500);
        assertThat(anonymousSession.path("urlLength").asInt()).isEqualTo(23);

        JsonNode bearerSession = bearer(adaToken).get("/chorus/api/session").json();
        assertThat(bearerSession.path("member").path("handle").asString()).isEqualTo("ada");
        assertThat(bearerSession.path("csrf").isNull()).as("bearer writes need no CSRF token").isTrue();

        Client browser = signedIn("ada");
        Client.Response session = browser.get("/chorus/api/session");
        assertThat(session.header("Cache-Control").orElse("")).contains("no-store");
        assertThat(session.json().path("member").path("handle").asString()).isEqualTo("ada");
        String csrf = session.json().path("csrf").asString();
        assertThat(csrf).hasSizeGreaterThan(30);
        assertThat(browser.get("/chorus/api/session").json().path("csrf").asString()).isEqualTo(csrf);
        assertThat(signedIn("ada").get("/chorus/api/session").json().path("csrf").asString()).isNotEqualTo(csrf);
    }

    @Test
    void cookieWrites_needTheSessionsCsrfToken_andAnAllowedOrigin() {
        Client browser = signedIn("ada");
        String csrf = browser.get("/chorus/api/session").json().path("csrf").asString();
        String body = json("text", "written with cookies");

        assertProblem(browser.send("POST", "/chorus/api/posts", body, "Origin", ownOrigin()), 403, "csrf-token-invalid");
        assertProblem(browser.send("POST", "/chorus/api/posts", body, "Origin", ownOrigin(), "X-Chorus-CSRF",
                csrf.substring(1) + "x"), 403, "csrf-token-invalid");
        assertProblem(browser.send("POST", "/chorus/api/posts", body, "X-Chorus-CSRF", csrf), 403, "origin-not-allowed");
        assertProblem(browser.send("POST", "/chorus/api/posts", body, "X-Chorus-CSRF", csrf,
                "Origin", "https://evil.example"), 403, "origin-not-allowed");
        assertProblem(browser.send("POST", "/chorus/api/posts", body, "X-Chorus-CSRF", csrf,
                "Referer", "https://evil.example/page"), 403, "origin-not-allowed");
        assertProblem(browser.send("POST", "/chorus/api/posts", body, "X-Chorus-CSRF", csrf, "Origin", "null"), 403,
                "origin-not-allowed");
        assertProblem(signedIn("ada").send("POST", "/chorus/api/posts", body, "X-Chorus-CSRF", csrf, "Origin",
                ownOrigin()), 403, "csrf-token-invalid");

        assertThat(browser.send("POST", "/chorus/api/posts", body, "X-Chorus-CSRF", csrf, "Origin", ownOrigin())
                .status()).isEqualTo(201);
        assertThat(browser.send("POST", "/chorus/api/posts", body, "X-Chorus-CSRF", csrf,
                "Referer", ownOrigin() + "/some/page").status()).isEqualTo(201);
        Client.Response fromAllowed = browser.send("POST", "/chorus/api/posts", body, "X-Chorus-CSRF", csrf,
                "Origin", "https://allowed.example");
        assertThat(fromAllowed.status()).isEqualTo(201);
        assertThat(fromAllowed.header("Access-Control-Allow-Origin")).contains("https://allowed.example");
        assertThat(fromAllowed.header("Access-Control-Allow-Credentials")).contains("true");

        assertThat(bearer(adaToken).send("POST", "/chorus/api/posts", body, "Origin", "https://evil.example").status())
                .as("bearer writes need neither token nor origin").isEqualTo(201);
        assertProblem(anonymous().send("POST", "/chorus/api/posts", body), 401, "unauthenticated");
        Client.Response badToken = bearer("chorus_" + "x".repeat(43)).send("POST", "/chorus/api/posts", body);
        assertProblem(badToken, 401, "invalid-token");
        assertThat(badToken.header("WWW-Authenticate").orElse("")).contains("Bearer");
    }

    @Test
    void cors_readsAreOpenToEveryOriginWithoutCredentials_andPreflightsAreAnswered() {
        Client.Response read = anonymous().get("/chorus/api/timeline", "Origin", "https://member-org.example");
        assertThat(read.header("Access-Control-Allow-Origin")).contains("*");
        assertThat(read.header("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(read.header("Access-Control-Expose-Headers").orElse("")).contains("ETag");

        Client.Response preflight = anonymous().send(anonymous().request("/chorus/api/timeline")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://member-org.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match").build());
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.header("Access-Control-Allow-Methods").orElse("")).contains("GET");
        assertThat(preflight.header("Access-Control-Allow-Headers").orElse("").toLowerCase()).contains("if-none-match");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEmpty();

        Client.Response allowed = anonymous().send(anonymous().request("/chorus/api/posts")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://allowed.example")
                .header("Access-Control-Request-Method", "POST").build());
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains("https://allowed.example");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).contains("true");
        assertThat(allowed.header("Access-Control-Allow-Headers").orElse("")).contains("X-Chorus-CSRF");

        Client.Response stream = anonymous().send(anonymous().request("/chorus/api/stream")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://x.example")
                .header("Access-Control-Request-Method", "GET").build());
        assertThat(stream.status()).isEqualTo(204);
    }

    @Test
    void unknownRoutes_are404Problems_andWrongMethods_are405WithAllow() {
        assertProblem(anonymous().get("/chorus/api/nothing-here"), 404, "route-not-found");
        assertProblem(anonymous().get("/chorus/api/timeline/"), 404, "route-not-found");
        assertProblem(anonymous().get("/chorus/nope.js"), 404, "route-not-found");
        Client.Response wrong = bearer(adaToken).send("PUT", "/chorus/api/timeline", "{}");
        assertProblem(wrong, 405, "method-not-allowed");
        assertThat(wrong.header("Allow").orElse("")).contains("GET").contains("HEAD").contains("OPTIONS");
        Client.Response wrongOnPost = anonymous().send("POST", "/chorus/api/members/ada", "{}");
        assertProblem(wrongOnPost, 405, "method-not-allowed");
    }

    @Test
    void privateHub_readsNeedAMember() {
        assertProblem(anonymous().get("/private/api/timeline"), 401, "unauthenticated");
        assertProblem(anonymous().get("/private/feed.atom"), 401, "unauthenticated");
        assertThat(bearer(adaToken).get("/private/api/timeline").status()).isEqualTo(200);
        assertThat(anonymous().get("/private/api/session").status()).isEqualTo(200);
        assertThat(anonymous().get("/private/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void webXmlMount_takesTheChorusFromTheContext_andSettingsFromInitParameters() throws Exception {
        assertProblem(anonymous().get("/webxml/api/timeline"), 401, "unauthenticated");
        Client.Response feed = bearer(adaToken).get("/webxml/feed.atom");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(feed.bytes()))).getTitle())
                .isEqualTo("From web.xml");
    }

    // ---------------------------------------------------------------- members, me, admin

    @Test
    void members_directoryAndProfiles() {
        Client.Response list = anonymous().get("/chorus/api/members");
        assertThat(list.status()).isEqualTo(200);
        List<String> handles = new ArrayList<>();
        list.json().path("items").forEach(m -> handles.add(m.path("handle").asString()));
        assertThat(handles).contains("ada", "bob", "carol", "root");
        JsonNode ada = anonymous().get("/chorus/api/members/ada").json();
        assertThat(ada.path("name").asString()).isEqualTo("Ada Example");
        assertThat(ada.path("organisation").path("slug").asString()).isEqualTo("baltic-lab");
        assertThat(ada.path("organisation").path("name").asString()).isEqualTo("Baltic Lab");
        assertThat(ada.path("links").isArray()).isTrue();
        assertThat(ada.path("bio").isString()).isTrue();
        assertThat(ada.path("blogFeedUrl").isNull()).isTrue();
        assertThat(ada.path("role").asString()).isEqualTo("member");
        assertThat(ada.path("status").asString()).isEqualTo("active");
        assertThat(ada.path("joinedAt").asString()).endsWith("Z");
        assertThat(anonymous().get("/chorus/api/members/carol").json().path("organisation").isNull()).isTrue();
        assertProblem(anonymous().get("/chorus/api/members/nobody"), 404, "member-not-found");
    }

    @Test
    void me_readsAndUpdatesOwnProfile_andManagesOwnTokens() {
        Client carol = bearer(chorus.tokens().issue(chorus.members().findByHandle("carol").orElseThrow().id(), "me")
                .secret());
        assertThat(carol.get("/chorus/api/me").json().path("handle").asString()).isEqualTo("carol");
        assertProblem(anonymous().get("/chorus/api/me"), 401, "unauthenticated");
        Client.Response updated = carol.send("PATCH", "/chorus/api/me", json("name", "Carol C.", "bio", "Welds things",
                "links", List.of("https://carol.example"), "organisation", "nordic", "blogFeedUrl", "https://carol.example/feed"));
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().path("name").asString()).isEqualTo("Carol C.");
        assertThat(updated.json().path("organisation").path("slug").asString()).isEqualTo("nordic");
        assertThat(updated.json().path("links").get(0).asString()).isEqualTo("https://carol.example");
        assertThat(updated.json().path("blogFeedUrl").asString()).isEqualTo("https://carol.example/feed");
        JsonNode cleared = carol.send("PATCH", "/chorus/api/me", json("organisation", null, "blogFeedUrl", null)).json();
        assertThat(cleared.path("organisation").isNull()).isTrue();
        assertThat(cleared.path("blogFeedUrl").isNull()).isTrue();
        assertThat(cleared.path("name").asString()).isEqualTo("Carol C.");
        assertProblem(carol.send("PATCH", "/chorus/api/me", json("links", List.of("javascript:alert(1)"))), 400,
                "invalid-request");
        assertProblem(carol.send("PATCH", "/chorus/api/me", json("organisation", "no-such-org")), 404,
                "organisation-not-found");

        Client.Response issued = carol.send("POST", "/chorus/api/me/tokens", json("label", "my script"));
        assertThat(issued.status()).isEqualTo(201);
        String secret = issued.json().path("token").asString();
        String id = issued.json().path("id").asString();
        assertThat(secret).startsWith("chorus_");
        assertThat(bearer(secret).get("/chorus/api/me").json().path("handle").asString()).isEqualTo("carol");
        JsonNode tokens = carol.get("/chorus/api/me/tokens").json().path("items");
        assertThat(tokens.toString()).contains("my script").doesNotContain(secret);
        assertThat(carol.send("DELETE", "/chorus/api/me/tokens/" + id, null).status()).isEqualTo(204);
        assertProblem(bearer(secret).get("/chorus/api/me"), 401, "invalid-token");
        assertProblem(carol.send("DELETE", "/chorus/api/me/tokens/" + id, null), 404, "token-not-found");
        assertProblem(carol.send("DELETE", "/chorus/api/me/tokens/abc", null), 404, "token-not-found");
    }

    @Test
    void admin_managesOrganisationsMembersTokensAndSuspensions() {
        Client root = bearer(rootToken);
        assertProblem(bearer(adaToken).get("/chorus/api/admin/organisations"), 403, "not-permitted");
        assertProblem(anonymous().get("/chorus/api/admin/organisations"), 401, "unauthenticated");
        assertProblem(bearer(adaToken).send("POST", "/chorus/api/admin/members", json("handle", "x", "name", "X")), 403,
                "not-permitted");

        Client.Response org = root.send("POST", "/chorus/api/admin/organisations",
                json("slug", "kiel-works", "name", "Kiel Works", "website", "https://kiel.example"));
        assertThat(org.status()).isEqualTo(201);
        assertThat(org.json().path("website").asString()).isEqualTo("https://kiel.example");
        assertThat(root.send("POST", "/chorus/api/admin/organisations", json("slug", "kiel-works", "name", "Kiel Works GmbH"))
                .status()).isEqualTo(200);
        assertThat(root.get("/chorus/api/admin/organisations").json().toString()).contains("Kiel Works GmbH");
        assertProblem(root.send("POST", "/chorus/api/admin/organisations", json("slug", "Bad Slug", "name", "x")), 400,
                "invalid-request");

        Client.Response admitted = root.send("POST", "/chorus/api/admin/members",
                json("handle", "hana", "name", "Hana", "organisation", "kiel-works", "role", "member"));
        assertThat(admitted.status()).isEqualTo(201);
        assertThat(admitted.header("Location")).contains("/chorus/api/members/hana");
        assertThat(admitted.json().path("organisation").path("name").asString()).isEqualTo("Kiel Works GmbH");
        Client.Response taken = root.send("POST", "/chorus/api/admin/members", json("handle", "hana", "name", "Hana 2"));
        assertProblem(taken, 409, "handle-taken");
        assertProblem(root.send("POST", "/chorus/api/admin/members", json("handle", "ivan", "name", "Ivan",
                "organisation", "missing")), 404, "organisation-not-found");
        assertProblem(root.send("POST", "/chorus/api/admin/members", json("handle", "ivan", "name", "Ivan",
                "role", "king")), 400, "invalid-request");

        Client.Response token = root.send("POST", "/chorus/api/admin/members/hana/tokens", json("label", "hana's bot"));
        assertThat(token.status()).isEqualTo(201);
        Client hana = bearer(token.json().path("token").asString());
        Client.Response unlabelled = root.send("POST", "/chorus/api/admin/members/hana/tokens", null);
        assertThat(unlabelled.status()).isEqualTo(201);
        assertThat(unlabelled.json().path("label").asString()).contains("root");
        publish(hana, "hello from hana");

        JsonNode suspended = root.send("POST", "/chorus/api/admin/members/hana/suspend", null).json();
        assertThat(suspended.path("status").asString()).isEqualTo("suspended");
        Client.Response refused = hana.send("POST", "/chorus/api/posts", json("text", "still here?"));
        assertProblem(refused, 403, "not-permitted");
        assertThat(refused.json().path("reason").asString()).isEqualTo("suspended");
        assertThat(root.send("POST", "/chorus/api/admin/members/hana/reinstate", null).json().path("status").asString())
                .isEqualTo("active");
        publish(hana, "back again");

        assertThat(root.send("DELETE", "/chorus/api/admin/members/hana/tokens/"
                + token.json().path("id").asString(), null).status()).isEqualTo(204);
        assertProblem(hana.get("/chorus/api/me"), 401, "invalid-token");
        assertProblem(root.send("POST", "/chorus/api/admin/members/nobody/suspend", null), 404, "member-not-found");
    }

    // ---------------------------------------------------------------- live stream

    private SseClient stream(String path, String lastEventId) throws Exception {
        Client client = anonymous();
        HttpRequest.Builder request = client.request(path).timeout(Duration.ofMinutes(2));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return SseClient.open(client.http(), request);
    }

    @Test
    void stream_sendsCreatedUpdatedAndDeletedEvents_filteredOnTheServer() throws Exception {
        try (SseClient events = stream("/chorus/api/stream?tag=livetest", null)) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            Client ada = bearer(adaToken);
            publish(ada, "not for this stream");
            String id = publish(ada, "live #LiveTest").path("id").asString();

            SseClient.Event created = events.next(WAIT);
            assertThat(created).isNotNull();
            assertThat(created.event()).isEqualTo("post.created");
            assertThat(Long.parseLong(created.id())).isPositive();
            JsonNode data = Client.JSON.readTree(created.data());
            assertThat(data.path("id").asString()).isEqualTo(id);
            assertThat(data.path("author").path("handle").asString()).isEqualTo("ada");

            ada.send("PATCH", "/chorus/api/posts/" + id, json("text", "live, edited #livetest"));
            SseClient.Event edited = events.next(WAIT);
            assertThat(edited.event()).isEqualTo("post.updated");
            assertThat(Client.JSON.readTree(edited.data()).path("text").asString()).isEqualTo("live, edited #livetest");

            bearer(bobToken).send("POST", "/chorus/api/posts/" + id + "/appreciation", null);
            SseClient.Event appreciated = events.next(WAIT);
            assertThat(appreciated.event()).isEqualTo("post.updated");
            assertThat(Client.JSON.readTree(appreciated.data()).path("appreciations").asInt()).isEqualTo(1);

            ada.send("DELETE", "/chorus/api/posts/" + id, null);
            SseClient.Event deleted = events.next(WAIT);
            assertThat(deleted.event()).isEqualTo("post.deleted");
            assertThat(Client.JSON.readTree(deleted.data()).path("id").asString()).isEqualTo(id);
            assertThat(Long.parseLong(deleted.id())).isGreaterThan(Long.parseLong(appreciated.id()));
            assertThat(events.retries()).containsExactly("3000");

            root().send("POST", "/chorus/api/admin/members", json("handle", "jon", "name", "Jon"));
            publish(ada, "after a member change #livetest");
            assertThat(events.next(WAIT).event()).as("member changes are not sent").isEqualTo("post.created");
        }
    }

    private Client root() {
        return bearer(rootToken);
    }

    @Test
    void stream_heartbeatsCarryThePosition() throws Exception {
        try (SseClient events = stream("/chorus/api/stream?member=nobody-posts-here", null)) {
            assertThat(events.nextComment(WAIT)).isEqualTo("chorus live stream");
            assertThat(events.nextComment(WAIT)).isEqualTo("heartbeat");
            long before = chorus.changes().lastSeq();
            publish(bearer(adaToken), "moves the position");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline && (events.lastEventId().isEmpty()
                    || Long.parseLong(events.lastEventId()) <= before)) {
                events.nextComment(Duration.ofSeconds(2));
            }
            assertThat(Long.parseLong(events.lastEventId())).isGreaterThan(before);
            assertThat(events.next(Duration.ZERO)).isNull();
        }
    }

    @Test
    void stream_resumesAfterDroppedConnections_withNoGapAndNoRepeat() throws Exception {
        Client ada = bearer(adaToken);
        int total = 40;
        List<String> published = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> received = new ArrayList<>();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        CountDownLatch connected = new CountDownLatch(1);
        Future<?> writing = writer.submit(() -> {
            connected.await();
            for (int i = 0; i < total; i++) {
                published.add(publish(ada, "resume #resumetest " + i).path("id").asString());
                Thread.sleep(i % 5 == 0 ? 15 : 2);
            }
            return null;
        });
        String lastId = null;
        int drops = 0;
        try {
            while (received.size() < total) {
                try (SseClient events = stream("/chorus/api/stream?tag=resumetest", lastId)) {
                    assertThat(events.status()).isEqualTo(200);
                    connected.countDown();
                    int take = drops < 3 ? 7 + drops * 3 : Integer.MAX_VALUE;
                    for (int i = 0; i < take && received.size() < total; i++) {
                        SseClient.Event event = events.next(WAIT);
                        assertThat(event).as("event %d after %d drops; received %s", received.size(), drops, received)
                                .isNotNull();
                        received.add(Client.JSON.readTree(event.data()).path("id").asString());
                        lastId = event.id();
                    }
                }
                drops++;
            }
            writing.get(30, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
        assertThat(drops).isGreaterThan(2);
        assertThat(received).as("every post once, in order, across %d connections", drops)
                .containsExactlyElementsOf(published);
    }

    @Test
    void stream_replaysFromTheQueryParameterToo_andRefusesBadIds() throws Exception {
        long before = chorus.changes().lastSeq();
        String id = publish(bearer(bobToken), "replayed #replaytest").path("id").asString();
        Client client = anonymous();
        try (SseClient events = SseClient.open(client.http(), client.request("/chorus/api/stream?tag=replaytest&lastEventId="
                + before).timeout(Duration.ofMinutes(1)))) {
            SseClient.Event event = events.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(Client.JSON.readTree(event.data()).path("id").asString()).isEqualTo(id);
        }
        assertProblem(anonymous().get("/chorus/api/stream", "Last-Event-ID", "abc"), 400, "invalid-parameter");
        assertProblem(anonymous().get("/chorus/api/stream?tag=%3Cb%3E"), 400, "invalid-parameter");
    }

    @Test
    void stream_pastTheConnectionCap_is503_andAPlaceFreesWhenAClientLeaves() throws Exception {
        SseClient first = stream("/limited/api/stream", null);
        SseClient second = stream("/limited/api/stream", null);
        try {
            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);
            try (SseClient third = stream("/limited/api/stream", null)) {
                assertThat(third.status()).isEqualTo(503);
                assertThat(third.response().headers().firstValue("Retry-After")).isPresent();
                assertThat(third.body()).contains("too-many-streams");
            }
        } finally {
            first.close();
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            try (SseClient again = stream("/limited/api/stream", null)) {
                status = again.status();
            }
            Thread.sleep(200);
        }
        second.close();
        assertThat(status).as("a place frees once the server notices the client left").isEqualTo(200);
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void paging_whileEightClientsPost_neverDuplicatesOrSkips() throws Exception {
        Client root = root();
        root.send("POST", "/chorus/api/admin/organisations", json("slug", "crowd", "name", "Crowd"));
        List<Client> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            root.send("POST", "/chorus/api/admin/members", json("handle", "writer" + w, "name", "Writer " + w,
                    "organisation", "crowd"));
            writers.add(bearer(root.send("POST", "/chorus/api/admin/members/writer" + w + "/tokens", null).json()
                    .path("token").asString()));
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        List<Future<?>> tasks = new ArrayList<>();
        for (Client writer : writers) {
            tasks.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    acknowledged.add(publish(writer, "crowded " + i).path("id").asString());
                }
                return null;
            }));
        }
        Future<Integer> pager = pool.submit(() -> {
            int walks = 0;
            while (!done.get() || walks < 2) {
                Set<String> before = new HashSet<>(acknowledged);
                List<String> walk = walk("/chorus/api/timeline?org=crowd&limit=7");
                assertThat(new LinkedHashSet<>(walk)).as("no duplicates").hasSize(walk.size());
                assertThat(walk).as("no skips").containsAll(before);
                List<Long> values = walk.stream().map(Long::parseLong).toList();
                for (int i = 1; i < values.size(); i++) {
                    assertThat(values.get(i)).as("newest first").isLessThan(values.get(i - 1));
                }
                walks++;
            }
            return walks;
        });
        for (Future<?> task : tasks) {
            task.get(60, TimeUnit.SECONDS);
        }
        done.set(true);
        assertThat(pager.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2);
        pool.shutdown();
        List<String> finalWalk = walk("/chorus/api/timeline?org=crowd&limit=100");
        assertThat(new HashSet<>(finalWalk)).isEqualTo(acknowledged);
        assertThat(finalWalk).hasSize(200);
    }

    private List<String> walk(String first) {
        List<String> ids = new ArrayList<>();
        String url = first;
        while (true) {
            JsonNode page = anonymous().get(url).json();
            ids.addAll(ids(page));
            if (page.path("next").isNull()) {
                return ids;
            }
            url = first + "&before=" + page.path("next").asString();
        }
    }

    // ---------------------------------------------------------------- feeds

    @Test
    void feeds_parseWithIndependentParsers_andAnswer304() throws Exception {
        Client ada = bearer(adaToken);
        publish(ada, "Feed <b>one</b> & \"two\" #feedtest https://example.org/x");
        publish(ada, "Feed ]]> three #feedtest");
        for (String[] feed : new String[][] {{"feed.atom", "atom_1.0"}, {"feed.rss", "rss_2.0"}}) {
            Client.Response response = anonymous().get("/chorus/" + feed[0] + "?tag=feedtest");
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            assertThat(response.contentType()).contains(feed[0].endsWith("atom") ? "atom+xml" : "rss+xml");
            SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.bytes())));
            assertThat(parsed.getFeedType()).isEqualTo(feed[1]);
            assertThat(parsed.getTitle()).isEqualTo("Test Hub: #feedtest");
            assertThat(parsed.getEntries()).hasSize(2);
            SyndEntry newest = parsed.getEntries().get(0);
            assertThat(newest.getLink()).startsWith(server.root() + "/chorus/api/posts/");
            String etag = response.header("ETag").orElseThrow();
            assertThat(anonymous().get("/chorus/" + feed[0] + "?tag=feedtest", "If-None-Match", etag).status())
                    .isEqualTo(304);
        }
        Client.Response jsonFeed = anonymous().get("/chorus/feed.json?tag=feedtest");
        assertThat(jsonFeed.contentType()).contains("feed+json");
        assertThat(jsonFeed.json().path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(jsonFeed.json().path("items")).hasSize(2);
        assertThat(jsonFeed.json().path("items").get(1).toString()).contains("Feed <b>one</b>");
        assertThat(anonymous().get("/chorus/feed.json?tag=feedtest", "If-None-Match",
                jsonFeed.header("ETag").orElseThrow()).status()).isEqualTo(304);
        assertThat(anonymous().get("/chorus/feed.atom").status()).isEqualTo(200);
        assertProblem(anonymous().get("/chorus/feed.rss?limit=0"), 400, "invalid-parameter");
    }

    // ---------------------------------------------------------------- documents

    @Test
    void widget_isServedWithStrongEtag_caching_gzip_andIntegrity() throws Exception {
        Client.Response widget = anonymous().get("/chorus/widget.js");
        assertThat(widget.status()).isEqualTo(200);
        assertThat(widget.contentType()).startsWith("text/javascript");
        assertThat(widget.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(widget.header("Access-Control-Allow-Origin")).contains("*");
        assertThat(widget.header("Cache-Control").orElse("")).contains("public").contains("max-age=300");
        String etag = widget.header("ETag").orElseThrow();
        assertThat(etag).startsWith("\"");
        String integrity = "sha384-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-384").digest(widget.bytes()));
        assertThat(servlet.widgetIntegrity()).isEqualTo(integrity);
        JsonNode manifest = anonymous().get("/chorus/widget-manifest.json").json();
        assertThat(manifest.path("files").path("widget.js").path("integrity").asString()).isEqualTo(integrity);
        assertThat(anonymous().get("/chorus/widget.js", "If-None-Match", etag).status()).isEqualTo(304);

        Client.Response gzipped = anonymous().get("/chorus/widget.js", "Accept-Encoding", "gzip");
        assertThat(gzipped.header("Content-Encoding")).contains("gzip");
        assertThat(gzipped.header("Vary").orElse("")).contains("Accept-Encoding");
        ByteArrayOutputStream unzipped = new ByteArrayOutputStream();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.bytes()))) {
            in.transferTo(unzipped);
        }
        assertThat(unzipped.toByteArray()).isEqualTo(widget.bytes());
        assertThat(gzipped.header("ETag")).isNotEqualTo(java.util.Optional.of(etag));

        String tag = servlet.widgetScriptTag(server.root() + "/chorus/");
        assertThat(tag).startsWith("<script src=\"" + server.root() + "/chorus/widget.js?v=")
                .contains("integrity=\"" + integrity + "\"").contains("crossorigin=\"anonymous\"");
        String versioned = tag.substring(tag.indexOf("/chorus/"), tag.indexOf('"', tag.indexOf("src=\"") + 5));
        Client.Response pinned = anonymous().get(versioned);
        assertThat(pinned.header("Cache-Control").orElse("")).contains("max-age=31536000").contains("immutable");
        assertThat(anonymous().get("/chorus/widget.js?v=stale").header("Cache-Control").orElse(""))
                .doesNotContain("immutable");
        assertThat(anonymous().get("/chorus/widget-compose.js").status()).isEqualTo(200);
    }

    @Test
    void openApi_describesExactlyTheServletsRoutes() {
        Client.Response response = anonymous().get("/chorus/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/chorus");
        Set<String> documented = new HashSet<>();
        for (var path : document.path("paths").properties()) {
            for (String method : List.of("get", "post", "patch", "put", "delete")) {
                if (path.getValue().has(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        Set<String> routes = new HashSet<>();
        try (Api api = new Api(ChorusServletConfig.builder(chorus).build(), WidgetAssets.load(null))) {
            for (Route route : api.routes().routes()) {
                routes.add(route.method() + " " + route.template());
            }
        }
        assertThat(documented).isEqualTo(routes);
    }

    // ---------------------------------------------------------------- XSS corpus

    @Test
    void xssCorpus_comesBackOnlyAsData() throws Exception {
        Path corpus = findCorpus();
        assumeTrue(corpus != null, "shared/corpus/xss-vectors.txt is absent");
        Client ada = bearer(adaToken);
        int published = 0;
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            if (line.startsWith("# ") || line.equals("#") || line.isEmpty()) {
                continue;
            }
            String vector = unescape(line);
            Client.Response response = ada.send("POST", "/chorus/api/posts", json("text", vector));
            if (response.status() == 422) {
                continue;
            }
            assertThat(response.status()).as("%s -> %s", line, response).isEqualTo(201);
            published++;
            JsonNode post = anonymous().get("/chorus/api/posts/" + response.json().path("id").asString()).json();
            StringBuilder concatenated = new StringBuilder();
            for (JsonNode segment : post.path("segments")) {
                concatenated.append(segment.path("text").asString());
                if (segment.path("type").asString().equals("link")) {
                    assertThat(segment.path("href").asString()).as(line).matches("(?i)https?://.+");
                }
                assertThat(segment.path("type").asString()).isIn("text", "link", "mention", "tag");
            }
            assertThat(concatenated.toString()).as(line).isEqualTo(post.path("text").asString());
        }
        assertThat(published).isGreaterThan(200);
        Client.Response atom = anonymous().get("/chorus/feed.atom?limit=100");
        new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom.bytes())));
        Client.Response rss = anonymous().get("/chorus/feed.rss?limit=100");
        new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(rss.bytes())));
    }

    private static Path findCorpus() {
        String configured = System.getProperty("chorus.corpus");
        if (configured != null) {
            return Files.exists(Path.of(configured)) ? Path.of(configured) : null;
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus/xss-vectors.txt");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The corpus header's escapes: \n \r \t \\ \xHH \\uHHHH. */
    static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 >= line.length()) {
                out.append(c);
                continue;
            }
            char next = line.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                case 'x' -> {
                    out.append((char) Integer.parseInt(line.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }
}
