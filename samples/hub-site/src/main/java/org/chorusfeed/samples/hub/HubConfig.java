package org.chorusfeed.samples.hub;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.chorusfeed.outside.SafeFetcher;

/**
 * How the demo hub runs: where it listens, where its data lives, whether demo sign-in is on, and the admin's
 * bearer token. Read from the environment by {@link #fromEnvironment(Map)}; tests build one with
 * {@link #forTest(Path)}.
 *
 * @param host          the address to listen on ({@code HOST}, default {@code localhost}: the demo lets anyone
 *                      act as any member, so it is not offered to the network unless asked for)
 * @param port          the hub's port ({@code PORT}, default 8080; 0 picks a free one)
 * @param secondPort    the port of the second origin that embeds the widget read-only ({@code SECOND_PORT},
 *                      default {@code PORT + 1}, or a free one when {@code PORT} is 0)
 * @param dataDirectory where the store lives ({@code CHORUS_DATA}, default {@code ./chorus-data})
 * @param demo          whether the demo sign-in is on and an empty store is seeded ({@code CHORUS_DEMO}, default on)
 * @param adminToken    a bearer secret that acts as the hub admin ({@code CHORUS_ADMIN_TOKEN}; no default)
 * @param approvalRequests whether people may ask to join besides being invited ({@code CHORUS_JOINING}:
 *                      {@code invitation}, the default, or {@code approval})
 * @param fetchAllow    {@code host:port} entries the hub may fetch blogs and previews from although they are not
 *                      public ({@code CHORUS_FETCH_ALLOW}, comma-separated; default none). The demo's own blog server
 *                      is allowed besides, and nothing else.
 * @param linkPreviews  whether posts' links get previews fetched from the web ({@code CHORUS_PREVIEWS}: {@code on},
 *                      the default, or {@code off}); off in tests, which reach loopback addresses only
 */
public record HubConfig(String host, int port, int secondPort, Path dataDirectory, boolean demo,
        Optional<String> adminToken, boolean approvalRequests, List<String> fetchAllow,
        boolean linkPreviews) {

    /** Shortest admin token accepted: a bearer secret must not be guessable. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    /** Checks every field. */
    public HubConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(adminToken, "adminToken");
        if (host.isBlank()) {
            throw new IllegalArgumentException("HOST is empty; give an address to listen on, like localhost or 0.0.0.0");
        }
        requirePort("PORT", port);
        requirePort("SECOND_PORT", secondPort);
        if (port != 0 && port == secondPort) {
            throw new IllegalArgumentException("SECOND_PORT is " + secondPort + ", the same as PORT; the second origin needs "
                    + "a port of its own");
        }
        adminToken.ifPresent(HubConfig::requireAdminToken);
        fetchAllow = requireFetchAllow(fetchAllow);
    }

    /** A hub that admits by invitation only and fetches from no address that is not public. */
    public HubConfig(String host, int port, int secondPort, Path dataDirectory, boolean demo,
            Optional<String> adminToken) {
        this(host, port, secondPort, dataDirectory, demo, adminToken, false, List.of(), true);
    }

    /**
     * Reads the configuration from environment variables: {@code HOST}, {@code PORT}, {@code SECOND_PORT},
     * {@code CHORUS_DATA}, {@code CHORUS_DEMO}, {@code CHORUS_ADMIN_TOKEN}, {@code CHORUS_JOINING} and
     * {@code CHORUS_FETCH_ALLOW}.
     *
     * <pre>{@code
     * HubConfig config = HubConfig.fromEnvironment(System.getenv());
     * }</pre>
     */
    public static HubConfig fromEnvironment(Map<String, String> env) {
        String host = value(env, "HOST").orElse("localhost");
        int port = value(env, "PORT").map(v -> parsePort("PORT", v)).orElse(8080);
        int secondPort = value(env, "SECOND_PORT").map(v -> parsePort("SECOND_PORT", v))
                .orElseGet(() -> defaultSecondPort(port));
        Path data = Path.of(value(env, "CHORUS_DATA").orElse("chorus-data"));
        boolean demo = value(env, "CHORUS_DEMO").map(v -> parseSwitch("CHORUS_DEMO", v)).orElse(true);
        Optional<String> adminToken = value(env, "CHORUS_ADMIN_TOKEN");
        boolean approval = value(env, "CHORUS_JOINING").map(HubConfig::parseJoining).orElse(false);
        List<String> fetchAllow = value(env, "CHORUS_FETCH_ALLOW").map(HubConfig::fetchAllowList).orElse(List.of());
        boolean previews = value(env, "CHORUS_PREVIEWS").map(v -> parseSwitch("CHORUS_PREVIEWS", v)).orElse(true);
        return new HubConfig(host, port, secondPort, data, demo, adminToken, approval, fetchAllow, previews);
    }

    /**
     * A hub on free ports of localhost with demo mode on, no admin token and no link previews (tests reach loopback
     * addresses only), keeping its data in this directory.
     */
    public static HubConfig forTest(Path dataDirectory) {
        return new HubConfig("localhost", 0, 0, dataDirectory, true, Optional.empty(), false, List.of(), false);
    }

    /** A copy with this admin token. */
    public HubConfig withAdminToken(String token) {
        return new HubConfig(host, port, secondPort, dataDirectory, demo, Optional.of(token), approvalRequests,
                fetchAllow, linkPreviews);
    }

    /** A copy with demo mode on or off. */
    public HubConfig withDemo(boolean on) {
        return new HubConfig(host, port, secondPort, dataDirectory, on, adminToken, approvalRequests, fetchAllow,
                linkPreviews);
    }

    /** A copy that takes join requests (approval mode) or admits by invitation only. */
    public HubConfig withApprovalRequests(boolean on) {
        return new HubConfig(host, port, secondPort, dataDirectory, demo, adminToken, on, fetchAllow, linkPreviews);
    }

    /** Never prints the admin token. */
    @Override
    public String toString() {
        return "HubConfig[host=" + host + ", port=" + port + ", secondPort=" + secondPort + ", dataDirectory="
                + dataDirectory + ", demo=" + demo + ", adminToken=" + (adminToken.isPresent() ? "(set)" : "(none)")
                + ", approvalRequests=" + approvalRequests + ", fetchAllow=" + fetchAllow + ", linkPreviews="
                + linkPreviews + "]";
    }

    private static int defaultSecondPort(int port) {
        if (port == 0) {
            return 0;
        }
        if (port == 65535) {
            throw new IllegalArgumentException("PORT is 65535, so PORT + 1 is no port; set SECOND_PORT as well");
        }
        return port + 1;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static int parsePort(String name, String value) {
        try {
            return requirePort(name, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is '" + value + "'; give a port number from 0 to 65535", e);
        }
    }

    private static int requirePort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " is " + port + "; give a port number from 0 to 65535");
        }
        return port;
    }

    private static boolean parseSwitch(String variable, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(variable + " is '" + value + "'; give on or off");
        };
    }

    private static boolean parseJoining(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "approval" -> true;
            case "invitation" -> false;
            default -> throw new IllegalArgumentException("CHORUS_JOINING is '" + value + "'; give invitation (people "
                    + "join when invited) or approval (they may also ask to join, and an admin decides)");
        };
    }

    // members' blogs: the addresses that are not public which blogs may still be fetched from
    private static List<String> fetchAllowList(String commaSeparated) {
        List<String> entries = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }

    private static List<String> requireFetchAllow(List<String> entries) {
        Objects.requireNonNull(entries, "fetchAllow");
        for (String entry : entries) {
            try {
                SafeFetcher.builder().allow(entry);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CHORUS_FETCH_ALLOW has '" + entry + "': " + e.getMessage(), e);
            }
        }
        return List.copyOf(entries);
    }

    private static void requireAdminToken(String token) {
        if (token.length() < MIN_ADMIN_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("CHORUS_ADMIN_TOKEN has " + token.length() + " characters; give at least "
                    + MIN_ADMIN_TOKEN_LENGTH + " printable ASCII characters without spaces (for example the output of "
                    + "`openssl rand -hex 32`)");
        }
    }
}
