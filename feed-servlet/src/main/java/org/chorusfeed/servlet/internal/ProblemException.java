package org.chorusfeed.servlet.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Ends a request with a problem response: the kind, a detail a person can act on, extension members and
 * response headers. Cheap to throw: it has no stack trace, as it reports a request's fault, not the server's.
 */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    /** A problem of this kind with this detail. */
    public ProblemException(ProblemType type, String detail) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The kind. */
    public ProblemType type() {
        return type;
    }

    /** The detail, for a person to act on. */
    public String detail() {
        return getMessage();
    }

    /** Adds an extension member ({@code "limit": 100}); values are strings, numbers, booleans or lists of strings. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** Adds a response header. */
    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The extension members, in the order added. */
    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }

    /** The response headers, in the order added. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
