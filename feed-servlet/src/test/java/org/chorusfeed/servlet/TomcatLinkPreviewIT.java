package org.chorusfeed.servlet;

/** The link-preview suite in Tomcat 11 (Servlet 6.1). */
class TomcatLinkPreviewIT extends LinkPreviewSuite {
    TomcatLinkPreviewIT() {
        super(TomcatServer::start);
    }
}
