package org.chorusfeed.syndication;

import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * Atom 1.0 (RFC 4287). An entry's plain text is its {@code summary type="text"}, its HTML its
 * {@code content type="html"}: Atom allows one {@code content} per entry.
 */
final class AtomWriter {
    /** The Atom namespace, also used by RSS for its link to itself. */
    static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    private AtomWriter() {
    }

    /** The feed as an Atom document. */
    static byte[] write(FeedInfo feed, List<FeedItem> items) {
        return XmlOut.document("Atom", xml -> {
            xml.start("feed").defaultNamespace(NAMESPACE).language(feed.language());
            xml.element("id", feed.selfUrl().toASCIIString());
            xml.start("title").attribute("type", "text").text(feed.title()).end();
            if (feed.subtitle().isPresent()) {
                xml.start("subtitle").attribute("type", "text").text(feed.subtitle().get()).end();
            }
            xml.element("updated", FeedDates.rfc3339(feed.updated()));
            link(xml, "self", FeedFormat.ATOM.mediaType(), feed.selfUrl().toASCIIString());
            link(xml, "alternate", "text/html", feed.siteUrl().toASCIIString());
            xml.element("generator", "Chorus");
            for (FeedItem item : items) {
                entry(xml, item);
            }
            xml.end();
        });
    }

    private static void entry(XmlOut xml, FeedItem item) throws XMLStreamException {
        xml.start("entry");
        xml.element("id", item.id());
        xml.start("title").attribute("type", "text").text(item.title()).end();
        link(xml, "alternate", "text/html", item.link().toASCIIString());
        xml.element("published", FeedDates.rfc3339(item.published()));
        xml.element("updated", FeedDates.rfc3339(item.updated()));
        xml.start("author").element("name", item.author()).end();
        for (String tag : item.tags()) {
            xml.start("category").attribute("term", tag).end();
        }
        xml.start("summary").attribute("type", "text").text(item.text()).end();
        xml.start("content").attribute("type", "html").text(item.html()).end();
        xml.end();
    }

    private static void link(XmlOut xml, String rel, String type, String href) throws XMLStreamException {
        xml.start("link").attribute("rel", rel).attribute("type", type).attribute("href", href).end();
    }
}
