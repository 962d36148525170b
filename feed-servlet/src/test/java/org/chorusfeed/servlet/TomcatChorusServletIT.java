package org.chorusfeed.servlet;

/** The HTTP suite in Tomcat 11 (Servlet 6.1). */
class TomcatChorusServletIT extends ChorusServletSuite {
    TomcatChorusServletIT() {
        super(TomcatServer::start);
    }
}
