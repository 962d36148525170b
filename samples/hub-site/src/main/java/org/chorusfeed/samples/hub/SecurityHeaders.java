package org.chorusfeed.samples.hub;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every page of the site is sent with: a strict Content-Security-Policy (the widget works under it:
 * no inline script or style anywhere), no MIME sniffing, and no referrer to other sites.
 */
final class SecurityHeaders implements Filter {
    /** The hub's policy: only its own scripts, styles and connections; images also as data URLs. */
    static final String HUB_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final String policy;

    SecurityHeaders(String policy) {
        this.policy = policy;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply((HttpServletResponse) response, policy);
        chain.doFilter(request, response);
    }

    /** Sets the headers, with this policy, on a response. */
    static void apply(HttpServletResponse response, String policy) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
    }
}
