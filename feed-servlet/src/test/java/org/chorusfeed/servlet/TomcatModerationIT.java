package org.chorusfeed.servlet;

/** Moderation over HTTP in Tomcat 11 (Servlet 6.1). */
class TomcatModerationIT extends ModerationSuite {
    TomcatModerationIT() {
        super(TomcatServer::start);
    }
}
