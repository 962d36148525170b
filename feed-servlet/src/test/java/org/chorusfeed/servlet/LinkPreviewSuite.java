package org.chorusfeed.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
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
 * Link previews over real HTTP in a real container, the same tests for Jetty 12 and Tomcat 11. A second server on
 * 127.0.0.1 plays the linked site; the hub's fetcher may reach it only because its {@code host:port} is allowed.
 * The hub itself, also on 127.0.0.1, is not allowed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LinkPreviewSuite {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
            'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    private final TestServer.Factory factory;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private TestServer site;
    private TestServer hub;
    private Chorus chorus;
    private Client ada;
    private Client bob;
    private Client admin;

    private record Resource(String contentType, byte[] body) {
    }

    LinkPreviewSuite(TestServer.Factory factory) {
        this.factory = factory;
    }

    /** The linked site: whatever the test put at a path. */
    private final class Site extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Resource resource = resources.get(request.getRequestURI());
            if (resource == null) {
                response.sendError(404);
                return;
            }
            response.setContentType(resource.contentType());
            response.setContentLength(resource.body().length);
            response.getOutputStream().write(resource.body());
        }
    }

    @BeforeAll
    void start() throws Exception {
        site = factory.start(List.of(new TestServer.Mount("/*", new Site())), Map.of());
        String siteEntry = site.root().getHost() + ":" + site.root().getPort();
        chorus = Chorus.builder().inMemory().fetcher(SafeFetcher.builder().allow(siteEntry).build()).build();
        Member adaMember = chorus.members().admit(NewMember.handle("ada").name("Ada"));
        Member bobMember = chorus.members().admit(NewMember.handle("bob").name("Bob"));
        Member rootMember = chorus.members().admit(NewMember.handle("root").name("Root").role(Role.ADMIN));
        ChorusServlet servlet = new ChorusServlet(ChorusServletConfig.builder(chorus)
                .writesPerMinutePerMember(100_000).writesPerMinutePerAddress(100_000).build());
        ChorusServlet configured = new ChorusServlet(ChorusServletConfig.builder(chorus)
                .publicBaseUrl(URI.create("https://hub.example/chorus")).build());
        hub = factory.start(List.of(new TestServer.Mount("/chorus/*", servlet),
                new TestServer.Mount("/configured/*", configured)), Map.of());
        ada = Client.script(hub.root(), chorus.tokens().issue(adaMember.id(), "tests").secret());
        bob = Client.script(hub.root(), chorus.tokens().issue(bobMember.id(), "tests").secret());
        admin = Client.script(hub.root(), chorus.tokens().issue(rootMember.id(), "tests").secret());
    }

    @AfterAll
    void stop() {
        hub.close();
        chorus.close();
        site.close();
    }

    private String siteUrl(String path) {
        return site.root().resolve(path).toString();
    }

    private void page(String path, String head) {
        resources.put(path, new Resource("text/html; charset=utf-8",
                ("<!doctype html><html><head>" + head + "</head><body>page</body></html>").getBytes(StandardCharsets.UTF_8)));
    }

    private void file(String path, String contentType, byte[] body) {
        resources.put(path, new Resource(contentType, body));
    }

    private JsonNode publish(Client client, String text) {
        var body = Client.JSON.createObjectNode().put("text", text).toString();
        Client.Response response = client.send("POST", "/chorus/api/posts", body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    private JsonNode awaitPost(String id, Predicate<JsonNode> condition) throws InterruptedException {
        Client anonymous = Client.script(hub.root(), "");
        long end = System.nanoTime() + DEADLINE.toNanos();
        JsonNode post = null;
        while (System.nanoTime() < end) {
            post = anonymous.get("/chorus/api/posts/" + id).json();
            if (condition.test(post)) {
                return post;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("post " + id + " did not get there within " + DEADLINE + ": " + post);
    }

    private JsonNode awaitPreview(JsonNode published) throws InterruptedException {
        return awaitPost(published.path("id").asString(), p -> p.path("preview").isObject()).path("preview");
    }

    @Test
    void publishing_answersWithoutAPreview_thenThePreviewArrives_withItsImageServedFromTheHub() throws Exception {
        page("/article", "<meta property='og:title' content='Kick-off in Kiel'>"
                + "<meta property='og:description' content='What we start today'>"
                + "<meta property='og:site_name' content='Baltic Lab'>"
                + "<meta property='og:image' content='/images/cover.png'>");
        file("/images/cover.png", "image/png", PNG);
        Client anonymous = Client.script(hub.root(), "");
        assertThat(anonymous.get("/chorus/api/timeline").status()).isEqualTo(200);

        JsonNode published = publish(ada, "Kick-off " + siteUrl("/article"));
        assertThat(published.path("preview").isNull()).isTrue();
        JsonNode preview = awaitPreview(published);

        assertThat(preview.path("url").asString()).isEqualTo(siteUrl("/article"));
        assertThat(preview.path("title").asString()).isEqualTo("Kick-off in Kiel");
        assertThat(preview.path("description").asString()).isEqualTo("What we start today");
        assertThat(preview.path("siteName").asString()).isEqualTo("Baltic Lab");
        String image = preview.path("image").asString();
        assertThat(image).matches("/chorus/previews/[0-9a-f]{64}");
        JsonNode newest = anonymous.get("/chorus/api/timeline").json().path("items").get(0);
        assertThat(newest.path("preview")).as("the cached newest page learns of the preview").isEqualTo(preview);

        Client.Response served = anonymous.get(image);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bytes()).isEqualTo(PNG);
        assertThat(served.contentType()).isEqualTo("image/png");
        assertThat(served.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(served.header("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
        assertThat(served.header("Cache-Control").orElseThrow()).contains("max-age=31536000").contains("immutable");
        String etag = served.header("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + image.substring(image.lastIndexOf('/') + 1) + "\"");
        assertThat(anonymous.get(image, "If-None-Match", etag).status()).isEqualTo(304);
    }

    @Test
    void theLiveStream_announcesThePreview_asAnUpdateOfThePost() throws Exception {
        page("/live", "<title>Live</title><meta property='og:image' content='/images/live.png'>");
        file("/images/live.png", "image/png", PNG);
        Client anonymous = Client.script(hub.root(), "");
        try (SseClient events = SseClient.open(anonymous.http(),
                anonymous.request("/chorus/api/stream?tag=previewlive").timeout(Duration.ofMinutes(1)))) {
            assertThat(events.status()).isEqualTo(200);
            JsonNode published = publish(ada, "#PreviewLive " + siteUrl("/live"));

            SseClient.Event created = events.next(DEADLINE);
            assertThat(created.event()).isEqualTo("post.created");
            SseClient.Event updated = events.next(DEADLINE);
            assertThat(updated).as("a post.updated event within %s", DEADLINE).isNotNull();
            assertThat(updated.event()).isEqualTo("post.updated");
            JsonNode post = Client.JSON.readTree(updated.data());
            assertThat(post.path("id").asString()).isEqualTo(published.path("id").asString());
            assertThat(post.path("preview").path("title").asString()).isEqualTo("Live");
            assertThat(post.path("preview").path("image").asString()).matches("/chorus/previews/[0-9a-f]{64}");
        }
    }

    @Test
    void withAConfiguredPublicUrl_theImageUrlIsAbsoluteOnIt() throws Exception {
        page("/configured", "<title>Configured</title><meta property='og:image' content='/images/configured.png'>");
        file("/images/configured.png", "image/png", PNG);
        JsonNode published = publish(ada, "see " + siteUrl("/configured"));
        String key = awaitPreview(published).path("image").asString().replaceAll(".*/", "");

        JsonNode post = Client.script(hub.root(), "").get("/configured/api/posts/" + published.path("id").asString())
                .json();

        assertThat(post.path("preview").path("image").asString()).isEqualTo("https://hub.example/chorus/previews/" + key);
    }

    @Test
    void imagesFromAddressesTheFetcherRefuses_areNotKept() throws Exception {
        page("/hub-port", "<title>Hub port</title><meta property='og:image' content='" + hub.root() + "chorus/openapi.json'>");
        page("/metadata", "<title>Cloud</title>"
                + "<meta property='og:image' content='http://169.254.169.254/latest/meta-data/iam'>");

        for (String path : List.of("/hub-port", "/metadata")) {
            JsonNode preview = awaitPreview(publish(ada, "see " + siteUrl(path)));
            assertThat(preview.path("title").asString()).isNotEmpty();
            assertThat(preview.path("image").isNull()).as(path).isTrue();
        }
    }

    @Test
    void imagesThatAreNotImages_areNotKept() throws Exception {
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8);
        file("/not-image/page.png", "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        file("/not-image/vector.svg", "image/svg+xml", svg);
        file("/not-image/disguised.png", "image/png", svg);
        for (String image : List.of("page.png", "vector.svg", "disguised.png")) {
            page("/not-image/" + image + ".html", "<title>" + image + "</title>"
                    + "<meta property='og:image' content='/not-image/" + image + "'>");
            JsonNode preview = awaitPreview(publish(ada, "see " + siteUrl("/not-image/" + image + ".html")));
            assertThat(preview.path("image").isNull()).as(image).isTrue();
        }
    }

    @Test
    void markupInThePagesMetadata_arrivesAsPlainText() throws Exception {
        page("/markup", "<meta property='og:title' content='&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt; "
                + "claim'><meta property='og:description' content='&lt;img src=x onerror=alert(2)&gt;Read on'>"
                + "<meta property='og:site_name' content='&lt;i&gt;Site&lt;/i&gt;'>");

        JsonNode preview = awaitPreview(publish(ada, "see " + siteUrl("/markup")));

        assertThat(preview.path("title").asString()).isEqualTo("Bold claim");
        assertThat(preview.path("description").asString()).isEqualTo("Read on");
        assertThat(preview.path("siteName").asString()).isEqualTo("Site");
    }

    @Test
    void unknownPreviewImages_areProblems() {
        Client anonymous = Client.script(hub.root(), "");
        for (String key : List.of("0".repeat(64), "not-a-key")) {
            Client.Response response = anonymous.get("/chorus/previews/" + key);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.problem()).isEqualTo("preview-image-not-found");
        }
    }

    @Test
    void removingAPreview_isForItsAuthorAndAdmins_only() throws Exception {
        page("/removable", "<title>Removable</title>");
        JsonNode first = publish(ada, "see " + siteUrl("/removable"));
        JsonNode second = publish(ada, "again " + siteUrl("/removable"));
        awaitPreview(first);
        awaitPreview(second);
        String path = "/chorus/api/posts/" + first.path("id").asString() + "/preview";

        Client.Response anonymous = Client.script(hub.root(), "").send("DELETE", path, null);
        assertThat(anonymous.status()).isEqualTo(401);
        Client.Response other = bob.send("DELETE", path, null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.problem()).isEqualTo("not-permitted");
        assertThat(awaitPost(first.path("id").asString(), p -> true).path("preview").isObject()).isTrue();

        Client.Response author = ada.send("DELETE", path, null);
        assertThat(author.status()).isEqualTo(200);
        assertThat(author.json().path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(author.json().path("preview").isNull()).isTrue();
        assertThat(awaitPost(first.path("id").asString(), p -> true).path("preview").isNull()).isTrue();

        Client.Response byAdmin = admin.send("DELETE", "/chorus/api/posts/" + second.path("id").asString() + "/preview",
                null);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().path("preview").isNull()).isTrue();
        assertThat(ada.send("DELETE", "/chorus/api/posts/999/preview", null).problem())
                .isEqualTo("post-not-found");
    }
}
