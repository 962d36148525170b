package org.chorusfeed.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.Names;

/**
 * Tells the servlet which member a request comes from, the way the host site knows it: its login session,
 * a cookie, a header set by a proxy. The host implements this; Chorus never sees passwords.
 *
 * <p>Requests authenticated this way are treated as cookie-authenticated: their writes need the CSRF token
 * from {@code GET /api/session} and an allowed {@code Origin}. Requests that carry
 * {@code Authorization: Bearer chorus_...} are authenticated by their personal access token instead, and this
 * resolver is not asked.
 *
 * <pre>{@code
 * MemberResolver fromSession = (request, chorus) -> {
 *     HttpSession session = request.getSession(false);
 *     Object handle = session == null ? null : session.getAttribute("user");
 *     return handle instanceof String h ? chorus.members().findByHandle(h) : Optional.empty();
 * };
 * }</pre>
 *
 * <p>Called on every request the servlet needs to know the reader for, from many threads at once: it must be
 * thread-safe and quick, and it should not create a session where there is none.
 */
@FunctionalInterface
public interface MemberResolver {

    /**
     * The member this request comes from, or empty for an anonymous reader.
     *
     * @param request the request, as the container passed it to the servlet
     * @param chorus  the hub's Chorus, for looking members up
     * @return the member, or empty when the request is anonymous or names no member of the network
     */
    Optional<Member> resolve(HttpServletRequest request, Chorus chorus);

    /**
     * The default: the container's authenticated user ({@link HttpServletRequest#getUserPrincipal()}), whose
     * name is taken as the member's handle.
     *
     * @return a resolver that trusts the container's login
     */
    static MemberResolver principalName() {
        return (request, chorus) -> {
            Principal principal = request.getUserPrincipal();
            if (principal == null || principal.getName() == null || !Names.isHandle(principal.getName())) {
                return Optional.empty();
            }
            return chorus.members().findByHandle(principal.getName());
        };
    }

    /**
     * A resolver that never names a member: only personal access tokens authenticate.
     *
     * @return a resolver for hubs whose members act through tokens only
     */
    static MemberResolver none() {
        return (request, chorus) -> Optional.empty();
    }
}
