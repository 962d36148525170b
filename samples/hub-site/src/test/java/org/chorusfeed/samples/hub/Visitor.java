package org.chorusfeed.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A browser-like visitor of a running hub: its own cookies, its own origin header, JSON helpers. */
final class Visitor {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String origin;

    Visitor(RunningHub hub) {
        this(hub.port());
    }

    Visitor(int port) {
        this.base = URI.create("http://localhost:" + port + "/");
        this.origin = "http://localhost:" + port;
    }

    String origin() {
        return origin;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    HttpResponse<String> postForm(String path, String form, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> sendJson(String method, String path, String json, String... headers)
            throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode getJson(String path, String... headers) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, headers);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Signs in through the demo sign-in page, as a browser would, and returns the session's CSRF token. */
    String signInAs(String handle) throws IOException, InterruptedException {
        String token = formToken();
        HttpResponse<String> signedIn = postForm("signin", "token=" + encode(token) + "&handle=" + encode(handle),
                "Origin", origin);
        assertThat(signedIn.statusCode()).as("POST /signin: %s", signedIn.body()).isEqualTo(303);
        JsonNode session = getJson("chorus/api/session");
        assertThat(session.path("member").path("handle").asString()).isEqualTo(handle);
        return session.path("csrf").asString();
    }

    /** The sign-in page's form token (which also starts the visitor's session). */
    String formToken() throws IOException, InterruptedException {
        HttpResponse<String> page = get("signin");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = FORM_TOKEN.matcher(page.body());
        assertThat(m.find()).as("the sign-in page has a form token").isTrue();
        return m.group(1);
    }

    /** Publishes as the signed-in member, with the CSRF token and this origin, as the widget does. */
    JsonNode publish(String csrf, String text) throws IOException, InterruptedException {
        HttpResponse<String> created = sendJson("POST", "chorus/api/posts",
                JSON.writeValueAsString(JSON.createObjectNode().put("text", text)),
                "X-Chorus-CSRF", csrf, "Origin", origin);
        assertThat(created.statusCode()).as("POST /chorus/api/posts: %s", created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    /** Every post id in the timeline, newest first, paging with the {@code next} cursor. */
    List<Long> allPostIds() throws IOException, InterruptedException {
        List<Long> ids = new ArrayList<>();
        String path = "chorus/api/timeline?limit=100";
        while (true) {
            JsonNode page = getJson(path);
            page.path("items").forEach(item -> ids.add(Long.parseLong(item.path("id").asString())));
            if (page.path("next").isNull() || page.path("next").isMissingNode()) {
                return ids;
            }
            path = "chorus/api/timeline?limit=100&before=" + encode(page.path("next").asString());
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
