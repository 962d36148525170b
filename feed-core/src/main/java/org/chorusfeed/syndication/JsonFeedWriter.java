package org.chorusfeed.syndication;

import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** JSON Feed 1.1. Strings pass {@link FeedText#clean} like the XML formats', so all three say the same. */
final class JsonFeedWriter {
    /** The version URL every JSON Feed 1.1 document starts with. */
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private JsonFeedWriter() {
    }

    /** The feed as a JSON Feed document. */
    static byte[] write(FeedInfo feed, List<FeedItem> items) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (JsonGenerator json = JsonMapper.shared().createGenerator(bytes)) {
            json.writeStartObject();
            string(json, "version", VERSION);
            string(json, "title", feed.title());
            string(json, "home_page_url", feed.siteUrl().toASCIIString());
            string(json, "feed_url", feed.selfUrl().toASCIIString());
            if (feed.subtitle().isPresent()) {
                string(json, "description", feed.subtitle().get());
            }
            string(json, "language", feed.language());
            json.writeArrayPropertyStart("items");
            for (FeedItem item : items) {
                item(json, item);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void item(JsonGenerator json, FeedItem item) {
        json.writeStartObject();
        string(json, "id", item.id());
        string(json, "url", item.link().toASCIIString());
        string(json, "title", item.title());
        string(json, "content_html", item.html());
        string(json, "content_text", item.text());
        string(json, "date_published", FeedDates.rfc3339(item.published()));
        if (item.edited().isPresent()) {
            string(json, "date_modified", FeedDates.rfc3339(item.edited().get()));
        }
        json.writeArrayPropertyStart("authors");
        json.writeStartObject();
        string(json, "name", item.author());
        json.writeEndObject();
        json.writeEndArray();
        if (!item.tags().isEmpty()) {
            json.writeArrayPropertyStart("tags");
            for (String tag : item.tags()) {
                json.writeString(FeedText.clean(tag));
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void string(JsonGenerator json, String name, String value) {
        json.writeStringProperty(name, FeedText.clean(value));
    }
}
