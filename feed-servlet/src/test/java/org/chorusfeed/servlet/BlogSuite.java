package org.chorusfeed.servlet;

import static org.chorusfeed.servlet.Clients.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Role;
import org.chorusfeed.outside.SafeFetcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Members' blogs over real HTTP, in a real container: the same tests for Jetty 12 and Tomcat 11. The blog is
 * served by another real server on loopback, allowed for the fetcher by its {@code host:port} only.
 * {@code /chorus/*} polls by itself (as a hub does); {@code /manual/*} has polling off and a clock the tests move,
 * so its polls happen exactly when a test says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BlogSuite {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final TestServer.Factory factory;
    private final BlogServlet blog = new BlogServlet();
    private final BlogServlet manualBlog = new BlogServlet();
    private final MutableClock clock = new MutableClock(NOW);
    private TestServer blogServer;
    private TestServer server;
    private Chorus chorus;
    private Chorus manual;
    private String rootToken;
    private String adaToken;
    private String bobToken;
    private String carolToken;
    private String doraToken;

    BlogSuite(TestServer.Factory factory) {
        this.factory = factory;
    }

    @BeforeAll
    void start() throws Exception {
        blogServer = JettyServer.start(List.of(new TestServer.Mount("/blog/*", blog),
                new TestServer.Mount("/manual-blog/*", manualBlog)), Map.of());
        String allow = "127.0.0.1:" + blogServer.root().getPort();
        chorus = Chorus.builder().inMemory().fetcher(SafeFetcher.builder().allow(allow).build()).build();
        Member root = chorus.members().admit(NewMember.handle("root").name("Hub Admin").role(Role.ADMIN));
        Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada Example"));
        Member bob = chorus.members().admit(NewMember.handle("bob").name("Bob Builder"));
        Member carol = chorus.members().admit(NewMember.handle("carol").name("Carol"));
        rootToken = chorus.tokens().issue(root.id(), "tests").secret();
        adaToken = chorus.tokens().issue(ada.id(), "tests").secret();
        bobToken = chorus.tokens().issue(bob.id(), "tests").secret();
        carolToken = chorus.tokens().issue(carol.id(), "tests").secret();

        manual = Chorus.builder().inMemory().clock(clock).blogPolling(false)
                .fetcher(SafeFetcher.builder().allow(allow).cache(0, 0, Duration.ZERO).build()).build();
        Member dora = manual.members().admit(NewMember.handle("dora").name("Dora"));
        doraToken = manual.tokens().issue(dora.id(), "tests").secret();

        ChorusServlet polled = new ChorusServlet(ChorusServletConfig.builder(chorus).writesPerMinutePerMember(100_000)
                .writesPerMinutePerAddress(100_000).build());
        ChorusServlet manualServlet = new ChorusServlet(ChorusServletConfig.builder(manual)
                .writesPerMinutePerMember(100_000).writesPerMinutePerAddress(100_000).build());
        server = factory.start(List.of(new TestServer.Mount("/chorus/*", polled),
                new TestServer.Mount("/manual/*", manualServlet)), Map.of());
    }

    @AfterAll
    void stop() {
        server.close();
        blogServer.close();
        chorus.close();
        manual.close();
    }

    private Client bearer(String token) {
        return Client.script(server.root(), token);
    }

    private String blogUrl(String path) {
        return blogServer.root() + path;
    }

    private static String blogFeedUrl(Object url) {
        var node = Client.JSON.createObjectNode();
        node.set("blogFeedUrl", Client.JSON.valueToTree(url));
        return node.toString();
    }

    @Test
    void aBlogPageSetByPatch_isReadWithinAMinute_andItsEntriesAppearInTheTimeline() throws Exception {
        blog.entries(List.of(
                new BlogServlet.Entry("p-2", "Sensors in the water", "<p>We lowered <b>three</b> buoys.</p>",
                        Instant.now().minus(Duration.ofDays(1))),
                new BlogServlet.Entry("p-1", "Kick-off", "<p>The project starts.<script>alert(1)</script></p>",
                        Instant.now().minus(Duration.ofDays(3)))));
        Client ada = bearer(adaToken);

        Client.Response patched = ada.send("PATCH", "/chorus/api/me", blogFeedUrl(blogUrl("/blog/")));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.json().path("blogFeedUrl").asString()).isEqualTo(blogUrl("/blog/"));

        awaitTrue(Duration.ofMinutes(1), () -> ada.get("/chorus/api/me/blog").json().path("imported").asInt() == 2);
        JsonNode status = ada.get("/chorus/api/me/blog").json();
        assertThat(status.path("url").asString()).isEqualTo(blogUrl("/blog/"));
        assertThat(status.path("feedUrl").asString()).isEqualTo(blogUrl("/blog/feed/"));
        assertThat(status.path("lastSuccessAt").isString()).isTrue();
        assertThat(status.path("lastError").isNull()).isTrue();
        assertThat(status.path("lastErrorAt").isNull()).isTrue();
        assertThat(status.path("nextPollAt").isString()).isTrue();
        List<String> texts = texts(bearer("").get("/chorus/api/timeline?member=ada").json());
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).startsWith("Sensors in the water — We lowered three buoys.")
                .endsWith(blogUrl("/blog/p-2/"));
        assertThat(texts).noneMatch(text -> text.contains("<") || text.contains("alert"));
    }

    @Test
    void importedEntries_takeTheirChronologicalPlaceAmongNativePosts_withoutDuplicatesAfterSeveralPolls() {
        Client dora = bearer(doraToken);
        manualBlog.entries(List.of(
                new BlogServlet.Entry("b", "Entry of yesterday", "<p>Yesterday.</p>", NOW.minus(Duration.ofDays(1))),
                new BlogServlet.Entry("a", "Entry of three days ago", "<p>Long ago.</p>", NOW.minus(Duration.ofDays(3)))));
        clock.set(NOW.minus(Duration.ofDays(2)));
        assertThat(dora.send("POST", "/manual/api/posts", "{\"text\":\"Native of two days ago\"}").status()).isEqualTo(201);
        clock.set(NOW);
        assertThat(dora.send("POST", "/manual/api/posts", "{\"text\":\"Native of today\"}").status()).isEqualTo(201);
        assertThat(dora.send("PATCH", "/manual/api/me", blogFeedUrl(blogUrl("/manual-blog/blog/feed/"))).status())
                .isEqualTo(200);

        for (int poll = 0; poll < 4; poll++) {
            assertThat(manual.blogs().pollDue()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(20));
        }

        assertThat(texts(bearer("").get("/manual/api/timeline").json())).extracting(text -> text.split(" —")[0])
                .containsExactly("Native of today", "Entry of yesterday", "Native of two days ago",
                        "Entry of three days ago");
        assertThat(manualBlog.requests("/manual-blog/blog/feed/")).isEqualTo(4);
        JsonNode status = dora.get("/manual/api/me/blog").json();
        assertThat(status.path("imported").asInt()).isEqualTo(2);
        assertThat(status.path("lastSuccessAt").asString()).isEqualTo("2026-11-30T11:00:00.000Z");
    }

    @Test
    void aBlogUrlThatCanNeverBeFetched_isRefusedWith422_andNothingChanges() {
        Client bob = bearer(bobToken);
        for (String url : List.of("ftp://blog.example/feed", "http://127.0.0.1/feed", "http://169.254.169.254/",
                "http://user:pw@blog.example/", "javascript:alert(1)", "http://[::1]:8080/", "not a url at all")) {
            Client.Response response = bob.send("PATCH", "/chorus/api/me", blogFeedUrl(url));
            assertProblem(response, 422, "blog-feed-url-refused");
            assertThat(response.json().path("field").asString()).isEqualTo("blogFeedUrl");
            assertThat(response.json().path("reason").asString()).isIn("scheme", "address-not-public", "userinfo",
                    "malformed-url");
        }
        assertThat(bob.get("/chorus/api/me").json().path("blogFeedUrl").isNull()).isTrue();
        assertProblem(bob.get("/chorus/api/me/blog"), 404, "blog-not-set");
    }

    @Test
    void theBlogStatus_isTheMembersOwn_andAdminsAlone_seeAnyMembers() throws Exception {
        Client carol = bearer(carolToken);
        carol.send("PATCH", "/chorus/api/me", blogFeedUrl(blogUrl("/blog/missing.xml")));
        awaitTrue(Duration.ofMinutes(1), () -> carol.get("/chorus/api/me/blog").json().path("lastError").isString());

        JsonNode own = carol.get("/chorus/api/me/blog").json();
        assertThat(own.path("lastError").asString()).contains("404");
        assertThat(own.path("lastErrorAt").isString()).isTrue();
        assertThat(own.path("lastSuccessAt").isNull()).isTrue();
        assertThat(own.path("feedUrl").isNull()).isTrue();
        assertThat(own.path("imported").asInt()).isZero();

        assertProblem(bearer("").get("/chorus/api/me/blog"), 401, "unauthenticated");
        assertProblem(bearer("").get("/chorus/api/admin/members/carol/blog"), 401, "unauthenticated");
        assertProblem(bearer(bobToken).get("/chorus/api/admin/members/carol/blog"), 403, "not-permitted");
        Client.Response byAdmin = bearer(rootToken).get("/chorus/api/admin/members/carol/blog");
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().path("url").asString()).isEqualTo(own.path("url").asString());
        assertThat(byAdmin.json().path("lastError").asString()).isEqualTo(own.path("lastError").asString());
        assertThat(byAdmin.header("Cache-Control")).contains("private, no-store");
        assertProblem(bearer(rootToken).get("/chorus/api/admin/members/nobody/blog"), 404, "member-not-found");
        assertProblem(bearer(rootToken).get("/chorus/api/admin/members/root/blog"), 404, "blog-not-set");
    }

    private static List<String> texts(JsonNode page) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            texts.add(item.path("text").asString());
        }
        return texts;
    }

    private static void awaitTrue(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
