package org.chorusfeed.samples.hub;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.ProfileUpdate;
import org.chorusfeed.outside.SafeFetcher;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Two members' own blogs for the demo, served on loopback by a small server of their own (its own port, the only
 * address besides {@code CHORUS_FETCH_ALLOW} the hub may fetch from), so the demo timeline shows imported
 * entries beside native posts. Mia's workshop notes are a WordPress-style site whose page names its RSS feed;
 * Amara's buoy log is a Blogger-style Atom feed. Every word is invented for the demo.
 *
 * <pre>{@code
 * DemoBlogs blogs = DemoBlogs.start();
 * SafeFetcher fetcher = DemoBlogs.fetcher(config, Optional.of(blogs));
 * ... build the Chorus with it, then: blogs.pointMembersAt(chorus);
 * }</pre>
 */
public final class DemoBlogs implements AutoCloseable {
    /** The member whose blog is a WordPress-style page with an RSS feed. */
    public static final String RSS_MEMBER = "mia";
    /** The member whose blog is a Blogger-style Atom feed. */
    public static final String ATOM_MEMBER = "amara";

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One entry of a demo blog. */
    private record Entry(String slug, String title, String html, int daysAgo, int hour) {
        Instant date(Instant today) {
            return today.minus(Duration.ofDays(daysAgo)).plus(Duration.ofHours(hour));
        }
    }

    private static final List<Entry> WORKSHOP = List.of(
            new Entry("laser-cutter-maintenance", "Laser cutter back in service",
                    "<p>The lens is clean, the mirrors are aligned and the air assist <em>finally</em> blows where it "
                            + "should. Book your slots for Saturday as usual.</p>", 1, 17),
            new Entry("sewing-corner", "A sewing corner for repair café nights",
                    "<p>Two donated machines, a box of threads and a cutting mat: the repair café now mends "
                            + "jackets as well as toasters.</p><script>alert('never runs')</script>", 4, 11),
            new Entry("cnc-workholding", "Workholding for the CNC mill, explained",
                    "<p>Clamps, vice or double-sided tape? A short guide from last week's course, with photos of "
                            + "what went wrong first.</p>", 9, 15));

    private static final List<Entry> BUOY_LOG = List.of(
            new Entry("buoy-7-recovered", "Buoy 7 recovered after the storm",
                    "<p>Tangled in a mooring line off Laboe, but every sensor logged through the night. Data is "
                            + "on the open portal.</p>", 2, 9),
            new Entry("salinity-dashboard", "Salinity dashboard, first public version",
                    "<p>Live readings from four buoys, updated every ten minutes. Feedback from partners very "
                            + "welcome.</p>", 6, 14),
            new Entry("thesis-topics", "Two thesis topics with partners in the network",
                    "<p>Low-power telemetry and anti-fouling coatings: both can be done with a company in the "
                            + "Förde network.</p>", 12, 10));

    private final Server server;
    private final ServerConnector connector;

    private DemoBlogs(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts the blog server on 127.0.0.1 and a free port, dating entries from today (UTC). */
    public static DemoBlogs start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(8, 1);
        threads.setName("demo-blogs");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        Instant today = Clock.systemUTC().instant().truncatedTo(ChronoUnit.DAYS);
        context.addServlet(new ServletHolder("blogs", new BlogServlet(today)), "/");
        server.setHandler(context);
        server.setStopTimeout(500);
        server.start();
        return new DemoBlogs(server, connector);
    }

    /**
     * The fetcher for the hub: refuses every address that is not public except the {@code CHORUS_FETCH_ALLOW}
     * entries and, when the demo runs, this blog server.
     */
    public static SafeFetcher fetcher(HubConfig config, Optional<DemoBlogs> blogs) {
        SafeFetcher.Builder fetcher = SafeFetcher.builder();
        config.fetchAllow().forEach(fetcher::allow);
        blogs.ifPresent(demo -> fetcher.allow(demo.allowEntry()));
        return fetcher.build();
    }

    /** {@code 127.0.0.1:port}: the one entry the demo adds to the fetcher's allow-list. */
    public String allowEntry() {
        return connector.getHost() + ":" + connector.getLocalPort();
    }

    /** The blog server's root, {@code http://127.0.0.1:port}. */
    public URI root() {
        return URI.create("http://" + allowEntry());
    }

    /**
     * Sets the two demo members' blog URLs to this server (its port changes with each start; entries seen before
     * are recognised, so a restart imports nothing twice). Members the network does not have are skipped.
     */
    public void pointMembersAt(Chorus chorus) {
        point(chorus, RSS_MEMBER, root().resolve("/werkhaus/"));
        point(chorus, ATOM_MEMBER, root().resolve("/bojen-logbuch/feeds/posts/default"));
    }

    private static void point(Chorus chorus, String handle, URI url) {
        Optional<Member> member = chorus.members().findByHandle(handle);
        if (member.isPresent() && !member.get().blogFeedUrl().equals(Optional.of(url))) {
            chorus.members().updateProfile(member.get().id(), ProfileUpdate.none().blogFeedUrl(url));
        }
    }

    /** Stops the blog server. */
    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** The server's lifecycle, for a Jetty server to stop it with its own. */
    Server server() {
        return server;
    }

    /** Serves both blogs: the workshop's page, RSS feed and entries; the buoy log's Atom feed and entries. */
    private static final class BlogServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Instant today;

        BlogServlet(Instant today) {
            this.today = today;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getRequestURI();
            String base = "http://" + request.getServerName() + ":" + request.getServerPort();
            if (path.equals("/werkhaus/")) {
                send(response, "text/html; charset=UTF-8", "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\">"
                        + "<title>Werkhaus Makerlab – Werkstattnotizen</title><link rel=\"alternate\" "
                        + "type=\"application/rss+xml\" title=\"Werkstattnotizen &raquo; Feed\" href=\"/werkhaus/feed/\">"
                        + "</head><body><h1>Werkstattnotizen</h1></body></html>");
            } else if (path.equals("/werkhaus/feed/")) {
                send(response, "application/rss+xml; charset=UTF-8", rss(base));
            } else if (path.equals("/bojen-logbuch/feeds/posts/default")) {
                send(response, "application/atom+xml; charset=UTF-8", atom(base));
            } else {
                Optional<Entry> entry = entryAt(path);
                if (entry.isEmpty()) {
                    response.sendError(404);
                    return;
                }
                send(response, "text/html; charset=UTF-8", "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
                        + entry.get().title() + "</title></head><body><h1>" + entry.get().title() + "</h1>"
                        + entry.get().html().replaceAll("<script.*?</script>", "") + "</body></html>");
            }
        }

        private static Optional<Entry> entryAt(String path) {
            for (Entry entry : WORKSHOP) {
                if (path.equals("/werkhaus/" + entry.slug() + "/")) {
                    return Optional.of(entry);
                }
            }
            for (Entry entry : BUOY_LOG) {
                if (path.equals("/bojen-logbuch/" + entry.slug() + ".html")) {
                    return Optional.of(entry);
                }
            }
            return Optional.empty();
        }

        private String rss(String base) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                    + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                    + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n<title>Werkstattnotizen</title>\n"
                    + "<link>" + base + "/werkhaus/</link>\n<description>Aus dem Werkhaus Makerlab</description>\n"
                    + "<generator>https://wordpress.org/?v=6.7</generator>\n");
            int id = 300;
            for (Entry entry : WORKSHOP) {
                xml.append("<item>\n<title>").append(entry.title()).append("</title>\n<link>").append(base)
                        .append("/werkhaus/").append(entry.slug()).append("/</link>\n<dc:creator><![CDATA[Mia]]>"
                                + "</dc:creator>\n<pubDate>").append(RFC_1123.format(entry.date(today)))
                        .append("</pubDate>\n<guid isPermaLink=\"false\">").append(base).append("/werkhaus/?p=")
                        .append(id++).append("</guid>\n<content:encoded><![CDATA[").append(entry.html())
                        .append("]]></content:encoded>\n</item>\n");
            }
            return xml.append("</channel>\n</rss>\n").toString();
        }

        private String atom(String base) {
            StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?><feed "
                    + "xmlns='http://www.w3.org/2005/Atom'><id>tag:blogger.com,1999:blog-7301</id><updated>"
                    + BUOY_LOG.get(0).date(today) + "</updated><title type='text'>Bojen-Logbuch</title>"
                    + "<link rel='alternate' type='text/html' href='" + base + "/bojen-logbuch/'/>"
                    + "<author><name>Amara Okafor</name></author><generator version='7.00' "
                    + "uri='http://www.blogger.com'>Blogger</generator>");
            int id = 41;
            for (Entry entry : BUOY_LOG) {
                xml.append("<entry><id>tag:blogger.com,1999:blog-7301.post-").append(id++).append("</id><published>")
                        .append(entry.date(today)).append("</published><updated>").append(entry.date(today))
                        .append("</updated><title type='text'>").append(entry.title())
                        .append("</title><content type='html'>").append(escape(entry.html()))
                        .append("</content><link rel='alternate' type='text/html' href='").append(base)
                        .append("/bojen-logbuch/").append(entry.slug()).append(".html' title='")
                        .append(entry.title()).append("'/></entry>");
            }
            return xml.append("</feed>").toString();
        }

        private static String escape(String html) {
            return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }

        private static void send(HttpServletResponse response, String contentType, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentType(contentType);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
