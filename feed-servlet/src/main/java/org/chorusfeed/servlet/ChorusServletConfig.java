package org.chorusfeed.servlet;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.chorusfeed.Chorus;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link ChorusServlet} serves its Chorus: who a request is, which origins may write with cookies,
 * whether reads are public, rate limits, the live stream's limits and how feeds name the hub. Immutable.
 *
 * <pre>{@code
 * ChorusServletConfig config = ChorusServletConfig.builder(chorus)
 *         .memberResolver((request, c) -> c.members().findByHandle(request.getRemoteUser()))
 *         .allowedOrigins("https://hub.example", "https://www.baltic-lab.example")
 *         .hubTitle("Baltic Hub")
 *         .build();
 * }</pre>
 */
public final class ChorusServletConfig {
    /** Default writes a member may make per minute. */
    public static final int DEFAULT_WRITES_PER_MINUTE_PER_MEMBER = 30;
    /** Default writes one client address may make per minute. */
    public static final int DEFAULT_WRITES_PER_MINUTE_PER_ADDRESS = 60;
    /** Default most live-stream connections at once. */
    public static final int DEFAULT_MAX_STREAM_CONNECTIONS = 10_000;
    /** Default time between heartbeats on an idle live stream. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(15);
    /** Default events a live-stream client may fall behind by before it is disconnected to resume later. */
    public static final int DEFAULT_STREAM_QUEUE_CAPACITY = 256;

    private final Chorus chorus;
    private final MemberResolver memberResolver;
    private final Set<String> allowedOrigins;
    private final boolean publicReads;
    private final int writesPerMinutePerMember;
    private final int writesPerMinutePerAddress;
    private final int maxStreamConnections;
    private final Duration heartbeatInterval;
    private final int streamQueueCapacity;
    private final String hubTitle;
    private final @Nullable URI publicBaseUrl;
    // joining (members helper)
    private final boolean approvalRequests;

    private ChorusServletConfig(Builder b) {
        this.chorus = b.chorus;
        this.memberResolver = b.memberResolver;
        this.allowedOrigins = Set.copyOf(b.allowedOrigins);
        this.publicReads = b.publicReads;
        this.writesPerMinutePerMember = b.writesPerMinutePerMember;
        this.writesPerMinutePerAddress = b.writesPerMinutePerAddress;
        this.maxStreamConnections = b.maxStreamConnections;
        this.heartbeatInterval = b.heartbeatInterval;
        this.streamQueueCapacity = b.streamQueueCapacity;
        this.hubTitle = b.hubTitle;
        this.publicBaseUrl = b.publicBaseUrl;
        this.approvalRequests = b.approvalRequests;
    }

    /**
     * Starts a configuration for the servlet over this Chorus, with every other setting at its default.
     *
     * @param chorus the hub's Chorus; the servlet uses it but does not close it
     * @return a builder
     */
    public static Builder builder(Chorus chorus) {
        return new Builder(chorus);
    }

    /** The hub's Chorus. */
    public Chorus chorus() {
        return chorus;
    }

    /** Who a request comes from when it carries no bearer token. */
    public MemberResolver memberResolver() {
        return memberResolver;
    }

    /** Origins (like {@code https://hub.example}) besides the request's own that may write with cookies. */
    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** Whether anonymous readers may read the timeline, posts, members, stream and feeds. */
    public boolean publicReads() {
        return publicReads;
    }

    /** Writes a member may make per minute (a token bucket that holds this many). */
    public int writesPerMinutePerMember() {
        return writesPerMinutePerMember;
    }

    /** Writes one client address may make per minute (a token bucket that holds this many). */
    public int writesPerMinutePerAddress() {
        return writesPerMinutePerAddress;
    }

    /** Most live-stream connections at once; one more is answered 503. */
    public int maxStreamConnections() {
        return maxStreamConnections;
    }

    /** Time between heartbeats on a live stream. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** Events a live-stream client may fall behind by before it is disconnected (it resumes with Last-Event-ID). */
    public int streamQueueCapacity() {
        return streamQueueCapacity;
    }

    /** The hub's name, as feeds title it. */
    public String hubTitle() {
        return hubTitle;
    }

    /**
     * The public URL of the servlet's mount ({@code https://hub.example/chorus}), for links in feeds; when empty,
     * it is taken from each request.
     */
    public Optional<URI> publicBaseUrl() {
        return Optional.ofNullable(publicBaseUrl);
    }

    /**
     * Whether the hub takes join requests (approval mode) besides invitations: a person signed in at the host may
     * ask to join, and an admin approves or declines.
     */
    public boolean approvalRequests() {
        return approvalRequests;
    }

    /**
     * Reads settings from servlet init parameters, as {@code web.xml} gives them; see {@link ChorusServlet} for
     * their names.
     */
    static ChorusServletConfig fromParameters(Chorus chorus, Function<String, @Nullable String> parameter) {
        Builder builder = builder(chorus);
        String origins = parameter.apply("allowedOrigins");
        if (origins != null && !origins.isBlank()) {
            builder.allowedOrigins(java.util.Arrays.asList(origins.trim().split("[,\\s]+")));
        }
        String publicReads = parameter.apply("publicReads");
        if (publicReads != null) {
            builder.publicReads(parseBoolean("publicReads", publicReads));
        }
        intParameter(parameter, "writesPerMinutePerMember").ifPresent(builder::writesPerMinutePerMember);
        intParameter(parameter, "writesPerMinutePerAddress").ifPresent(builder::writesPerMinutePerAddress);
        intParameter(parameter, "maxStreamConnections").ifPresent(builder::maxStreamConnections);
        intParameter(parameter, "heartbeatSeconds").ifPresent(s -> builder.heartbeatInterval(Duration.ofSeconds(s)));
        intParameter(parameter, "streamQueueCapacity").ifPresent(builder::streamQueueCapacity);
        String title = parameter.apply("hubTitle");
        if (title != null) {
            builder.hubTitle(title);
        }
        String approval = parameter.apply("approvalRequests");
        if (approval != null) {
            builder.approvalRequests(parseBoolean("approvalRequests", approval));
        }
        String base = parameter.apply("publicBaseUrl");
        if (base != null && !base.isBlank()) {
            builder.publicBaseUrl(URI.create(base.trim()));
        }
        return builder.build();
    }

    private static Optional<Integer> intParameter(Function<String, @Nullable String> parameter, String name) {
        String value = parameter.apply(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("init parameter " + name + " is '" + value + "'; give a whole number", e);
        }
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("init parameter " + name + " is '" + value + "'; give true or false");
        };
    }

    /**
     * The origin of an absolute http or https URL, as browsers send it in {@code Origin}: scheme, host and a port
     * other than the scheme's default, lower-cased.
     */
    static String requireOrigin(String origin) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("allowed origin '" + origin + "' is not a URL; give one like https://hub.example", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getQuery() == null
                && uri.getFragment() == null && uri.getUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            throw new IllegalArgumentException("allowed origin '" + origin
                    + "' is not an origin; give scheme and host, and a port if needed, like https://hub.example:8443");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** Builds a {@link ChorusServletConfig}; every setting but the Chorus has a default. */
    public static final class Builder {
        private final Chorus chorus;
        private MemberResolver memberResolver = MemberResolver.principalName();
        private final Set<String> allowedOrigins = new LinkedHashSet<>();
        private boolean publicReads = true;
        private boolean approvalRequests;
        private int writesPerMinutePerMember = DEFAULT_WRITES_PER_MINUTE_PER_MEMBER;
        private int writesPerMinutePerAddress = DEFAULT_WRITES_PER_MINUTE_PER_ADDRESS;
        private int maxStreamConnections = DEFAULT_MAX_STREAM_CONNECTIONS;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private int streamQueueCapacity = DEFAULT_STREAM_QUEUE_CAPACITY;
        private String hubTitle = "Chorus";
        private @Nullable URI publicBaseUrl;

        private Builder(Chorus chorus) {
            this.chorus = Objects.requireNonNull(chorus, "chorus");
        }

        /**
         * Tells the servlet who a request is when it carries no bearer token (default:
         * {@link MemberResolver#principalName()}).
         *
         * @param resolver the host's resolver
         * @return this builder
         */
        public Builder memberResolver(MemberResolver resolver) {
            this.memberResolver = Objects.requireNonNull(resolver, "memberResolver");
            return this;
        }

        /**
         * Lets pages of these origins write with the member's cookies, besides pages of the servlet's own origin
         * (default: none). Each is scheme, host and optional port, like {@code https://www.baltic-lab.example}.
         *
         * @param origins the origins
         * @return this builder
         */
        public Builder allowedOrigins(String... origins) {
            return allowedOrigins(Set.of(origins));
        }

        /**
         * Lets pages of these origins write with the member's cookies; replaces any set before.
         *
         * @param origins the origins
         * @return this builder
         */
        public Builder allowedOrigins(Collection<String> origins) {
            Set<String> checked = new LinkedHashSet<>();
            for (String origin : origins) {
                checked.add(requireOrigin(origin));
            }
            allowedOrigins.clear();
            allowedOrigins.addAll(checked);
            return this;
        }

        /**
         * Whether anonymous readers may read (default true). When false, every read needs a member.
         *
         * @param value whether reads are public
         * @return this builder
         */
        public Builder publicReads(boolean value) {
            this.publicReads = value;
            return this;
        }

        /**
         * How many writes a member may make per minute (default 30); bursts up to this many are allowed.
         *
         * @param perMinute 1 to 1,000,000
         * @return this builder
         */
        public Builder writesPerMinutePerMember(int perMinute) {
            this.writesPerMinutePerMember = requireRate("writesPerMinutePerMember", perMinute);
            return this;
        }

        /**
         * How many writes one client address may make per minute (default 60); bursts up to this many are allowed.
         *
         * @param perMinute 1 to 1,000,000
         * @return this builder
         */
        public Builder writesPerMinutePerAddress(int perMinute) {
            this.writesPerMinutePerAddress = requireRate("writesPerMinutePerAddress", perMinute);
            return this;
        }

        /**
         * The most live-stream connections at once (default 10,000); one more is answered 503.
         *
         * @param max 1 or more
         * @return this builder
         */
        public Builder maxStreamConnections(int max) {
            this.maxStreamConnections = requirePositive("maxStreamConnections", max);
            return this;
        }

        /**
         * Time between heartbeat comments on a live stream (default 15 seconds).
         *
         * @param interval at least one second
         * @return this builder
         */
        public Builder heartbeatInterval(Duration interval) {
            Objects.requireNonNull(interval, "heartbeatInterval");
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("heartbeatInterval is " + interval + "; give at least one second");
            }
            this.heartbeatInterval = interval;
            return this;
        }

        /**
         * How many events a live-stream client may fall behind by before it is disconnected to resume with
         * {@code Last-Event-ID} (default 256).
         *
         * @param capacity 1 or more
         * @return this builder
         */
        public Builder streamQueueCapacity(int capacity) {
            this.streamQueueCapacity = requirePositive("streamQueueCapacity", capacity);
            return this;
        }

        /**
         * The hub's name, as feeds title it (default "Chorus").
         *
         * @param title 1 to 200 characters
         * @return this builder
         */
        public Builder hubTitle(String title) {
            String clean = Objects.requireNonNull(title, "hubTitle").strip();
            if (clean.isEmpty() || clean.length() > 200) {
                throw new IllegalArgumentException("hubTitle is '" + clean + "'; give 1 to 200 characters");
            }
            this.hubTitle = clean;
            return this;
        }

        /**
         * The public URL of the servlet's mount, like {@code https://hub.example/chorus}, for links in feeds
         * (default: taken from each request's scheme, host and path).
         *
         * @param url an absolute http or https URL
         * @return this builder
         */
        public Builder publicBaseUrl(URI url) {
            Objects.requireNonNull(url, "publicBaseUrl");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException("publicBaseUrl '" + url + "' is not allowed; give an absolute http or https URL");
            }
            String text = url.toString();
            this.publicBaseUrl = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
            return this;
        }

        /**
         * Whether the hub runs in approval mode (default false: invitations only). In approval mode a person signed
         * in at the host may also request to join ({@code POST /api/join-requests}), and admins approve or decline.
         *
         * @param value whether join requests are taken
         * @return this builder
         */
        public Builder approvalRequests(boolean value) {
            this.approvalRequests = value;
            return this;
        }

        /**
         * The configuration.
         *
         * @return an immutable configuration
         */
        public ChorusServletConfig build() {
            return new ChorusServletConfig(this);
        }

        private static int requireRate(String name, int value) {
            if (value < 1 || value > 1_000_000) {
                throw new IllegalArgumentException(name + " is " + value + "; give 1 to 1000000");
            }
            return value;
        }

        private static int requirePositive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " is " + value + "; give 1 or more");
            }
            return value;
        }
    }
}
