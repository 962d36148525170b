package org.chorusfeed.servlet.internal;

import java.util.Optional;
import org.chorusfeed.member.Member;

/**
 * Who a request comes from and how that is known.
 *
 * @param member the member, if any
 * @param via    how the member was recognised
 */
public record Caller(Optional<Member> member, Via via) {
    /** An anonymous reader. */
    public static final Caller ANONYMOUS = new Caller(Optional.empty(), Via.NONE);

    /** How a member was recognised. */
    public enum Via {
        /** Not at all: anonymous. */
        NONE,
        /** A personal access token in {@code Authorization: Bearer}: no CSRF check needed. */
        TOKEN,
        /** The host's {@link org.chorusfeed.servlet.MemberResolver} (cookie, session): writes need CSRF and Origin checks. */
        RESOLVER
    }
}
