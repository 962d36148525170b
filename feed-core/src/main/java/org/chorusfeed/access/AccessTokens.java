package org.chorusfeed.access;

import java.util.List;
import java.util.Optional;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;

/**
 * Personal access tokens: random 256-bit secrets that act as a member, stored only as hashes.
 *
 * <pre>{@code
 * IssuedToken issued = chorus.tokens().issue(ada.id(), "newsletter script");
 * Optional<Member> who = chorus.tokens().authenticate(issued.secret());
 * }</pre>
 */
public interface AccessTokens {
    /** Issues a token for a member; the returned secret is shown once. */
    IssuedToken issue(MemberId member, String label);

    /** The member an active token acts as; empty for unknown, malformed or revoked tokens. */
    Optional<Member> authenticate(String secret);

    /** Every token of a member, newest first, revoked ones included. */
    List<AccessToken> list(MemberId member);

    /** Revokes a token of the member; false if the member has no such token. */
    boolean revoke(MemberId member, long tokenId);
}
