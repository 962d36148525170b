package org.chorusfeed.samples.hub;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.access.AccessToken;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@code CHORUS_ADMIN_TOKEN} a bearer token of the hub admin.
 *
 * <p>Chorus issues its own personal access tokens and cannot take a secret chosen by the operator, and the servlet
 * answers every {@code Authorization: Bearer} itself. So at start-up the hub issues a personal access token for the
 * admin and keeps its secret in memory only; this filter, in front of the servlet, compares the request's bearer
 * secret with the operator's in constant time and, when they match, passes the issued token on instead. Any other
 * bearer secret goes through unchanged and the servlet refuses it (401). Tokens issued this way by earlier runs
 * are revoked at start-up.
 */
final class AdminToken implements Filter {
    /** The label of the tokens the hub issues for the operator's secret. */
    static final String LABEL = "CHORUS_ADMIN_TOKEN of the demo hub";
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    private static final String BEARER = "Bearer ";

    private final byte[] operatorDigest;
    private final String issuedHeader;
    private final Member admin;

    private AdminToken(String operatorSecret, String issuedSecret, Member admin) {
        this.operatorDigest = sha256(operatorSecret);
        this.issuedHeader = BEARER + issuedSecret;
        this.admin = admin;
    }

    /**
     * Revokes the tokens earlier runs issued for an operator's secret and, when {@code operatorSecret} is given,
     * issues a fresh one for the first active admin (admitting {@code @hub-admin} when the hub has none).
     */
    static Optional<AdminToken> install(Chorus chorus, Optional<String> operatorSecret) {
        for (Member member : chorus.members().list()) {
            for (AccessToken token : chorus.tokens().list(member.id())) {
                if (token.isActive() && token.label().equals(LABEL)) {
                    chorus.tokens().revoke(member.id(), token.id());
                }
            }
        }
        if (operatorSecret.isEmpty()) {
            return Optional.empty();
        }
        Member admin = chorus.members().list().stream().filter(m -> m.isActiveAdmin()).findFirst()
                .orElseGet(() -> {
                    LOG.info("CHORUS_ADMIN_TOKEN is set but the hub has no active admin: admitting @hub-admin");
                    return chorus.members().admit(NewMember.handle("hub-admin").name("Hub admin").role(Role.ADMIN));
                });
        String issued = chorus.tokens().issue(admin.id(), LABEL).secret();
        return Optional.of(new AdminToken(operatorSecret.get(), issued, admin));
    }

    /** The admin the operator's secret acts as. */
    Member admin() {
        return admin;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        chain.doFilter(isOperatorSecret(http.getHeader("Authorization")) ? new AsAdmin(http) : request, response);
    }

    private boolean isOperatorSecret(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        // Comparing digests takes the same time whatever the given secret's length or content.
        return MessageDigest.isEqual(operatorDigest, sha256(authorization.substring(BEARER.length()).trim()));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The request with the issued token in place of the operator's secret. */
    private final class AsAdmin extends HttpServletRequestWrapper {
        AsAdmin(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Authorization".equalsIgnoreCase(name) ? issuedHeader : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Authorization".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(issuedHeader))
                    : super.getHeaders(name);
        }
    }
}
