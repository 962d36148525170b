package org.chorusfeed.syndication;

import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * RSS 2.0. An item's HTML is its {@code description}; its author is a {@code dc:creator}, because RSS's
 * own {@code author} must be an e-mail address; the channel links to itself with {@code atom:link}.
 */
final class RssWriter {
    /** The Dublin Core namespace, for {@code dc:creator}. */
    static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

    private RssWriter() {
    }

    /** The feed as an RSS document. */
    static byte[] write(FeedInfo feed, List<FeedItem> items) {
        return XmlOut.document("RSS", xml -> {
            xml.start("rss").attribute("version", "2.0")
                    .namespace("dc", DUBLIN_CORE).namespace("atom", AtomWriter.NAMESPACE);
            xml.start("channel");
            xml.element("title", feed.title());
            xml.element("link", feed.siteUrl().toASCIIString());
            xml.element("description", feed.subtitle().orElse(feed.title()));
            xml.element("language", feed.language());
            xml.element("lastBuildDate", FeedDates.rfc822(feed.updated()));
            xml.element("generator", "Chorus");
            xml.start("atom", "link", AtomWriter.NAMESPACE).attribute("href", feed.selfUrl().toASCIIString())
                    .attribute("rel", "self").attribute("type", FeedFormat.RSS.mediaType()).end();
            for (FeedItem item : items) {
                item(xml, item);
            }
            xml.end();
            xml.end();
        });
    }

    private static void item(XmlOut xml, FeedItem item) throws XMLStreamException {
        xml.start("item");
        xml.element("title", item.title());
        xml.element("link", item.link().toASCIIString());
        xml.element("description", item.html());
        xml.start("dc", "creator", DUBLIN_CORE).text(item.author()).end();
        for (String tag : item.tags()) {
            xml.element("category", tag);
        }
        xml.start("guid").attribute("isPermaLink", "false").text(item.id()).end();
        xml.element("pubDate", FeedDates.rfc822(item.published()));
        xml.end();
    }
}
