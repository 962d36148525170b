package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;

/** Where the servlet is mounted, as paths and URLs; the routes are relative to it. */
final class Mount {
    private Mount() {
    }

    /** The path within the mount that routes match: {@code /api/timeline}. */
    static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        if (pathInfo != null) {
            return pathInfo;
        }
        // Mapped as the default servlet ("/"): the whole path is the servlet path.
        String servletPath = request.getServletPath();
        return servletPath == null || servletPath.isEmpty() ? "/" : servletPath;
    }

    /** The mount's absolute path on this host: {@code /app/chorus}, or empty at the root. */
    static String basePath(HttpServletRequest request) {
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        return request.getPathInfo() != null ? context + request.getServletPath() : context;
    }

    /** The mount's public URL, configured or taken from the request: {@code https://hub.example/chorus}. */
    static String baseUrl(HttpServletRequest request, Optional<URI> configured) {
        if (configured.isPresent()) {
            return configured.get().toString();
        }
        return Csrf.ownOrigin(request) + basePath(request);
    }
}
