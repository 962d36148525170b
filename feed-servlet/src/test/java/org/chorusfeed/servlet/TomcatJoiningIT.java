package org.chorusfeed.servlet;

/** Joining over HTTP in Tomcat 11 (Servlet 6.1). */
class TomcatJoiningIT extends JoiningSuite {
    TomcatJoiningIT() {
        super(TomcatServer::start);
    }
}
