package org.chorusfeed.blogs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.chorusfeed.blogs.RawEntry.Markup;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) with Jackson, within its default size and depth limits. */
final class JsonFeeds {
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Entries entries;
    private final int maxEntries;

    JsonFeeds(Entries entries, int maxEntries) {
        this.entries = entries;
        this.maxEntries = maxEntries;
    }

    /** The feed in {@code body}, whose relative links resolve against {@code url}. */
    ParsedFeed read(byte[] body, URI url) throws FeedFormatException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new FeedFormatException("the JSON document is not well-formed JSON");
        }
        if (root == null || !root.isObject()) {
            throw new FeedFormatException("the JSON document is not a JSON Feed: it is not an object");
        }
        String version = string(root.path("version"));
        if (!version.startsWith("https://jsonfeed.org/version/") && !version.startsWith("http://jsonfeed.org/version/")) {
            throw new FeedFormatException("the JSON document is not a JSON Feed: it has no \"version\" of "
                    + "https://jsonfeed.org/version/1.1");
        }
        URI base = Links.web(string(root.path("feed_url")), url).orElse(url);
        List<BlogEntry> found = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (found.size() >= maxEntries) {
                break;
            }
            if (item.isObject()) {
                entries.build(item(item, base)).ifPresent(found::add);
            }
        }
        return new ParsedFeed(FeedFormat.JSON_FEED, PlainText.clean(string(root.path("title"))),
                Links.web(string(root.path("home_page_url")), base), found);
    }

    private static RawEntry item(JsonNode item, URI base) {
        String html = string(item.path("content_html"));
        Markup content = html.isBlank() ? Markup.text(string(item.path("content_text"))) : Markup.html(html);
        return new RawEntry(string(item.path("id")), string(item.path("url")), base,
                Markup.text(string(item.path("title"))), Markup.text(string(item.path("summary"))), content,
                FeedDates.parse(string(item.path("date_published")))
                        .or(() -> FeedDates.parse(string(item.path("date_modified")))));
    }

    /** A string or number's text; "" for anything else (objects, arrays, missing). */
    private static String string(JsonNode node) {
        return node.isString() || node.isNumber() ? node.asString() : "";
    }
}
