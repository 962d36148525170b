package org.chorusfeed.servlet.internal;

import java.util.Optional;
import org.chorusfeed.member.Member;

/**
 * Who a request comes from and how that is known.
 *
 * @param member  the member, if any
 * @param via     how the member was recognised
 * @param account the host's account id of the person signed in, member or not, if the host told it
 */
public record Caller(Optional<Member> member, Via via, Optional<String> account) {
    /** An anonymous reader. */
    public static final Caller ANONYMOUS = new Caller(Optional.empty(), Via.NONE);

    /** A caller whose account is the member's own, if any. */
    public Caller(Optional<Member> member, Via via) {
        this(member, via, member.flatMap(Member::account));
    }

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
