package org.chorusfeed.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The host site's login, as small as a test can have it: {@code GET /login?handle=ada} signs the browser in as
 * that member (a session attribute), and {@link #RESOLVER} reads it back. Real hosts have real logins.
 */
final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String ATTRIBUTE = "test.member";

    /** The host's member resolver: the handle in the session. */
    static final MemberResolver RESOLVER = (request, chorus) -> {
        HttpSession session = request.getSession(false);
        Object handle = session == null ? null : session.getAttribute(ATTRIBUTE);
        return handle instanceof String h ? chorus.members().findByHandle(h) : Optional.empty();
    };

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true).setAttribute(ATTRIBUTE, request.getParameter("handle"));
        response.setStatus(204);
    }
}
