package org.chorusfeed.outside;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A response's status and headers.
 *
 * @param status  the status code
 * @param headers the headers in order, names lower-case
 */
record ResponseHead(int status, List<Map.Entry<String, String>> headers) {

    /** Copies the headers. */
    ResponseHead {
        headers = List.copyOf(headers);
    }

    /** The first value of the header {@code name}, if sent. */
    Optional<String> header(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return headers.stream().filter(header -> header.getKey().equals(lower)).map(Map.Entry::getValue).findFirst();
    }

    /** The comma-separated tokens of every {@code name} header, lower-case, in order. */
    List<String> tokens(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equals(lower)) {
                for (String token : header.getValue().split(",")) {
                    if (!token.isBlank()) {
                        tokens.add(token.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return tokens;
    }

    /** A header value fit to send back in a later request: printable ASCII, at most 1024 characters. */
    Optional<String> validator(String name) {
        return header(name).map(String::strip)
                .filter(value -> !value.isEmpty() && value.length() <= 1024 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f));
    }
}
