package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.servlet.MemberResolver;

/**
 * Recognises the member behind a request: a personal access token in {@code Authorization: Bearer} first (a
 * bad token is refused, never passed over), then the host's {@link MemberResolver}.
 */
final class Identity {
    private static final String BEARER = "Bearer ";

    private final Chorus chorus;
    private final MemberResolver resolver;

    Identity(Chorus chorus, MemberResolver resolver) {
        this.chorus = chorus;
        this.resolver = resolver;
    }

    Caller recognise(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String secret = authorization.substring(BEARER.length()).trim();
            Optional<Member> member = chorus.tokens().authenticate(secret);
            if (member.isEmpty()) {
                throw new ProblemException(ProblemType.INVALID_TOKEN, "the access token is unknown, malformed or "
                        + "revoked; ask for a new one").header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            }
            return new Caller(member, Caller.Via.TOKEN);
        }
        Optional<Member> member = resolver.resolve(request, chorus);
        Optional<String> account = resolver.account(request).or(() -> member.flatMap(Member::account));
        if (member.isEmpty() && account.isEmpty()) {
            return Caller.ANONYMOUS;
        }
        return new Caller(member, Caller.Via.RESOLVER, account);
    }
}
