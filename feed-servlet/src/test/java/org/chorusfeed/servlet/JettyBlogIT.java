package org.chorusfeed.servlet;

/** Members' blogs over HTTP in Jetty 12 (ee10, Servlet 6.0). */
class JettyBlogIT extends BlogSuite {
    JettyBlogIT() {
        super(JettyServer::start);
    }
}
