package org.chorusfeed.samples.hub;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.chorusfeed.Chorus;

/**
 * The hub's own pages, as any organisation's site has them: home, "Our network" and events, each embedding the
 * Chorus widget, and the admin console; anything else is a friendly 404.
 */
final class SiteServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient PageLayout layout;
    private final transient NetworkPage network;
    private final transient SitePage home = new SitePage("Home",
            "Makers, researchers, founders and designers around the Kiel Fjord, and what they are working on.",
            SitePage.Section.HOME, Template.resource("pages/home.html"));
    private final transient SitePage events = new SitePage("Events",
            "Demo nights, open lab days, talks and workshops in the Förde Innovation Network.",
            SitePage.Section.EVENTS, Template.resource("pages/events.html"));
    private final transient SitePage join = new SitePage("Join the network",
            "Accept an invitation to the Förde Innovation Network, or ask to join.",
            SitePage.Section.NONE, Template.resource("pages/join.html"));

    private final transient SitePage admin = new SitePage("Admin console",
            "Invitations, join requests, reports, hidden posts, members and the audit log of the hub.",
            SitePage.Section.ADMIN, Template.resource("pages/admin.html"));

    SiteServlet(Chorus chorus, PageLayout layout) {
        this.layout = layout;
        this.network = new NetworkPage(chorus);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        switch (path) {
            case "/", "/index.html" -> layout.write(request, response, HttpServletResponse.SC_OK, home);
            case "/events.html" -> layout.write(request, response, HttpServletResponse.SC_OK, events);
            case "/join.html" -> {
                // the page's script reads the invitation code from the address: no cache may keep it
                response.setHeader("Cache-Control", "no-store");
                layout.write(request, response, HttpServletResponse.SC_OK, join);
            }
            case "/network.html" -> layout.write(request, response, HttpServletResponse.SC_OK,
                    network.render(request.getParameter("org"), request.getParameter("member")));
            case "/admin.html" -> layout.write(request, response, HttpServletResponse.SC_OK, admin);
            default -> layout.write(request, response, HttpServletResponse.SC_NOT_FOUND, notFound());
        }
    }

    static SitePage notFound() {
        return new SitePage("Page not found", "This page does not exist.", SitePage.Section.NONE,
                "<h1>Page not found</h1><p class=\"lead\">There is no page at this address. "
                        + "Try the <a href=\"/\">home page</a> or <a href=\"/network.html\">our network</a>.</p>");
    }
}
