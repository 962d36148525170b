package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chorusfeed.member.Member;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One request as a route sees it: path parameters, query parameters, the caller, the JSON body; and the ways to
 * answer. Every body goes out with its length; HEAD requests get the headers without the body.
 */
public final class Exchange {
    /** JSON, which is UTF-8 by definition (RFC 8259), so no charset parameter. */
    public static final String JSON = "application/json";

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Map<String, String> parameters;
    private final Caller caller;
    private @Nullable Runnable beforeAnswer;
    private @Nullable QueryString query;

    /**
     * One request's exchange.
     *
     * @param beforeAnswer runs once before the answer is written (writes use it to let the change reach the
     *                     timeline cache first, so the writer reads its own write)
     */
    Exchange(HttpServletRequest request, HttpServletResponse response, Map<String, String> parameters, Caller caller,
            @Nullable Runnable beforeAnswer) {
        this.request = request;
        this.response = response;
        this.parameters = parameters;
        this.caller = caller;
        this.beforeAnswer = beforeAnswer;
    }

    private void beforeAnswer() {
        Runnable hook = beforeAnswer;
        if (hook != null) {
            beforeAnswer = null;
            hook.run();
        }
    }

    /** The request. */
    public HttpServletRequest request() {
        return request;
    }

    /** The response. */
    public HttpServletResponse response() {
        return response;
    }

    /** A path parameter of the route's template. */
    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no parameter " + name);
        }
        return value;
    }

    /** A query parameter; empty values count as absent. */
    public Optional<String> query(String name) {
        return queryString().get(name);
    }

    QueryString queryString() {
        if (query == null) {
            query = QueryString.parse(request.getQueryString());
        }
        return query;
    }

    /** Who the request comes from. */
    public Caller caller() {
        return caller;
    }

    /** The member the request comes from; a 401 problem when anonymous. */
    public Member member() {
        return caller.member().orElseThrow(Problems::unauthenticated);
    }

    /** The JSON body, with only these fields allowed. */
    public JsonBody body(String... fields) throws IOException {
        return JsonBody.read(request, Set.of(fields));
    }

    /** Answers with JSON. */
    public void json(int status, JsonNode body) throws IOException {
        send(status, JSON, Representations.MAPPER.writeValueAsBytes(body));
    }

    /** Answers 200 with JSON and a weak ETag, or 304 when {@code If-None-Match} names it. */
    public void jsonTagged(JsonNode body, String cacheControl) throws IOException {
        byte[] bytes = Representations.MAPPER.writeValueAsBytes(body);
        sendTagged(JSON, bytes, ETags.weak(bytes), cacheControl);
    }

    /**
     * Answers 304 with this entity tag when {@code If-None-Match} names it; else only sets the headers.
     *
     * @return whether it answered
     */
    public boolean notModified(String etag, String cacheControl) {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", cacheControl);
        if (ETags.matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /** Answers 200 with these bytes and entity tag, or 304 when {@code If-None-Match} names the tag. */
    public void sendTagged(String contentType, byte[] body, String etag, String cacheControl) throws IOException {
        if (notModified(etag, cacheControl)) {
            return;
        }
        send(HttpServletResponse.SC_OK, contentType, body);
    }

    /** Answers with a body of this type. */
    public void send(int status, String contentType, byte[] body) throws IOException {
        beforeAnswer();
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** Answers 204. */
    public void noContent() {
        beforeAnswer();
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
