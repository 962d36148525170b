package org.chorusfeed.servlet.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request's query parameters, parsed from the raw query string (never from a form body). A parameter given
 * twice is refused, so no route has to guess which one counts.
 */
final class QueryString {
    private static final QueryString EMPTY = new QueryString(Map.of());

    private final Map<String, String> values;

    private QueryString(Map<String, String> values) {
        this.values = values;
    }

    static QueryString parse(@Nullable String raw) {
        if (raw == null || raw.isEmpty()) {
            return EMPTY;
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (values.putIfAbsent(name, value) != null) {
                throw new ProblemException(ProblemType.INVALID_PARAMETER, "the query parameter '"
                        + JsonBody.printable(name) + "' is given more than once; give it once").with("parameter",
                        JsonBody.printable(name));
            }
        }
        return new QueryString(values);
    }

    /** The parameter's value; an empty value counts as absent. */
    Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Whether no parameter other than these is given. */
    boolean hasOnly(String... names) {
        int known = 0;
        for (String name : names) {
            if (values.containsKey(name)) {
                known++;
            }
        }
        return known == values.size();
    }

    private static String decode(String part) {
        try {
            String decoded = URLDecoder.decode(part, StandardCharsets.UTF_8);
            if (!JsonBody.isValidUnicode(decoded) || decoded.indexOf('\uFFFD') >= 0 && part.indexOf('%') >= 0
                    && !part.toUpperCase(java.util.Locale.ROOT).contains("%EF%BF%BD")) {
                throw invalid(part);
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw invalid(part);
        }
    }

    private static ProblemException invalid(String part) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, "the query has a malformed escape in '"
                + JsonBody.printable(part) + "'; percent-encode UTF-8");
    }
}
