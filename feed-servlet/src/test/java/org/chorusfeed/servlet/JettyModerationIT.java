package org.chorusfeed.servlet;

/** Moderation over HTTP in Jetty 12 (ee10, Servlet 6.0). */
class JettyModerationIT extends ModerationSuite {
    JettyModerationIT() {
        super(JettyServer::start);
    }
}
