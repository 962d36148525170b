package org.chorusfeed.blogs;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chorusfeed.blogs.RawEntry.Markup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 from a document jsoup's XML parser built, which processes no DTD,
 * fetches no external entity and expands no entity it was not born knowing (an {@code &xxe;} stays those characters).
 */
final class XmlFeeds {
    private final Entries entries;
    private final int maxEntries;

    XmlFeeds(Entries entries, int maxEntries) {
        this.entries = entries;
        this.maxEntries = maxEntries;
    }

    /** The feed in {@code document}, whose relative links resolve against {@code url}. */
    ParsedFeed read(Document document, URI url) throws FeedFormatException {
        Element root = document.children().first();
        if (root == null) {
            throw new FeedFormatException("the XML document has no root element");
        }
        return switch (localName(root)) {
            case "rss" -> rss(root, url);
            case "rdf" -> rdf(root, url);
            case "feed" -> atom(root, url);
            default -> throw new FeedFormatException("the XML document's root element is <" + shown(root.tagName())
                    + ">; a feed's is <rss>, <feed> or <rdf:RDF>");
        };
    }

    /** The local name of an element, lower-case: {@code rdf:RDF} is {@code rdf}. */
    static String localName(Element element) {
        String name = element.tagName();
        return name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    private ParsedFeed rss(Element root, URI url) throws FeedFormatException {
        Element channel = child(root, "channel");
        if (channel == null) {
            throw new FeedFormatException("the RSS document has no <channel>");
        }
        List<BlogEntry> found = new ArrayList<>();
        for (Element item : channel.children()) {
            if (found.size() < maxEntries && item.tagName().equalsIgnoreCase("item")) {
                entries.build(rssItem(item, url, item.attr("rdf:about"))).ifPresent(found::add);
            }
        }
        return new ParsedFeed(FeedFormat.RSS, Markup.html(text(child(channel, "title"))).plain(),
                Links.web(text(child(channel, "link")), url), found);
    }

    private ParsedFeed rdf(Element root, URI url) {
        Element channel = child(root, "channel");
        List<BlogEntry> found = new ArrayList<>();
        for (Element item : root.children()) {
            if (found.size() < maxEntries && localName(item).equals("item")) {
                entries.build(rssItem(item, url, item.attr("rdf:about"))).ifPresent(found::add);
            }
        }
        return new ParsedFeed(FeedFormat.RSS, Markup.html(text(child(channel, "title"))).plain(),
                Links.web(text(child(channel, "link")), url), found);
    }

    private static RawEntry rssItem(Element item, URI url, String about) {
        Element guid = child(item, "guid");
        String id = guid != null ? text(guid) : about;
        String link = text(child(item, "link"));
        boolean permaLink = guid != null && !guid.attr("isPermaLink").strip().equalsIgnoreCase("false");
        if (link.isBlank() && permaLink) {
            link = id;
        }
        Optional<Instant> date = FeedDates.parse(text(child(item, "pubDate")))
                .or(() -> FeedDates.parse(text(prefixed(item, "date"))));
        return new RawEntry(id, link, url, Markup.html(markup(child(item, "title"))),
                Markup.html(markup(child(item, "description"))), Markup.html(markup(prefixed(item, "encoded"))), date);
    }

    private ParsedFeed atom(Element root, URI url) {
        URI feedBase = Links.base(url, root.attr("xml:base"));
        List<BlogEntry> found = new ArrayList<>();
        for (Element entry : root.children()) {
            if (found.size() < maxEntries && localName(entry).equals("entry")) {
                entries.build(atomEntry(entry, Links.base(feedBase, entry.attr("xml:base")))).ifPresent(found::add);
            }
        }
        return new ParsedFeed(FeedFormat.ATOM, atomText(local(root, "title")).plain(),
                Links.web(alternate(root), feedBase), found);
    }

    private static RawEntry atomEntry(Element entry, URI base) {
        Element content = local(entry, "content");
        Markup body = content == null || content.hasAttr("src") ? Markup.NONE : atomText(content);
        Optional<Instant> date = FeedDates.parse(text(local(entry, "published")))
                .or(() -> FeedDates.parse(text(local(entry, "updated"))));
        return new RawEntry(text(local(entry, "id")), alternate(entry), base, atomText(local(entry, "title")),
                atomText(local(entry, "summary")), body, date);
    }

    /** The {@code href} of the element's alternate link (no {@code rel} means alternate), HTML preferred. */
    private static String alternate(Element parent) {
        String found = "";
        for (Element link : parent.children()) {
            String rel = link.attr("rel").strip().toLowerCase(Locale.ROOT);
            if (localName(link).equals("link") && (rel.isEmpty() || rel.equals("alternate")) && link.hasAttr("href")) {
                String type = link.attr("type").strip().toLowerCase(Locale.ROOT);
                if (type.isEmpty() || type.equals("text/html")) {
                    return link.attr("href");
                }
                found = found.isEmpty() ? link.attr("href") : found;
            }
        }
        return found;
    }

    /** An Atom text construct: {@code type="text"} (the default) is text, {@code html} and {@code xhtml} are HTML. */
    private static Markup atomText(@Nullable Element element) {
        if (element == null) {
            return Markup.NONE;
        }
        String type = element.attr("type").strip().toLowerCase(Locale.ROOT);
        if (type.equals("html") || type.equals("text/html") || type.equals("xhtml")
                || type.equals("application/xhtml+xml") || !element.children().isEmpty()) {
            return Markup.html(markup(element));
        }
        return Markup.text(element.wholeText());
    }

    /** The element's content as a string to read as HTML: its text (CDATA included), or its markup when it has elements. */
    private static String markup(@Nullable Element element) {
        if (element == null) {
            return "";
        }
        return element.children().isEmpty() ? element.wholeText() : element.html();
    }

    private static String text(@Nullable Element element) {
        return element == null ? "" : element.wholeText().strip();
    }

    /** The first child with exactly this (unprefixed) name, ignoring case: RSS's own elements. */
    private static @Nullable Element child(@Nullable Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Element child : parent.children()) {
            if (child.tagName().equalsIgnoreCase(name)) {
                return child;
            }
        }
        return null;
    }

    /** The first child with this local name, whatever its prefix: Atom, which may be written with one. */
    private static @Nullable Element local(Element parent, String name) {
        for (Element child : parent.children()) {
            if (localName(child).equals(name)) {
                return child;
            }
        }
        return null;
    }

    /** The first child with this local name and some prefix: extensions such as {@code content:encoded}, {@code dc:date}. */
    private static @Nullable Element prefixed(Element parent, String name) {
        for (Element child : parent.children()) {
            if (child.tagName().indexOf(':') > 0 && localName(child).equals(name)) {
                return child;
            }
        }
        return null;
    }

    private static String shown(String name) {
        String clean = PlainText.clean(name);
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
