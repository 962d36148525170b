package org.chorusfeed.outside;

import java.util.Locale;
import java.util.Optional;

/** Reads {@code Content-Type} header values: the media type and the {@code charset} parameter. */
final class MediaTypes {
    private MediaTypes() {
    }

    /** The media type of a header value, lower-case and without parameters: {@code text/html}. */
    static String mediaType(String header) {
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The {@code charset} parameter of a header value, unquoted, when there is one. */
    static Optional<String> charset(String header) {
        String[] parts = header.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                String value = parameter.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
