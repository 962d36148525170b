package org.chorusfeed.samples.hub;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chorusfeed.Chorus;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started hub: where it listens, and how to stop it. Closing stops Jetty first, then closes the Chorus. */
public final class RunningHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningHub.class);

    private final Server server;
    private final Chorus chorus;
    private final ServerConnector hub;
    private final ServerConnector partner;
    private final String displayHost;
    private final AtomicBoolean closed = new AtomicBoolean();

    RunningHub(Server server, Chorus chorus, ServerConnector hub, ServerConnector partner, String bindHost) {
        this.server = server;
        this.chorus = chorus;
        this.hub = hub;
        this.partner = partner;
        this.displayHost = displayHost(bindHost);
    }

    /** The port the hub listens on (the actual one when it was configured as 0). */
    public int port() {
        return hub.getLocalPort();
    }

    /** The port of the second origin, the member site that embeds the widget read-only. */
    public int secondPort() {
        return partner.getLocalPort();
    }

    /** The hub's home page: the URL to open. */
    public URI url() {
        return URI.create("http://" + displayHost + ":" + port() + "/");
    }

    /** The second origin's page. */
    public URI secondUrl() {
        return URI.create("http://" + displayHost + ":" + secondPort() + "/");
    }

    /** Waits until the hub has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops Jetty (letting requests in progress finish, briefly) and closes the Chorus; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            endLiveStreams();
            server.stop();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly", e);
        } finally {
            chorus.close();
            LOG.info("Hub stopped");
        }
    }

    /**
     * Live streams stay open until the Chorus servlet is destroyed, which Jetty does only after its graceful
     * phase, so that phase would wait out its whole timeout; stopping the servlet first ends them at once.
     */
    private void endLiveStreams() throws Exception {
        for (ServletHolder holder : server.getContainedBeans(ServletHolder.class)) {
            if (HubSite.CHORUS_SERVLET.equals(holder.getName())) {
                holder.stop();
            }
        }
    }

    private static String displayHost(String bindHost) {
        return switch (bindHost) {
            case "0.0.0.0", "::", "[::]", "127.0.0.1" -> "localhost";
            default -> bindHost.indexOf(':') >= 0 && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost;
        };
    }
}
