package org.chorusfeed.samples.hub;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.Organisation;

/**
 * The demo's sign-in: {@code GET /signin} lists the members to act as, {@code POST /signin} acts as one,
 * {@code POST /signout} stops. Demo only: anyone who can reach it can act as anyone, so it answers 404 unless
 * demo mode is on. A real hub signs people in its own way and tells Chorus through a {@code MemberResolver}.
 */
final class DemoSignInServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Chorus chorus;
    private final transient PageLayout layout;
    private final boolean demo;

    DemoSignInServlet(Chorus chorus, PageLayout layout, boolean demo) {
        this.chorus = chorus;
        this.layout = layout;
        this.demo = demo;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!demo) {
            layout.write(request, response, HttpServletResponse.SC_NOT_FOUND, demoOff());
        } else if (request.getServletPath().equals("/signin")) {
            noStore(response);
            layout.write(request, response, HttpServletResponse.SC_OK, picker(request));
        } else {
            response.sendRedirect("/signin"); // GET /signout: signing out is a form post
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        noStore(response);
        if (!demo) {
            layout.write(request, response, HttpServletResponse.SC_NOT_FOUND, demoOff());
            return;
        }
        if (!DemoSession.isGenuineFormPost(request)) {
            layout.write(request, response, HttpServletResponse.SC_FORBIDDEN, problem("The form has expired",
                    "This sign-in form was not sent from this site's own page, or its session has ended. "
                            + "<a href=\"/signin\">Open the sign-in page again</a> and pick a member."));
            return;
        }
        if (request.getServletPath().equals("/signout")) {
            DemoSession.signOut(request);
            seeOther(response, "/");
            return;
        }
        if (request.getParameter("visitor") != null) {
            DemoSession.signIn(request, DemoSession.newVisitorAccount());
            seeOther(response, "/join.html");
            return;
        }
        String handle = request.getParameter("handle");
        Optional<Member> member = handle == null ? Optional.empty()
                : chorus.members().findByHandle(handle).filter(Member::isActive);
        if (member.isEmpty()) {
            layout.write(request, response, HttpServletResponse.SC_BAD_REQUEST, problem("No such member",
                    "There is no active member with that handle. <a href=\"/signin\">Pick one from the list</a>."));
            return;
        }
        DemoSession.signIn(request, member.get().account().orElse(member.get().handle()));
        seeOther(response, "/");
    }

    private static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    private SitePage picker(HttpServletRequest request) {
        String token = Html.escape(DemoSession.formToken(request));
        Optional<Member> current = DemoSession.member(request, chorus);
        StringBuilder main = new StringBuilder("<h1>Demo sign-in</h1>");
        main.append("<div class=\"notice\" role=\"note\"><p><strong>Demo only: pick a member to act as.</strong> ")
                .append("This hub is a demo with invented people. Anyone who opens this page can act as any member, ")
                .append("so it exists only while demo mode is on (<code>CHORUS_DEMO</code>). A real hub signs its members in ")
                .append("through its own login and tells Chorus who they are with a <code>MemberResolver</code>.</p></div>");
        current.ifPresent(m -> main.append("<p>You are acting as <strong>").append(Html.escape(m.name()))
                .append("</strong> (@").append(Html.escape(m.handle())).append("). Pick someone else to switch.</p>"));
        main.append("<form method=\"post\" action=\"/signin\" class=\"member-picker\">")
                .append("<input type=\"hidden\" name=\"token\" value=\"").append(token).append("\">");
        for (Map.Entry<String, List<Member>> group : byOrganisation().entrySet()) {
            main.append("<fieldset><legend>").append(Html.escape(group.getKey())).append("</legend><ul>");
            for (Member m : group.getValue()) {
                appendMember(main, m, current.filter(m::equals).isPresent());
            }
            main.append("</ul></fieldset>");
        }
        main.append("<fieldset><legend>Not a member yet</legend><p>Sign in as a visitor who has an account ")
                .append("at the hub's site but is not a member, to join with an invitation")
                .append(" (or, when the hub takes join requests, to ask to join).</p>")
                .append("<button type=\"submit\" name=\"visitor\" value=\"new\">Sign in as a new visitor</button>")
                .append("</fieldset>");
        main.append("</form>");
        return new SitePage("Demo sign-in", "Pick a demo member to act as.", SitePage.Section.NONE, main.toString());
    }

    private static void appendMember(StringBuilder out, Member m, boolean current) {
        String name = Html.escape(m.name());
        out.append("<li class=\"person\"><div><span class=\"person-name\">").append(name)
                .append("</span> <span class=\"handle\">@").append(Html.escape(m.handle())).append("</span>");
        if (m.isAdmin()) {
            out.append(" <span class=\"badge\">hub admin</span>");
        }
        if (!m.bio().isEmpty()) {
            out.append("<span class=\"bio\">").append(Html.escape(m.bio())).append("</span>");
        }
        out.append("</div><button type=\"submit\" name=\"handle\" value=\"").append(Html.escape(m.handle())).append('"');
        out.append(current ? " disabled>Acting now" : ">Act as " + name).append("</button></li>");
    }

    /** Active members grouped by their organisation's name, members without one last. */
    private Map<String, List<Member>> byOrganisation() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Organisation org : chorus.organisations().list()) {
            names.put(org.slug(), org.name());
        }
        Map<String, List<Member>> groups = new LinkedHashMap<>();
        names.values().forEach(name -> groups.put(name, new java.util.ArrayList<>()));
        for (Member m : chorus.members().list()) {
            if (m.isActive()) {
                String group = m.organisation().map(names::get).orElse("Independent members");
                groups.computeIfAbsent(group, g -> new java.util.ArrayList<>()).add(m);
            }
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    private static SitePage demoOff() {
        return new SitePage("Demo sign-in is off", "Demo sign-in is off on this hub.", SitePage.Section.NONE,
                "<h1>Demo sign-in is off</h1><p class=\"lead\">This hub runs with demo mode off "
                        + "(<code>CHORUS_DEMO=off</code>), so nobody can pick a member to act as. Members sign in "
                        + "through the site's own login.</p>");
    }

    private static SitePage problem(String title, String html) {
        return new SitePage(title, title, SitePage.Section.NONE,
                "<h1>" + Html.escape(title) + "</h1><p class=\"lead\">" + html + "</p>");
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }
}
