package org.chorusfeed.syndication;

import java.util.List;

/**
 * Writes a page of the timeline as a feed document: Atom 1.0, RSS 2.0 or JSON Feed 1.1, UTF-8 encoded.
 *
 * <p>Entries keep the order they are given in (the timeline's: newest first). Post text appears as plain
 * text and as HTML built from its segments; both are text only, whatever the post says. Characters that
 * XML 1.0 forbids are dropped from every format, so a feed always parses.
 *
 * <pre>{@code
 * Page<Post> page = chorus.timeline().read(TimelineQuery.latest().tag("BalticLab"));
 * List<FeedEntry> entries = page.items().stream()
 *         .map(post -> new FeedEntry(post, authorOf(post), organisationOf(post), linkTo(post)))
 *         .toList();
 * FeedInfo feed = FeedInfo.of("Baltic Network: #BalticLab", URI.create(site + "feed.atom?tag=BalticLab"),
 *         URI.create(site), newestTime);
 * response.setContentType(FeedFormat.ATOM.contentType());
 * response.getOutputStream().write(Syndication.write(FeedFormat.ATOM, feed, entries));
 * }</pre>
 */
public final class Syndication {
    private Syndication() {
    }

    /** The feed in the given format. */
    public static byte[] write(FeedFormat format, FeedInfo feed, List<FeedEntry> entries) {
        List<FeedItem> items = entries.stream().map(entry -> FeedItem.of(feed, entry)).toList();
        return switch (format) {
            case ATOM -> AtomWriter.write(feed, items);
            case RSS -> RssWriter.write(feed, items);
            case JSON_FEED -> JsonFeedWriter.write(feed, items);
        };
    }

    /** The feed as an Atom 1.0 document. */
    public static byte[] atom(FeedInfo feed, List<FeedEntry> entries) {
        return write(FeedFormat.ATOM, feed, entries);
    }

    /** The feed as an RSS 2.0 document. */
    public static byte[] rss(FeedInfo feed, List<FeedEntry> entries) {
        return write(FeedFormat.RSS, feed, entries);
    }

    /** The feed as a JSON Feed 1.1 document. */
    public static byte[] jsonFeed(FeedInfo feed, List<FeedEntry> entries) {
        return write(FeedFormat.JSON_FEED, feed, entries);
    }

    /** The HTTP {@code Content-Type} of the format; the same as {@link FeedFormat#contentType()}. */
    public static String contentType(FeedFormat format) {
        return format.contentType();
    }
}
