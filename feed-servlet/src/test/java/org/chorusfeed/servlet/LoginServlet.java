package org.chorusfeed.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The host site's login, as small as a test can have it: {@code GET /login?handle=ada} signs the browser in as
 * that member, {@code GET /login?account=visitor-1} as a person who has an account at the host but may not be a
 * member (a session attribute), and {@link #RESOLVER} reads it back. Real hosts have real logins.
 */
final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String ATTRIBUTE = "test.member";

    /**
     * The host's member resolver: the account in the session names the member with that account, or the member
     * without an account whose handle it is.
     */
    static final MemberResolver RESOLVER = MemberResolver.byAccount(request -> {
        HttpSession session = request.getSession(false);
        Object account = session == null ? null : session.getAttribute(ATTRIBUTE);
        return account instanceof String a ? Optional.of(a) : Optional.empty();
    });

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String account = request.getParameter("account");
        request.getSession(true).setAttribute(ATTRIBUTE, account != null ? account : request.getParameter("handle"));
        response.setStatus(204);
    }
}
