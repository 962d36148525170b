package org.chorusfeed.blogs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.chorusfeed.blogs.RawEntry.Markup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads HTML pages: the feeds they name with {@code <link rel="alternate">}, and h-feed / h-entry microformats
 * (microformats2: {@code p-name}, {@code u-url}, {@code u-uid}, {@code dt-published}, {@code p-summary},
 * {@code e-content}; properties of nested microformats such as an author's {@code h-card} are not the entry's).
 */
final class HtmlPages {
    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/feed+json", "application/json", "application/rdf+xml");

    private final Entries entries;
    private final int maxEntries;

    HtmlPages(Entries entries, int maxEntries) {
        this.entries = entries;
        this.maxEntries = maxEntries;
    }

    /** The feeds the page names, main feeds first and comment feeds last. */
    static List<URI> alternates(Document page, URI url) {
        List<URI> feeds = new ArrayList<>();
        List<URI> comments = new ArrayList<>();
        for (Element link : page.select("link[rel][href][type]")) {
            boolean alternate = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
            String type = link.attr("type").split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (alternate && FEED_TYPES.contains(type)) {
                String href = link.attr("abs:href").isEmpty() ? link.attr("href") : link.attr("abs:href");
                Optional<URI> feed = Links.web(href, url);
                boolean comment = link.attr("title").toLowerCase(Locale.ROOT).contains("comment")
                        || href.toLowerCase(Locale.ROOT).contains("/comments/");
                feed.filter(uri -> !feeds.contains(uri) && !comments.contains(uri))
                        .ifPresent((comment ? comments : feeds)::add);
            }
        }
        feeds.addAll(comments);
        return feeds;
    }

    /** The page's h-feed (or its top-level h-entries), when it has entries. */
    Optional<ParsedFeed> hFeed(Document page, URI url) {
        Element feed = page.selectFirst(".h-feed");
        Element scope = feed != null ? feed : page.body();
        List<BlogEntry> found = new ArrayList<>();
        for (Element entry : scope.getElementsByClass("h-entry")) {
            if (found.size() < maxEntries && entry != scope && nearestRoot(entry.parent(), scope) == null) {
                entries.build(entry(entry, url)).ifPresent(found::add);
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String title = feed == null ? "" : property(feed, "p-name").map(HtmlPages::plainValue).orElse("");
        Optional<URI> site = feed == null ? Optional.empty() : property(feed, "u-url").flatMap(e -> Links.web(urlValue(e), url));
        return Optional.of(new ParsedFeed(FeedFormat.H_FEED, title.isEmpty() ? PlainText.clean(page.title()) : title,
                Optional.of(site.orElse(url)), found));
    }

    private static RawEntry entry(Element entry, URI url) {
        Optional<Element> uid = property(entry, "u-uid");
        Optional<Element> link = property(entry, "u-url");
        String published = property(entry, "dt-published").map(HtmlPages::dateValue).orElse("");
        String updated = property(entry, "dt-updated").map(HtmlPages::dateValue).orElse("");
        return new RawEntry(uid.map(HtmlPages::urlValue).orElse(""), link.map(HtmlPages::urlValue).orElse(""), url,
                Markup.text(property(entry, "p-name").map(HtmlPages::plainValue).orElse("")),
                Markup.text(property(entry, "p-summary").map(HtmlPages::plainValue).orElse("")),
                Markup.html(property(entry, "e-content").map(Element::html).orElse("")),
                FeedDates.parse(published).or(() -> FeedDates.parse(updated)));
    }

    /** The first element of {@code root} with class {@code name} that belongs to it, not to a microformat nested inside. */
    private static Optional<Element> property(Element root, String name) {
        for (Element candidate : root.getElementsByClass(name)) {
            if (candidate != root && !isRoot(candidate) && nearestRoot(candidate.parent(), root) == null) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The nearest element from {@code element} up to (not including) {@code stop} that is a microformat root. */
    private static @Nullable Element nearestRoot(@Nullable Element element, Element stop) {
        for (Element at = element; at != null && at != stop; at = at.parent()) {
            if (isRoot(at)) {
                return at;
            }
        }
        return null;
    }

    private static boolean isRoot(Element element) {
        return element.classNames().stream().anyMatch(name -> name.startsWith("h-") && name.length() > 2);
    }

    /** A {@code p-*} value: the value-class parts, an abbr's title, an image's alt, or the text. */
    private static String plainValue(Element element) {
        String parts = valueClass(element);
        if (!parts.isEmpty()) {
            return parts;
        }
        if (element.is("abbr[title], link[title]")) {
            return element.attr("title");
        }
        if (element.is("img[alt], area[alt]")) {
            return element.attr("alt");
        }
        return element.text();
    }

    /** A {@code u-*} value: a link's href, a media element's src, an object's data, or else the plain value. */
    private static String urlValue(Element element) {
        if (element.is("a[href], area[href], link[href]")) {
            return element.attr("href");
        }
        if (element.is("img[src], audio[src], video[src], source[src], iframe[src]")) {
            return element.attr("src");
        }
        if (element.is("object[data]")) {
            return element.attr("data");
        }
        return plainValue(element);
    }

    /** A {@code dt-*} value: a time's datetime, an abbr's title, a data's value, value-class parts, or the text. */
    private static String dateValue(Element element) {
        String parts = valueClass(element);
        if (!parts.isEmpty()) {
            return parts.replaceFirst("^(\\d{4}-\\d{2}-\\d{2})\\s*(\\d)", "$1T$2");
        }
        if (element.is("time[datetime], ins[datetime], del[datetime]")) {
            return element.attr("datetime");
        }
        if (element.is("abbr[title]")) {
            return element.attr("title");
        }
        if (element.is("data[value], input[value]")) {
            return element.attr("value");
        }
        return element.text();
    }

    /** The value-class pattern: the text (or datetime / title / value) of {@code .value} children, joined. */
    private static String valueClass(Element element) {
        StringBuilder joined = new StringBuilder();
        for (Element part : element.select(":scope > .value, :scope > * > .value")) {
            String value = part.is("time[datetime]") ? part.attr("datetime")
                    : part.is("abbr[title]") ? part.attr("title")
                    : part.is("data[value]") ? part.attr("value") : part.text();
            joined.append(value);
        }
        return joined.toString().strip();
    }
}
