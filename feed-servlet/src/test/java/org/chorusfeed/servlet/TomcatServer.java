package org.chorusfeed.servlet;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ServerInfo;

/** Tomcat 11 (Servlet 6.1) embedded. */
final class TomcatServer implements TestServer {
    private final Tomcat tomcat;
    private final URI root;

    private TomcatServer(Tomcat tomcat, URI root) {
        this.tomcat = tomcat;
        this.root = root;
    }

    static TestServer start(List<Mount> mounts, Map<String, Object> contextAttributes) throws Exception {
        Path base = Files.createTempDirectory("chorus-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        int i = 0;
        for (Mount mount : mounts) {
            String name = "servlet" + i++;
            Wrapper wrapper = Tomcat.addServlet(context, name, mount.servlet());
            wrapper.setAsyncSupported(true);
            mount.initParameters().forEach(wrapper::addInitParameter);
            context.addServletMapping(mount.mapping(), name);
        }
        contextAttributes.forEach(context.getServletContext()::setAttribute);
        tomcat.start();
        return new TomcatServer(tomcat, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    @Override
    public URI root() {
        return root;
    }

    @Override
    public String name() {
        return ServerInfo.getServerInfo();
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (org.apache.catalina.LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }
}
