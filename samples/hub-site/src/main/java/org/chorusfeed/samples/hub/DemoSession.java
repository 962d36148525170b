package org.chorusfeed.samples.hub;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.servlet.MemberResolver;
import org.jspecify.annotations.Nullable;

/**
 * What the demo keeps in the visitor's session: the account they act as (a member's account, or for members
 * admitted without one their handle; or a visitor's made-up account, who is not a member yet), and the token that
 * the sign-in and sign-out forms carry against cross-site requests.
 */
final class DemoSession {
    private static final String ACCOUNT = "org.chorusfeed.samples.hub.handle";
    /** How the accounts of demo visitors who are not members begin. */
    static final String VISITOR = "visitor-";
    private static final String FORM_TOKEN = "org.chorusfeed.samples.hub.formToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoSession() {
    }

    /**
     * Tells the Chorus servlet who the visitor is: the account in the session, which names a member (by account,
     * or by handle for members without one) or a person who may join.
     */
    static MemberResolver memberResolver() {
        return MemberResolver.byAccount(DemoSession::account);
    }

    /** The member the visitor acts as, if any. */
    static Optional<Member> member(HttpServletRequest request, Chorus chorus) {
        return memberResolver().resolve(request, chorus);
    }

    /** The account the visitor acts as, if they picked one; never creates a session. */
    static Optional<String> account(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object account = session == null ? null : session.getAttribute(ACCOUNT);
        return account instanceof String a ? Optional.of(a) : Optional.empty();
    }

    /** Acts as this member from now on, under a new session id (so a planted session id is worth nothing). */
    static void signIn(HttpServletRequest request, Member member) {
        signIn(request, member.account().orElse(member.handle()));
    }

    /** Acts as a new visitor, signed in but not a member: someone who may accept an invitation or ask to join. */
    static void signInVisitor(HttpServletRequest request) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        signIn(request, VISITOR + HexFormat.of().formatHex(bytes));
    }

    private static void signIn(HttpServletRequest request, String account) {
        request.changeSessionId();
        request.getSession().setAttribute(ACCOUNT, account);
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
