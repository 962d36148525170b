package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Protects writes authenticated by cookies: a random token kept in the member's session, sent back by the page
 * in {@code X-Chorus-CSRF} and compared in constant time; and the page's origin ({@code Origin}, or
 * {@code Referer} without it) must be the servlet's own or one the host allowed.
 */
public final class Csrf {
    /** The request header that carries the token. */
    public static final String HEADER = "X-Chorus-CSRF";
    /** The session attribute that holds the token. */
    public static final String SESSION_ATTRIBUTE = "org.chorusfeed.servlet.csrf";

    private final Set<String> allowedOrigins;
    private final @Nullable String configuredOrigin;
    private final SecureRandom random = new SecureRandom();

    /**
     * A check for these origins.
     *
     * @param allowedOrigins   origins that may write besides the request's own
     * @param configuredOrigin the origin of the configured public base URL, which counts as the servlet's own
     */
    public Csrf(Set<String> allowedOrigins, @Nullable String configuredOrigin) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.configuredOrigin = configuredOrigin;
    }

    /** The session's token, made and stored in a new or existing session when it has none. */
    public String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        Object existing = session.getAttribute(SESSION_ATTRIBUTE);
        if (existing instanceof String token) {
            return token;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(SESSION_ATTRIBUTE, token);
        return token;
    }

    /** Checks a cookie-authenticated write: origin first, then token; throws a 403 problem when either fails. */
    public void check(HttpServletRequest request) {
        String origin = pageOrigin(request);
        if (origin == null) {
            throw new ProblemException(ProblemType.ORIGIN_NOT_ALLOWED,
                    "the request has neither an Origin nor a Referer header; a browser sends one, scripts should "
                            + "use a personal access token (Authorization: Bearer) instead of cookies");
        }
        if (!originAllowed(origin, ownOrigin(request))) {
            throw new ProblemException(ProblemType.ORIGIN_NOT_ALLOWED, "pages of " + JsonBody.printable(origin)
                    + " may not write with the member's cookies; the hub's admins can add the origin to the allow-list");
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        if (!matches(expected instanceof String s ? s : null, request.getHeader(HEADER))) {
            throw new ProblemException(ProblemType.CSRF_TOKEN_INVALID, "the request lacks the session's CSRF token; "
                    + "read it from GET /api/session and send it in the " + HEADER + " header");
        }
    }

    /** Whether a page of this origin may write: the servlet's own origin, the configured one, or an allowed one. */
    public boolean originAllowed(String origin, String ownOrigin) {
        String normalized = normalize(origin);
        return normalized != null && (normalized.equals(ownOrigin) || normalized.equals(configuredOrigin)
                || allowedOrigins.contains(normalized));
    }

    /** Whether the origin is on the allow-list (and so gets credentialed CORS answers). */
    public boolean isAllowListed(@Nullable String origin) {
        if (origin == null || allowedOrigins.isEmpty()) {
            return false;
        }
        String normalized = normalize(origin);
        return normalized != null && allowedOrigins.contains(normalized);
    }

    /** Compares tokens in time independent of where they differ; null or empty never matches. */
    public static boolean matches(@Nullable String expected, @Nullable String given) {
        if (expected == null || given == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The origin of the page that sent the request: {@code Origin}, else the origin of {@code Referer}. */
    static @Nullable String pageOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.isBlank()) {
            return origin.trim();
        }
        String referer = request.getHeader("Referer");
        return referer == null ? null : normalize(referer);
    }

    /** The request's own origin, as the browser names it: scheme, host and a non-default port. */
    public static String ownOrigin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** An origin from its parts, lower-case, without the scheme's default port; IPv6 hosts in brackets. */
    static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        boolean defaultPort = port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
        return s + "://" + h + (defaultPort ? "" : ":" + port);
    }

    /** The origin of a URL (or an origin), normalised; null when it is not an http(s) URL with a host. */
    static @Nullable String normalize(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            String s = scheme.toLowerCase(Locale.ROOT);
            if (!s.equals("http") && !s.equals("https")) {
                return null;
            }
            return origin(s, host, uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The configured public base URL's origin, if one is set. */
    public static @Nullable String originOf(Optional<URI> publicBaseUrl) {
        return publicBaseUrl.map(u -> normalize(u.toString())).orElse(null);
    }
}
