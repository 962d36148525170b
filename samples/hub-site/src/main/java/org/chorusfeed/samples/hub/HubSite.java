package org.chorusfeed.samples.hub;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.SessionTrackingMode;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import org.chorusfeed.Chorus;
import org.chorusfeed.joining.Invitation;
import org.chorusfeed.post.Post;
import org.chorusfeed.samples.hub.seed.DemoSeeder;
import org.chorusfeed.samples.hub.seed.SeedClock;
import org.chorusfeed.servlet.ChorusServlet;
import org.chorusfeed.servlet.ChorusServletConfig;
import org.chorusfeed.servlet.MemberResolver;
import org.chorusfeed.timeline.Page;
import org.chorusfeed.timeline.TimelineQuery;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo hub: an ordinary organisation's website on embedded Jetty 12 with the Chorus servlet at
 * {@code /chorus/*}, pages that embed the {@code <chorus-feed>} widget, a demo sign-in, and a second origin that
 * embeds the widget read-only, as a member organisation's own site would. On first start with an empty store it
 * seeds a fictional network, so the page is alive at once.
 *
 * <pre>{@code
 * mvn -q -DskipTests install && java -jar samples/hub-site/target/chorus-hub.jar
 * }</pre>
 *
 * Configured by environment variables; see {@link HubConfig#fromEnvironment(java.util.Map)}.
 */
public final class HubSite {
    /** The hub's name, in feeds and pages. */
    public static final String TITLE = "Förde Innovation Network";
    /** The name the Chorus servlet is registered under. */
    static final String CHORUS_SERVLET = "chorus";

    private static final Logger LOG = LoggerFactory.getLogger(HubSite.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SESSION_TIMEOUT = Duration.ofHours(8);
    private static final int MAX_PAGES_COUNTED = 100;

    private HubSite() {
    }

    /** Starts the hub as the environment configures it and runs it until the process is stopped. */
    public static void main(String[] args) throws Exception {
        HubConfig config;
        try {
            config = HubConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("chorus-hub: " + e.getMessage());
            System.exit(2);
            return;
        }
        RunningHub hub;
        try {
            hub = start(config);
        } catch (IOException e) {
            if (e.getCause() instanceof BindException) {
                LOG.error("The hub could not start: {}. Is another program using the port? Set PORT (and SECOND_PORT) "
                        + "to free ones.", e.getMessage());
            } else {
                LOG.error("The hub could not start", e);
            }
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "hub-shutdown"));
        hub.join();
    }

    /**
     * Opens the Chorus over the data directory, seeds it when it is empty and demo mode is on, and starts Jetty.
     *
     * @param config how to run
     * @return the running hub; close it to stop
     * @throws Exception when the store cannot be opened or a port cannot be bound
     */
    public static RunningHub start(HubConfig config) throws Exception {
        SeedClock clock = new SeedClock();
        // members' blogs: the demo serves two members' blogs on loopback; the fetcher allows that server and
        // CHORUS_FETCH_ALLOW, nothing else; the hub's Jetty stops the blog server with itself
        Optional<DemoBlogs> blogs = config.demo() ? Optional.of(DemoBlogs.start()) : Optional.empty();
        Chorus chorus;
        try {
            chorus = Chorus.builder().dataDirectory(config.dataDirectory()).clock(clock)
                    .fetcher(DemoBlogs.fetcher(config, blogs)).linkPreviews(config.linkPreviews()).build();
        } catch (RuntimeException | Error e) {
            closeQuietly(blogs, e);
            throw e;
        }
        Server server = null;
        try {
            Optional<DemoSeeder.Summary> seeded = config.demo() ? DemoSeeder.seedIfEmpty(chorus, clock) : Optional.empty();
            blogs.ifPresent(demo -> demo.pointMembersAt(chorus));
            blogs.ifPresent(demo -> LOG.info("Demo blogs of @{} and @{} are served at {} and imported into the timeline",
                    DemoBlogs.RSS_MEMBER, DemoBlogs.ATOM_MEMBER, demo.root()));
            Optional<AdminToken> adminToken = AdminToken.install(chorus, config.adminToken());
            Optional<Invitation> invitation = config.demo() ? DemoInvitation.ensureOpen(chorus) : Optional.empty();

            server = new Server(threadPool());
            Server hubServer = server;
            blogs.ifPresent(demo -> hubServer.addBean(demo.server(), true));
            ServerConnector hubConnector = connector(server, "hub", config.host(), config.port());
            ServerConnector partnerConnector = connector(server, "partner", config.host(), config.secondPort());
            server.setConnectors(new Connector[] {hubConnector, partnerConnector});
            server.setHandler(new GracefulHandler(new ContextHandlerCollection(
                    hubContext(chorus, config, adminToken),
                    partnerContext(hubConnector::getLocalPort))));
            server.setStopTimeout(STOP_TIMEOUT.toMillis());
            server.setRequestLog(new HubRequestLog());
            server.start();

            RunningHub hub = new RunningHub(server, chorus, hubConnector, partnerConnector, config.host());
            logSummary(config, chorus, hub, seeded, adminToken);
            invitation.ifPresent(i -> LOG.info("Join the network with the demo invitation ({} of {} uses left): {}",
                    i.uses() - i.used(), i.uses(), hub.url().resolve("/join.html?code=" + i.code())));
            return hub;
        } catch (Exception | Error e) {
            if (server != null) {
                try {
                    server.stop();
                } catch (Exception stopFailure) {
                    e.addSuppressed(stopFailure);
                }
            }
            chorus.close();
            closeQuietly(blogs, e);
            throw e;
        }
    }

    private static void closeQuietly(Optional<DemoBlogs> blogs, Throwable failure) {
        if (blogs.isPresent()) {
            try {
                blogs.get().close();
            } catch (Exception stopFailure) {
                failure.addSuppressed(stopFailure);
            }
        }
    }

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("hub-http");
        return threads;
    }

    private static ServerConnector connector(Server server, String name, String host, int port) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setName(name);
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** The hub's own site: its pages, the demo sign-in, static assets and the Chorus servlet at /chorus/*. */
    private static ServletContextHandler hubContext(Chorus chorus, HubConfig config, Optional<AdminToken> adminToken) {
        boolean demo = config.demo();
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.setVirtualHosts(List.of("@hub"));
        context.setBaseResource(ResourceFactory.of(context).newClassLoaderResource("hub-site/assets/"));
        configureSessions(context.getSessionHandler());

        FilterHolder headers = new FilterHolder(new SecurityHeaders(SecurityHeaders.HUB_POLICY));
        headers.setAsyncSupported(true);
        context.addFilter(headers, "/*", EnumSet.of(DispatcherType.REQUEST));
        adminToken.ifPresent(token -> {
            FilterHolder holder = new FilterHolder(token);
            holder.setAsyncSupported(true);
            context.addFilter(holder, "/chorus/*", EnumSet.of(DispatcherType.REQUEST));
        });

        ChorusServletConfig chorusConfig = ChorusServletConfig.builder(chorus)
                .memberResolver(demo ? DemoSession.memberResolver() : MemberResolver.none())
                .hubTitle(TITLE)
                .approvalRequests(config.approvalRequests())
                .build();
        ServletHolder chorusServlet = new ServletHolder(CHORUS_SERVLET, new ChorusServlet(chorusConfig));
        chorusServlet.setAsyncSupported(true);
        context.addServlet(chorusServlet, "/chorus/*");

        ServletHolder assets = new ServletHolder("assets", ResourceServlet.class);
        assets.setInitParameter("pathInfoOnly", "true");
        assets.setInitParameter("dirAllowed", "false");
        assets.setInitParameter("cacheControl", "public, max-age=3600");
        context.addServlet(assets, "/assets/*");

        PageLayout layout = new PageLayout(chorus, demo);
        DemoSignInServlet signIn = new DemoSignInServlet(chorus, layout, demo);
        context.addServlet(new ServletHolder("signin", signIn), "/signin");
        context.addServlet(new ServletHolder("signout", signIn), "/signout");
        context.addServlet(new ServletHolder("site", new SiteServlet(chorus, layout)), "/");
        return context;
    }

    private static void configureSessions(SessionHandler sessions) {
        sessions.setSessionCookie("HUB_SESSION");
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.LAX);
        sessions.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
        sessions.setMaxInactiveInterval((int) SESSION_TIMEOUT.toSeconds());
    }

    /** The second origin: a member organisation's site that embeds the widget from the hub. */
    private static ServletContextHandler partnerContext(IntSupplier hubPort) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setVirtualHosts(List.of("@partner"));
        context.addServlet(new ServletHolder("partner", new PartnerSiteServlet(hubPort)), "/");
        return context;
    }

    private static void logSummary(HubConfig config, Chorus chorus, RunningHub hub,
            Optional<DemoSeeder.Summary> seeded, Optional<AdminToken> adminToken) {
        LOG.info("{} (Chorus demo hub) is running. Open {}", TITLE, hub.url());
        LOG.info("Second origin, a member's site embedding the widget read-only: {}", hub.secondUrl());
        LOG.info("Data in {}: {} organisations, {} members, {} posts{}", config.dataDirectory().toAbsolutePath().normalize(),
                chorus.organisations().list().size(), chorus.members().list().size(), countPosts(chorus),
                seeded.map(s -> " (demo network seeded just now: " + s.replies() + " replies, " + s.appreciations()
                        + " appreciations, " + s.edits() + " edited posts)").orElse(""));
        LOG.info("Demo mode: {}; admin token: {}; listening on {} (ports {} and {})",
                config.demo() ? "on, anyone who opens " + hub.url() + "signin can act as any member" : "off",
                adminToken.map(t -> "set, acts as @" + t.admin().handle()).orElse("not set"),
                config.host(), hub.port(), hub.secondPort());
    }

    /** Posts in the timeline, counted by paging through it (up to 10,000; this is a summary, not a census). */
    private static String countPosts(Chorus chorus) {
        TimelineQuery query = TimelineQuery.latest().limit(TimelineQuery.MAX_LIMIT);
        int count = 0;
        for (int pages = 0; pages < MAX_PAGES_COUNTED; pages++) {
            Page<Post> page = chorus.timeline().read(query);
            count += page.items().size();
            if (page.next().isEmpty()) {
                return Integer.toString(count);
            }
            query = query.before(page.next().get());
        }
        return count + "+";
    }
}
