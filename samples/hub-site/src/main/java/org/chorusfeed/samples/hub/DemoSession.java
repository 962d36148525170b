package org.chorusfeed.samples.hub;

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
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.servlet.MemberResolver;
import org.jspecify.annotations.Nullable;

/**
 * What the demo keeps in the visitor's session: the handle of the member they act as, and the token that the
 * sign-in and sign-out forms carry against cross-site requests.
 */
final class DemoSession {
    private static final String HANDLE = "org.chorusfeed.samples.hub.handle";
    private static final String FORM_TOKEN = "org.chorusfeed.samples.hub.formToken";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VISITOR_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private DemoSession() {
    }

    /**
     * Tells the Chorus servlet who the visitor is: the account in the session, which is a member's handle when
     * they picked a member, or a visitor's made-up account when they signed in as someone who is not a member yet.
     */
    static MemberResolver memberResolver() {
        return MemberResolver.byAccount(DemoSession::handle);
    }

    /** The member the visitor acts as, found as the Chorus servlet finds them. */
    static Optional<Member> member(HttpServletRequest request, Chorus chorus) {
        return memberResolver().resolve(request, chorus);
    }

    /** A new account for a visitor who is not a member: {@code visitor-} and eight random letters and digits. */
    static String newVisitorAccount() {
        StringBuilder account = new StringBuilder("visitor-");
        for (int i = 0; i < 8; i++) {
            account.append(VISITOR_ALPHABET.charAt(RANDOM.nextInt(VISITOR_ALPHABET.length())));
        }
        return account.toString();
    }

    /** The account (a member's handle, or a visitor's account) in the session, if any; never creates a session. */
    static Optional<String> handle(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object handle = session == null ? null : session.getAttribute(HANDLE);
        return handle instanceof String h ? Optional.of(h) : Optional.empty();
    }

    /** Acts as this member from now on, under a new session id (so a planted session id is worth nothing). */
    static void signIn(HttpServletRequest request, String handle) {
        request.changeSessionId();
        request.getSession().setAttribute(HANDLE, handle);
    }

    /** Forgets the session altogether. */
    static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** The session's form token, made (with the session) when there is none yet. */
    static String formToken(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (DemoSession.class) {
            Object existing = session.getAttribute(FORM_TOKEN);
            if (existing instanceof String token) {
                return token;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(FORM_TOKEN, token);
            return token;
        }
    }

    /**
     * Whether a form post is genuine: it comes from a page of this very origin ({@code Origin}, or {@code Referer}
     * when a browser sends no {@code Origin}) and carries the session's form token.
     */
    static boolean isGenuineFormPost(HttpServletRequest request) {
        String pageOrigin = pageOrigin(request);
        if (pageOrigin == null || !pageOrigin.equals(ownOrigin(request))) {
            return false;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(FORM_TOKEN);
        String given = request.getParameter("token");
        return expected instanceof String e && given != null
                && MessageDigest.isEqual(e.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** This request's own origin: scheme, host and a non-default port, as browsers write it in {@code Origin}. */
    static String ownOrigin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    private static @Nullable String pageOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String page = origin != null && !origin.isBlank() ? origin : request.getHeader("Referer"); // "null" fails below
        if (page == null) {
            return null;
        }
        try {
            URI uri = new URI(page.trim());
            return uri.getScheme() == null || uri.getHost() == null ? null
                    : origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        boolean defaultPort = port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
        return s + "://" + h + (defaultPort ? "" : ":" + port);
    }
}
