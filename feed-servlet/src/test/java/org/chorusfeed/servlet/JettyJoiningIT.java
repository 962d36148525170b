package org.chorusfeed.servlet;

/** Joining over HTTP in Jetty 12 (ee10, Servlet 6.0). */
class JettyJoiningIT extends JoiningSuite {
    JettyJoiningIT() {
        super(JettyServer::start);
    }
}
