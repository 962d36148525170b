package org.chorusfeed.servlet;

/** The HTTP suite in Jetty 12 (ee10, Servlet 6.0). */
class JettyChorusServletIT extends ChorusServletSuite {
    JettyChorusServletIT() {
        super(JettyServer::start);
    }
}
