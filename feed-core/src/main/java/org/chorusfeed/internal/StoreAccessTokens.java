package org.chorusfeed.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.access.AccessToken;
import org.chorusfeed.access.AccessTokens;
import org.chorusfeed.access.IssuedToken;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.store.Store;

/**
 * {@link AccessTokens} over a store. A secret is {@code chorus_} and 32 random bytes in base64url; the store
 * keeps its SHA-256, which is enough for a secret of 256 random bits (no password stretching needed).
 */
public final class StoreAccessTokens implements AccessTokens {
    private static final String PREFIX = "chorus_";
    private static final int SECRET_BYTES = 32;
    private static final int MAX_LABEL = 80;

    private final Store store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** Tokens kept in this store, timed by this clock. */
    public StoreAccessTokens(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(MemberId member, String label) {
        String cleanLabel = label.strip();
        if (cleanLabel.isEmpty() || cleanLabel.length() > MAX_LABEL || cleanLabel.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("token label '" + cleanLabel + "' is not allowed; give 1 to " + MAX_LABEL
                    + " characters without control characters");
        }
        if (store.findMember(member).isEmpty()) {
            throw new NoSuchMemberException(member.toString());
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AccessToken token = store.insertToken(member, cleanLabel, hash(secret), clock.instant());
        return new IssuedToken(secret, token);
    }

    @Override
    public Optional<Member> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() != PREFIX.length() + 43) {
            return Optional.empty();
        }
        return store.findTokenByHash(hash(secret)).filter(AccessToken::isActive)
                .flatMap(token -> store.findMember(token.member()));
    }

    @Override
    public List<AccessToken> list(MemberId member) {
        return store.tokens(member);
    }

    @Override
    public boolean revoke(MemberId member, long tokenId) {
        return store.revokeToken(member, tokenId, clock.instant());
    }

    private static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
