package org.chorusfeed.servlet;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP client with its own cookies (one per simulated browser or script), speaking to one server. */
final class Client {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI root;
    private final HttpClient http;
    private final String bearer;

    private Client(URI root, HttpClient http, String bearer) {
        this.root = root;
        this.http = http;
        this.bearer = bearer;
    }

    /** A browser-like client keeping cookies. */
    static Client browser(URI root) {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        return new Client(root, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).build(), "");
    }

    /** A script with a bearer token (empty for none), without cookies. */
    static Client script(URI root, String token) {
        return new Client(root, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build(), token);
    }

    HttpClient http() {
        return http;
    }

    URI uri(String path) {
        return root.resolve(path);
    }

    /** A request builder for this path with the client's credentials. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (!bearer.isEmpty()) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    Response get(String path, String... headers) {
        HttpRequest.Builder builder = request(path).GET();
        headers(builder, headers);
        return send(builder.build());
    }

    Response send(String method, String path, String jsonBody, String... headers) {
        HttpRequest.Builder builder = request(path);
        builder.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json");
        }
        headers(builder, headers);
        return send(builder.build());
    }

    Response sendBytes(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers(builder, headers);
        return send(builder.build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void headers(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
    }

    /** A response with its body read. */
    static final class Response {
        private final HttpResponse<byte[]> response;
        private JsonNode json;

        Response(HttpResponse<byte[]> response) {
            this.response = response;
        }

        int status() {
            return response.statusCode();
        }

        byte[] bytes() {
            return response.body();
        }

        String body() {
            return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonNode json() {
            if (json == null) {
                json = JSON.readTree(response.body());
            }
            return json;
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The problem's type without the common prefix, like {@code text-too-long}. */
        String problem() {
            return json().path("type").asString().replace("https://chorusfeed.org/problems/", "");
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.headers().map() + " " + body();
        }
    }
}
