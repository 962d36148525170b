package org.chorusfeed.servlet;

/** The link-preview suite in Jetty 12 (ee10, Servlet 6.0). */
class JettyLinkPreviewIT extends LinkPreviewSuite {
    JettyLinkPreviewIT() {
        super(JettyServer::start);
    }
}
