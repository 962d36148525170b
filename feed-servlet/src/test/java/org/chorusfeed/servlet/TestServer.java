package org.chorusfeed.servlet;

import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** An embedded servlet container on a free loopback port, with servlets mounted at paths. */
interface TestServer extends AutoCloseable {
    /**
     * A servlet and its mapping.
     *
     * @param mapping        like {@code /chorus/*}
     * @param servlet        the servlet, registered with async support
     * @param initParameters its init parameters, as web.xml would give them
     */
    record Mount(String mapping, HttpServlet servlet, Map<String, String> initParameters) {
        Mount(String mapping, HttpServlet servlet) {
            this(mapping, servlet, Map.of());
        }
    }

    /** The server's root: {@code http://127.0.0.1:PORT}. */
    URI root();

    /** Which container runs it, for messages. */
    String name();

    @Override
    void close();

    /** Starts a server of a kind with these mounts. */
    @FunctionalInterface
    interface Factory {
        TestServer start(List<Mount> mounts, Map<String, Object> contextAttributes) throws Exception;
    }
}
