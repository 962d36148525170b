package org.chorusfeed.servlet;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Jetty 12 (ee10, Servlet 6.0) embedded. */
final class JettyServer implements TestServer {
    private final Server server;
    private final URI root;

    private JettyServer(Server server, URI root) {
        this.server = server;
        this.root = root;
    }

    static TestServer start(List<Mount> mounts, Map<String, Object> contextAttributes) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        contextAttributes.forEach(context::setAttribute);
        for (Mount mount : mounts) {
            ServletHolder holder = new ServletHolder(mount.servlet());
            holder.setAsyncSupported(true);
            holder.setInitParameters(mount.initParameters());
            context.addServlet(holder, mount.mapping());
        }
        server.setHandler(context);
        server.start();
        return new JettyServer(server, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    @Override
    public URI root() {
        return root;
    }

    @Override
    public String name() {
        return "Jetty " + Server.getVersion();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
