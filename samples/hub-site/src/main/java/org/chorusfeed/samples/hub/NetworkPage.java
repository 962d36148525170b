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
 * "Our network": the directory widget ({@code <chorus-members>}) wired to one timeline widget, filtered to the
 * organisation the visitor picked (or to the member named by {@code ?member=}). Inside the directory widget the
 * same organisations and people are rendered on the server, which is what shows without JavaScript.
 */
final class NetworkPage {
    /** The id of the page's feed, which the directory filters. */
    static final String FEED_ID = "network-posts";

    private final Chorus chorus;

    NetworkPage(Chorus chorus) {
        this.chorus = chorus;
    }

    /**
     * The page, with the feed of the organisation named by {@code orgParameter} (the first when none or unknown),
     * or of the active member whose handle is {@code memberParameter}.
     */
    SitePage render(@Nullable String orgParameter, @Nullable String memberParameter) {
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
        main.append("<chorus-members src=\"/chorus\" feed=\"#").append(FEED_ID).append("\" level=\"2\">")
                .append("<div class=\"org-grid\">");
        for (Organisation org : organisations) {
            appendOrganisation(main, org, people.get(org.slug()), selected.filter(org::equals).isPresent());
        }
        main.append("</div></chorus-members>");
        Optional<Member> member = memberParameter == null ? Optional.empty()
                : chorus.members().findByHandle(memberParameter).filter(Member::isActive);
        if (member.isPresent()) {
            appendMemberFeed(main, member.get());
        } else {
            selected.ifPresent(org -> appendFeed(main, org));
        }
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
                .append(", newest first. Pick another organisation, or a person in the directory above, to switch.</p>")
                .append("<chorus-feed src=\"/chorus\" org=\"").append(slug).append("\" id=\"").append(FEED_ID)
                .append("\" limit=\"10\">")
                .append("<p class=\"fallback\"><a href=\"/chorus/feed.atom?org=").append(slug).append("\">Posts from ")
                .append(name).append(" as an Atom feed</a></p></chorus-feed></section>");
    }

    private static void appendMemberFeed(StringBuilder out, Member member) {
        String handle = Html.escape(member.handle());
        String name = Html.escape(member.name());
        out.append("<section class=\"org-posts\" id=\"posts\" aria-labelledby=\"posts-heading\">")
                .append("<h2 id=\"posts-heading\">Latest from ").append(name).append("</h2>")
                .append("<chorus-feed src=\"/chorus\" member=\"").append(handle).append("\" id=\"").append(FEED_ID)
                .append("\" limit=\"10\">")
                .append("<p class=\"fallback\"><a href=\"/chorus/feed.atom?member=").append(handle)
                .append("\">Posts by ").append(name).append(" as an Atom feed</a></p></chorus-feed></section>");
    }
}
