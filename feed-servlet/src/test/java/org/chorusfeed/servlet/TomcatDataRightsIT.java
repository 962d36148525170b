package org.chorusfeed.servlet;

/** The data-rights suite in Tomcat 11 (Servlet 6.1). */
class TomcatDataRightsIT extends DataRightsSuite {
    TomcatDataRightsIT() {
        super(TomcatServer::start);
    }
}
