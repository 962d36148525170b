package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.servlet.ChorusServletConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The servlet's inside: finds the route, answers CORS, recognises the caller, enforces access, rate limits and
 * CSRF for writes, runs the route and turns failures into problems. Owns the change-log subscription, the
 * timeline cache, the members and organisations cache and the live stream, and stops them on {@link #close()}.
 */
public final class Api implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String EXPOSED_HEADERS = "ETag, Location, Retry-After";
    private static final String PREFLIGHT_HEADERS = "Authorization, Content-Type, If-None-Match, Last-Event-ID";
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(2);
    /** Posts whose JSON is kept (about 1 KB each with the post): the most a hub's readers page through at once. */
    private static final int POST_JSON_CAPACITY = 4096;

    private final ChorusServletConfig config;
    private final Chorus chorus;
    private final Identity identity;
    private final Csrf csrf;
    private final RateLimiter memberLimiter;
    private final RateLimiter addressLimiter;
    private final ChangeFanOut fanOut;
    private final StreamHub streams;
    private final RouteTable routes;
    private final boolean varyOrigin;
    // link previews
    private final PreviewLinks previewLinks;

    /** Builds the API over the configured Chorus and subscribes to its change log. */
    public Api(ChorusServletConfig config, WidgetAssets widget) {
        this.config = config;
        this.chorus = config.chorus();
        Clock clock = chorus.clock();
        this.identity = new Identity(chorus, config.memberResolver());
        this.csrf = new Csrf(config.allowedOrigins(), Csrf.originOf(config.publicBaseUrl()));
        this.memberLimiter = new RateLimiter(config.writesPerMinutePerMember(), clock, 100_000);
        this.addressLimiter = new RateLimiter(config.writesPerMinutePerAddress(), clock, 100_000);
        this.varyOrigin = !config.allowedOrigins().isEmpty();
        TimelineCache cache = new TimelineCache(org.chorusfeed.timeline.TimelineQuery.MAX_LIMIT);
        // link previews: the image URLs every rendered post needs travel with People
        PreviewLinks previewLinks = new PreviewLinks(config.publicBaseUrl());
        this.previewLinks = previewLinks;
        People people = new People(chorus, previewLinks);
        this.fanOut = new ChangeFanOut(chorus.changes());
        this.streams = new StreamHub(chorus, people, config.maxStreamConnections(), config.heartbeatInterval());
        // People before the timeline cache: a page rendered for the cache's new generation must not meet a
        // member or organisation from before the change.
        fanOut.addFirst(people::invalidate);
        // timeline performance: posts' kept JSON, after People (see PostJson)
        PostJson postJson = new PostJson(POST_JSON_CAPACITY);
        fanOut.addFirst(postJson::invalidate);
        fanOut.addFirst(change -> cache.invalidate());
        fanOut.add(streams);
        RouteTable.Builder table = RouteTable.builder();
        new TimelineRoutes(chorus, cache, people, postJson, fanOut::processed).addTo(table);
        PostRoutes posts = new PostRoutes(chorus, people);
        posts.addTo(table);
        // joining, organisations and the admin's member list (members helper)
        JoiningRoutes joining = new JoiningRoutes(chorus, people, config.approvalRequests());
        joining.addTo(table);
        new DirectoryRoutes(chorus, people).addTo(table);
        new MemberRoutes(chorus, csrf, people, joining).addTo(table);
        new AdminRoutes(chorus, people).addTo(table);
        // moderation (issue 7)
        new ModerationRoutes(chorus, people).addTo(table);
        new StreamRoutes(chorus, streams, config.streamQueueCapacity()).addTo(table);
        new FeedRoutes(config, people).addTo(table);
        new DocumentRoutes(widget).addTo(table);
        // members' blogs
        new BlogRoutes(chorus).addTo(table);
        // link previews
        new PreviewRoutes(chorus, posts, config.publicReads()).addTo(table);
        // data rights: export and erasure
        new DataRightsRoutes(config).addTo(table);
        this.routes = table.build();
        fanOut.start();
    }

    /** Every route. */
    public RouteTable routes() {
        return routes;
    }

    /** Answers one request. */
    public void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        previewLinks.seen(request);   // link previews
        RouteTable.Match match = routes.match(Mount.path(request));
        if (match == null) {
            cors(request, response, true);
            problem(request, response, new ProblemException(ProblemType.ROUTE_NOT_FOUND, "nothing is at "
                    + JsonBody.printable(Mount.path(request)) + "; openapi.json lists every route"));
            return;
        }
        if (method.equals("OPTIONS")) {
            cors(request, response, false);
            options(request, response, match);
            return;
        }
        Route route = match.route(method);
        cors(request, response, route == null || route.access() == Access.OPEN);
        if (route == null) {
            response.setHeader("Allow", match.allow());
            problem(request, response, new ProblemException(ProblemType.METHOD_NOT_ALLOWED, JsonBody.printable(method)
                    + " is not allowed here; use " + match.allow()).with("allow", match.allow()));
            return;
        }
        try {
            Caller caller = route.access() == Access.OPEN ? Caller.ANONYMOUS : identity.recognise(request);
            authorize(route, caller);
            if (route.isWrite()) {
                admitWrite(request, caller, route.access());
            }
            // A writer reads its own write: the answer waits until the change has reached the timeline cache.
            Runnable readYourWrites = route.isWrite()
                    ? () -> fanOut.awaitProcessed(chorus.changes().lastSeq(), READ_YOUR_WRITES) : null;
            route.handler().handle(new Exchange(request, response, match.parameters(), caller, readYourWrites));
        } catch (RuntimeException e) {
            ProblemException problem = Problems.of(e);
            if (problem == null) {
                LOG.warn("[chorus] {} {} failed", method, JsonBody.printable(Mount.path(request)), e);
                problem = Problems.internal();
            }
            problem(request, response, problem);
        }
    }

    private void authorize(Route route, Caller caller) {
        switch (route.access()) {
            case OPEN, ANYONE -> {
            }
            case READ -> {
                if (!config.publicReads() && caller.member().isEmpty()) {
                    throw Problems.unauthenticated();
                }
            }
            case MEMBER -> {
                if (caller.member().isEmpty() && !route.isWrite()) {
                    throw Problems.unauthenticated();
                }
            }
            case ACCOUNT -> {
                if (caller.account().isEmpty() && caller.member().isEmpty()) {
                    throw Problems.unauthenticated();
                }
            }
            case ADMIN -> {
                Member member = caller.member().orElseThrow(Problems::unauthenticated);
                if (!member.isActiveAdmin()) {
                    throw new ProblemException(ProblemType.NOT_PERMITTED, "only an active hub admin may do this; @"
                            + member.handle() + " is not one").with("reason", "not-admin");
                }
            }
        }
    }

    /** Rate limits (address first, so anonymous floods cost nothing more), sign-in, and CSRF for cookie writes. */
    private void admitWrite(HttpServletRequest request, Caller caller, Access access) {
        limit(addressLimiter, "address:" + request.getRemoteAddr(), "this address");
        if (access == Access.ACCOUNT && caller.member().isEmpty() && caller.account().isPresent()) {
            // someone signed in at the host who is not a member yet, joining: always by cookie (members helper)
            csrf.check(request);
            limit(memberLimiter, "account:" + caller.account().get(), "this account");
            return;
        }
        Member member = caller.member().orElseThrow(Problems::unauthenticated);
        if (caller.via() == Caller.Via.RESOLVER) {
            csrf.check(request);
        }
        limit(memberLimiter, "member:" + member.id(), "@" + member.handle());
    }

    private void limit(RateLimiter limiter, String key, String who) {
        Duration wait = limiter.acquire(key);
        if (!wait.isZero()) {
            long seconds = RateLimiter.retryAfterSeconds(wait);
            throw new ProblemException(ProblemType.RATE_LIMITED, who + " has made too many writes in the last minute; "
                    + "try again in " + seconds + (seconds == 1 ? " second" : " seconds"))
                    .with("retryAfter", seconds).header("Retry-After", Long.toString(seconds));
        }
    }

    /**
     * Headers of every answer: no content sniffing, and CORS: pages of allow-listed origins get their origin back with credentials (they may act
     * as the member); everyone else gets {@code *} without credentials, so browsers never attach cookies.
     */
    private void cors(HttpServletRequest request, HttpServletResponse response, boolean anonymous) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        String origin = request.getHeader("Origin");
        if (varyOrigin && !anonymous) {
            response.setHeader("Vary", "Origin");
            if (csrf.isAllowListed(origin)) {
                response.setHeader("Access-Control-Allow-Origin", origin);
                response.setHeader("Access-Control-Allow-Credentials", "true");
                response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
                return;
            }
        }
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (origin != null) {
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    private void options(HttpServletRequest request, HttpServletResponse response, RouteTable.Match match) {
        response.setHeader("Allow", match.allow());
        if (request.getHeader("Access-Control-Request-Method") != null) {
            boolean credentialed = varyOrigin && csrf.isAllowListed(request.getHeader("Origin"));
            response.setHeader("Access-Control-Allow-Methods", match.corsMethods());
            response.setHeader("Access-Control-Allow-Headers",
                    credentialed ? PREFLIGHT_HEADERS + ", " + Csrf.HEADER : PREFLIGHT_HEADERS);
            response.setHeader("Access-Control-Max-Age", "600");
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** Writes a problem (RFC 9457), unless the response is already under way. */
    static void problem(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        for (Map.Entry<String, String> header : problem.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        ObjectNode body = Representations.object();
        body.put("type", problem.type().uri());
        body.put("title", problem.type().title());
        body.put("status", problem.type().status());
        body.put("detail", problem.detail());
        for (Map.Entry<String, Object> extension : problem.extensions().entrySet()) {
            body.set(extension.getKey(), Representations.MAPPER.valueToTree(extension.getValue()));
        }
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = Representations.MAPPER.writeValueAsBytes(body);
        response.setStatus(problem.type().status());
        response.setContentType(PROBLEM_JSON);
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }

    /** The live stream's connection count, for tests and monitoring. */
    public int streamConnections() {
        return streams.connections();
    }

    /** Stops the change-log subscription and ends every live connection. */
    @Override
    public void close() {
        try {
            fanOut.close();
        } finally {
            streams.close();
        }
    }
}
