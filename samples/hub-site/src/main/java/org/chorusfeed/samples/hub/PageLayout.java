package org.chorusfeed.samples.hub;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;

/**
 * Wraps every page of the hub's site in the same layout: head (stylesheet, feeds, the widget's script tag),
 * header with navigation and, in demo mode, who the visitor acts as; footer.
 */
final class PageLayout {
    private final Template layout = Template.load("layout.html");
    private final Chorus chorus;
    private final boolean demo;

    PageLayout(Chorus chorus, boolean demo) {
        this.chorus = chorus;
        this.demo = demo;
    }

    /** Writes the page with this status. */
    void write(HttpServletRequest request, HttpServletResponse response, int status, SitePage page) throws IOException {
        String html = layout.render(Map.of(
                "title", Html.escape(page.title()),
                "description", Html.escape(page.description()),
                "nav", nav(page.section(), isAdmin(request)),
                "account", account(request),
                "main", page.main()));
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        if (!response.containsHeader("Cache-Control")) {
            response.setHeader("Cache-Control", "no-cache, private");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static String nav(SitePage.Section current, boolean admin) {
        StringBuilder out = new StringBuilder();
        for (SitePage.Section section : SitePage.Section.values()) {
            if (section == SitePage.Section.NONE || (section == SitePage.Section.ADMIN && !admin)) {
                continue;
            }
            out.append("<li><a href=\"").append(section.path).append('"')
                    .append(section == current ? " aria-current=\"page\"" : "")
                    .append('>').append(Html.escape(section.label)).append("</a></li>");
        }
        return out.toString();
    }

    /** Whether the visitor acts as an active hub admin (demo mode only: the hub knows nobody else). */
    private boolean isAdmin(HttpServletRequest request) {
        return demo && DemoSession.handle(request).flatMap(chorus.members()::findByHandle)
                .filter(m -> m.isActiveAdmin()).isPresent();
    }

    /** In demo mode: who the visitor acts as, with a sign-out button, or the way to the demo sign-in. */
    private String account(HttpServletRequest request) {
        if (!demo) {
            return "";
        }
        Optional<Member> member = DemoSession.member(request, chorus);
        Optional<String> account = DemoSession.handle(request);
        if (member.isEmpty() && account.isEmpty()) {
            return "<p class=\"account\"><a class=\"account-link\" href=\"/signin\">Demo sign-in</a></p>";
        }
        String who = member.isPresent() ? Html.escape(member.get().name()) : "a visitor (not a member)";
        return "<form class=\"account\" method=\"post\" action=\"/signout\">"
                + "<span class=\"account-who\">Acting as <strong>" + who + "</strong>"
                + " <span class=\"demo-badge\">demo</span></span>"
                + "<input type=\"hidden\" name=\"token\" value=\"" + Html.escape(DemoSession.formToken(request)) + "\">"
                + "<button type=\"submit\" class=\"button-quiet\">Sign out</button></form>";
    }
}
