package org.chorusfeed.servlet;

/** Members' blogs over HTTP in Tomcat 11 (Servlet 6.1). */
class TomcatBlogIT extends BlogSuite {
    TomcatBlogIT() {
        super(TomcatServer::start);
    }
}
