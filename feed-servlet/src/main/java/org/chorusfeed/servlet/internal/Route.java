package org.chorusfeed.servlet.internal;

import java.util.Locale;
import java.util.Objects;

/**
 * One route: a method, a path template relative to the servlet's mount (like {@code /api/posts/{id}}), who may
 * use it and what answers it.
 *
 * @param method   GET, POST, PATCH or DELETE (HEAD and OPTIONS are answered for every route)
 * @param template the path, with {@code {name}} for one path segment
 * @param access   who may use it
 * @param handler  what answers it
 */
public record Route(String method, String template, Access access, Handler handler) {
    /** Checks the method. */
    public Route {
        Objects.requireNonNull(template, "template");
        if (!method.equals(method.toUpperCase(Locale.ROOT)) || method.equals("HEAD") || method.equals("OPTIONS")) {
            throw new IllegalArgumentException("route method is '" + method + "'; use GET, POST, PATCH, PUT or DELETE");
        }
    }

    /** Whether this route changes something (and so is rate-limited and CSRF-checked). */
    public boolean isWrite() {
        return !method.equals("GET");
    }
}
