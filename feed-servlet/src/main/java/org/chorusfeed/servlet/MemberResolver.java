package org.chorusfeed.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
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

    // accounts: people signed in at the host who are not members yet (members helper)

    /**
     * The host's stable id of the person signed in (their login, user id or e-mail), member or not; empty when
     * nobody is signed in. Chorus keeps it on the member who joins through an invitation or a join request, so a
     * signed-in person who is not a member yet can accept an invitation or ask to join. The default says nobody:
     * implement it (or use {@link #byAccount}) to let people join.
     *
     * @param request the request, as the container passed it to the servlet
     * @return the account id, or empty for an anonymous request
     */
    default Optional<String> account(HttpServletRequest request) {
        return Optional.empty();
    }

    /**
     * A resolver over the host's account ids: the member is the one with that {@linkplain Member#account()
     * account}, or else (for members admitted before they had one) the member whose handle is the account id and
     * who has no account.
     *
     * <pre>{@code
     * MemberResolver resolver = MemberResolver.byAccount(request -> {
     *     HttpSession session = request.getSession(false);
     *     return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute("user-id"));
     * });
     * }</pre>
     *
     * @param accountOf reads the account id of the signed-in person from a request; empty when anonymous
     * @return a resolver that names members by account and tells the account of people who are not members
     */
    static MemberResolver byAccount(Function<HttpServletRequest, Optional<String>> accountOf) {
        Objects.requireNonNull(accountOf, "accountOf");
        return new MemberResolver() {
            @Override
            public Optional<Member> resolve(HttpServletRequest request, Chorus chorus) {
                return accountOf.apply(request).flatMap(account -> memberOf(account, chorus));
            }

            @Override
            public Optional<String> account(HttpServletRequest request) {
                return accountOf.apply(request);
            }
        };
    }

    private static Optional<Member> memberOf(String account, Chorus chorus) {
        Optional<Member> member = chorus.members().findByAccount(account);
        if (member.isPresent() || !Names.isHandle(account)) {
            return member;
        }
        return chorus.members().findByHandle(account).filter(m -> m.account().isEmpty());
    }

    /**
     * The default: the container's authenticated user ({@link HttpServletRequest#getUserPrincipal()}), whose
     * name is the account id (see {@link #byAccount}): the member with that account, or the member without an
     * account whose handle it is.
     *
     * @return a resolver that trusts the container's login
     */
    static MemberResolver principalName() {
        return byAccount(request -> {
            Principal principal = request.getUserPrincipal();
            if (principal == null || principal.getName() == null || principal.getName().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(principal.getName());
        });
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
