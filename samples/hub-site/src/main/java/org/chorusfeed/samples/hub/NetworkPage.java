package org.chorusfeed.samples.hub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.samples.hub.seed.DemoNetwork;
import org.jspecify.annotations.Nullable;

/**
 * "Our network": the organisations and their people, rendered on the server from the hub's directory, and one
 * timeline widget filtered to the organisation the visitor picked.
 */
final class NetworkPage {
    private final Chorus chorus;

    NetworkPage(Chorus chorus) {
        this.chorus = chorus;
    }

    /** The page, with the feed of the organisation named by {@code orgParameter} (the first when none or unknown). */
    SitePage render(@Nullable String orgParameter) {
        List<Organisation> organisations = chorus.organisations().list();
        Map<String, List<Member>> people = new LinkedHashMap<>();
        organisations.forEach(org -> people.put(org.slug(), new java.util.ArrayList<>()));
        for (Member member : chorus.members().list()) {
            if (member.isActive()) {
                member.organisation().map(people::get).ifPresent(list -> list.add(member));
            }
        }
        Optional<Organisation> selected = organisations.stream().filter(o -> o.slug().equals(orgParameter)).findFirst()
                .or(() -> organisations.stream().findFirst());

        StringBuilder main = new StringBuilder();
        main.append("<h1>Our network</h1><p class=\"lead\">").append(organisations.size()).append(" organisations and ")
                .append(people.values().stream().mapToInt(List::size).sum())
                .append(" people around the Kiel Fjord who share rooms, machines and what they are working on.</p>");
        main.append("<div class=\"org-grid\">");
        for (Organisation org : organisations) {
            appendOrganisation(main, org, people.get(org.slug()), selected.filter(org::equals).isPresent());
        }
        main.append("</div>");
        selected.ifPresent(org -> appendFeed(main, org));
        return new SitePage("Our network", "The organisations and people of the Förde Innovation Network.",
                SitePage.Section.NETWORK, main.toString());
    }

    private static void appendOrganisation(StringBuilder out, Organisation org, List<Member> members, boolean selected) {
        String id = "org-" + org.slug();
        out.append("<article class=\"card org\" id=\"").append(id).append("\" aria-labelledby=\"").append(id)
                .append("-name\"><h2 id=\"").append(id).append("-name\">").append(Html.escape(org.name())).append("</h2>");
        DemoNetwork.organisation(org.slug()).ifPresent(demo ->
                out.append("<p>").append(Html.escape(demo.about())).append("</p>"));
        org.website().ifPresent(site -> out.append("<p class=\"org-site\"><a href=\"").append(Html.escape(site.toString()))
                .append("\" rel=\"noopener\">").append(Html.escape(site.getHost() + site.getPath())).append("</a></p>"));
        out.append("<ul class=\"people\">");
        for (Member m : members) {
            out.append("<li><span class=\"person-name\">").append(Html.escape(m.name())).append("</span> <span class=\"handle\">@")
                    .append(Html.escape(m.handle())).append("</span>");
            if (m.isAdmin()) {
                out.append(" <span class=\"badge\">hub admin</span>");
            }
            if (!m.bio().isEmpty()) {
                out.append("<span class=\"bio\">").append(Html.escape(m.bio())).append("</span>");
            }
            out.append("</li>");
        }
        out.append("</ul><p class=\"org-feed-link\"><a href=\"/network.html?org=").append(Html.escape(org.slug()))
                .append("#posts\"").append(selected ? " aria-current=\"true\"" : "").append(">Latest posts from ")
                .append(Html.escape(org.name())).append("</a></p></article>");
    }

    private static void appendFeed(StringBuilder out, Organisation org) {
        String slug = Html.escape(org.slug());
        String name = Html.escape(org.name());
        out.append("<section class=\"org-posts\" id=\"posts\" aria-labelledby=\"posts-heading\">")
                .append("<h2 id=\"posts-heading\">Latest from ").append(name).append("</h2>")
                .append("<p class=\"hint\">Posts by members of ").append(name)
                .append(", newest first. Pick another organisation above to switch.</p>")
                .append("<chorus-feed src=\"/chorus\" org=\"").append(slug).append("\" limit=\"10\">")
                .append("<p class=\"fallback\"><a href=\"/chorus/feed.atom?org=").append(slug).append("\">Posts from ")
                .append(name).append(" as an Atom feed</a></p></chorus-feed></section>");
    }
}
