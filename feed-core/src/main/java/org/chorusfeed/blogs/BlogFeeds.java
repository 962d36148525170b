package org.chorusfeed.blogs;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.chorusfeed.text.TextRules;
import org.jsoup.nodes.Document;

/**
 * Reads members' blog feeds into plain-text entries: RSS 2.0 and 1.0, Atom 1.0, JSON Feed 1.1 and h-feed pages;
 * and finds the feed a blog's page names.
 *
 * <pre>{@code
 * BlogFeeds feeds = BlogFeeds.builder().excerptLength(280).build();
 * FetchResult fetched = fetcher.fetch(FetchRequest.feed(blogUrl));
 * FeedDocument document = feeds.read(fetched.body(), fetched.contentType().orElse(""), fetched.url());
 * if (document instanceof FeedLinks page) {
 *     fetchAgain(page.feeds().get(0));                      // a blog's home page: follow its feed
 * } else if (document instanceof ParsedFeed feed) {
 *     feed.newest(5).forEach(entry -> publish(entry.toPostText(rules), entry.timeIn(now)));
 * }
 * }</pre>
 *
 * <p>What kind of document it is comes from its first bytes; the content type only lends its charset. Parsing
 * reads no clock and makes no request. Instances are immutable and thread-safe.
 */
public final class BlogFeeds {
    private final int excerptLength;
    private final int maxEntries;
    private final Entries entries;
    private final XmlFeeds xml;
    private final JsonFeeds json;
    private final HtmlPages html;

    private BlogFeeds(Builder builder) {
        this.excerptLength = builder.excerptLength;
        this.maxEntries = builder.maxEntries;
        this.entries = new Entries(builder.excerptLength, builder.rules);
        this.xml = new XmlFeeds(entries, builder.maxEntries);
        this.json = new JsonFeeds(entries, builder.maxEntries);
        this.html = new HtmlPages(entries, builder.maxEntries);
    }

    /** A reader with the defaults: excerpts up to 280 characters, at most 100 entries a feed, the default text rules. */
    public static BlogFeeds defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The most characters an entry's excerpt has, as the text rules count. */
    public int excerptLength() {
        return excerptLength;
    }

    /** The most entries read from one feed, in the feed's order. */
    public int maxEntries() {
        return maxEntries;
    }

    /**
     * Reads a fetched document: a feed, or a page naming its feeds (when a page names feeds, those win over any
     * h-feed on it: feeds carry whole entries with their dates).
     *
     * @param body        the document's bytes
     * @param contentType the {@code Content-Type} header as sent, for its charset; "" when unknown
     * @param url         where it came from (after redirects): relative links resolve against it
     * @throws FeedFormatException when it is no feed and no page naming one; the message says why
     */
    public FeedDocument read(byte[] body, String contentType, URI url) throws FeedFormatException {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        requireWebUrl(url);
        String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        Optional<String> charset = charset(contentType);
        return switch (Documents.sniff(body, mediaType)) {
            case JSON -> json.read(body, url);
            case HTML -> page(Documents.html(body, charset, url), url);
            case XML -> {
                Document document = Documents.xml(body, charset, url);
                boolean xhtml = document.children().first() != null
                        && XmlFeeds.localName(document.children().first()).equals("html");
                yield xhtml ? page(Documents.html(body, charset, url), url) : xml.read(document, url);
            }
        };
    }

    /**
     * Reads a feed; a page naming feeds is refused, naming the first.
     *
     * @throws FeedFormatException when it is no feed; the message says why
     */
    public ParsedFeed parse(byte[] body, String contentType, URI url) throws FeedFormatException {
        FeedDocument document = read(body, contentType, url);
        if (document instanceof FeedLinks links) {
            throw new FeedFormatException("the document is a web page, not a feed; it names its feed at "
                    + links.feeds().get(0));
        }
        return (ParsedFeed) document;
    }

    /**
     * The feeds an HTML page names with {@code <link rel="alternate" type="application/rss+xml">} (or Atom, or JSON
     * Feed), absolute, main feeds first and comment feeds last; empty for anything but a page naming feeds.
     */
    public List<URI> discover(byte[] body, String contentType, URI pageUrl) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        requireWebUrl(pageUrl);
        try {
            if (Documents.sniff(body, contentType.toLowerCase(Locale.ROOT)) != Documents.Kind.HTML) {
                return List.of();
            }
        } catch (FeedFormatException e) {
            return List.of();
        }
        return HtmlPages.alternates(Documents.html(body, charset(contentType), pageUrl), pageUrl);
    }

    private FeedDocument page(Document page, URI url) throws FeedFormatException {
        List<URI> feeds = HtmlPages.alternates(page, url);
        if (!feeds.isEmpty()) {
            return new FeedLinks(feeds);
        }
        return html.hFeed(page, url).orElseThrow(() -> new FeedFormatException("the page names no feed "
                + "(<link rel=\"alternate\" type=\"application/rss+xml\">) and has no h-feed entries"));
    }

    private static Optional<String> charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String value = pair[1].strip().replace("\"", "");
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static void requireWebUrl(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("url is \"" + url + "\"; it must be the absolute http or https URL the "
                    + "document came from");
        }
    }

    /** Configures {@link BlogFeeds}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private int excerptLength = 280;
        private int maxEntries = 100;
        private TextRules rules = TextRules.defaults();

        private Builder() {
        }

        /** The most characters an excerpt has, as the text rules count (a link as its fixed length): 0 to 2000. */
        public Builder excerptLength(int characters) {
            this.excerptLength = requireBetween("excerptLength", characters, 0, 2000);
            return this;
        }

        /** The most entries read from one feed, in the feed's order: 1 to 1000. */
        public Builder maxEntries(int entries) {
            this.maxEntries = requireBetween("maxEntries", entries, 1, 1000);
            return this;
        }

        /** The rules that count excerpt and title lengths. */
        public Builder textRules(TextRules rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /** A reader with these settings. */
        public BlogFeeds build() {
            return new BlogFeeds(this);
        }

        private static int requireBetween(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " is " + value + "; it must be between " + min + " and " + max);
            }
            return value;
        }
    }
}
