package org.chorusfeed.servlet;

/** The data-rights suite in Jetty 12 (ee10, Servlet 6.0). */
class JettyDataRightsIT extends DataRightsSuite {
    JettyDataRightsIT() {
        super(JettyServer::start);
    }
}
