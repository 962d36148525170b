package org.chorusfeed.syndication;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chorusfeed.text.Segment;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * A post's segments as HTML for feed readers: one paragraph of escaped text, line breaks as {@code <br>},
 * web links as {@code <a href rel="nofollow ugc">}, mentions and tags as text.
 *
 * <p>The HTML is built by escaping every piece of the post and then cleaned by {@link #SAFELIST}, the one
 * safelist all markup leaving Chorus passes (DESIGN rule 9), so a mistake in building it still cannot let
 * markup through.
 */
final class PostHtml {
    /** The only markup a feed entry may carry: paragraphs, line breaks and absolute http(s) links. */
    static final Safelist SAFELIST = Safelist.none()
            .addTags("p", "br", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow ugc")
            .preserveRelativeLinks(false);

    private PostHtml() {
    }

    /** The segments as cleaned HTML. */
    static String render(List<Segment> segments) {
        StringBuilder html = new StringBuilder("<p>");
        for (Segment segment : segments) {
            Optional<URI> href = segment instanceof Segment.Link link ? webUrl(link.href()) : Optional.empty();
            if (href.isPresent()) {
                html.append("<a href=\"").append(Entities.escape(href.get().toASCIIString())).append("\">");
                appendText(html, segment.text());
                html.append("</a>");
            } else {
                appendText(html, segment.text());
            }
        }
        html.append("</p>");
        return Jsoup.clean(html.toString(), "", SAFELIST, new Document.OutputSettings().prettyPrint(false));
    }

    private static void appendText(StringBuilder html, String text) {
        html.append(Entities.escape(FeedText.clean(text)).replace("\n", "<br>"));
    }

    /**
     * The href as an absolute http or https URL with a host; empty for anything else, which then stays text.
     * Its ASCII form is what the HTML links to, so no character of it needs more than HTML escaping.
     */
    private static Optional<URI> webUrl(String href) {
        try {
            URI uri = new URI(href);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            return web ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
