package org.chorusfeed.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorusfeed.syndication.Fixtures.ADA;
import static org.chorusfeed.syndication.Fixtures.BOB;
import static org.chorusfeed.syndication.Fixtures.NOON;
import static org.chorusfeed.syndication.Fixtures.entry;
import static org.chorusfeed.syndication.Fixtures.feed;
import static org.chorusfeed.syndication.Fixtures.textPost;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.chorusfeed.post.Post;
import org.chorusfeed.text.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON Feed 1.1 document, read back with Jackson. */
class JsonFeedTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void jsonFeed_describesTheFeed_withVersionTitleUrlsDescriptionAndLanguage() {
        JsonNode feed = parse(List.of());

        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asString()).isEqualTo("Baltic Network");
        assertThat(feed.get("home_page_url").asString()).isEqualTo("https://hub.example/network/");
        assertThat(feed.get("feed_url").asString()).isEqualTo("https://hub.example/chorus/feed.atom");
        assertThat(feed.get("description").asString()).isEqualTo("Everyone's work, in the order it happened");
        assertThat(feed.get("language").asString()).isEqualTo("en");
        assertThat(feed.get("items").isArray()).isTrue();
        assertThat(feed.get("items")).isEmpty();
    }

    @Test
    void jsonFeed_withoutSubtitle_hasNoDescription_ratherThanNull() {
        FeedInfo info = FeedInfo.of("Baltic Network", URI.create("https://hub.example/feed.json"), Fixtures.SITE, NOON);

        JsonNode feed = JSON.readTree(Syndication.jsonFeed(info, List.of()));

        assertThat(feed.has("description")).isFalse();
    }

    @Test
    void jsonFeed_keepsItemsInTheOrderGiven_newestFirst() {
        Post older = textPost(BOB, NOON.minusMillis(1), "older");
        Post newer = textPost(ADA, NOON, "newer");

        JsonNode items = parse(List.of(entry(newer), entry(older))).get("items");

        assertThat(items.valueStream().map(i -> i.get("content_text").asString())).containsExactly("newer", "older");
    }

    @Test
    void jsonFeed_item_carriesStringIdUrlTitleAuthorAndDates() {
        Post post = Fixtures.edited(textPost(ADA, NOON, "Kick-off at the lab today"), NOON.plus(Duration.ofDays(1)));

        JsonNode item = parse(List.of(entry(post))).get("items").get(0);

        assertThat(item.get("id").isString()).isTrue();
        assertThat(item.get("id").asString()).isEqualTo("tag:hub.example,2026-11-30:post:" + post.id());
        assertThat(item.get("url").asString()).isEqualTo("https://hub.example/network/?post=" + post.id());
        assertThat(item.get("title").asString()).isEqualTo("Kick-off at the lab today");
        assertThat(item.get("authors").get(0).get("name").asString()).isEqualTo("Ada Example (@ada, Baltic Lab)");
        assertThat(Instant.parse(item.get("date_published").asString())).isEqualTo(NOON);
        assertThat(Instant.parse(item.get("date_modified").asString())).isEqualTo(NOON.plus(Duration.ofDays(1)));
    }

    @Test
    void jsonFeed_itemNeverEdited_hasNoModificationDate_andNoTagsWhenItHasNone() {
        JsonNode item = parse(List.of(entry(textPost(BOB, NOON, "plain")))).get("items").get(0);

        assertThat(item.has("date_modified")).isFalse();
        assertThat(item.has("tags")).isFalse();
        assertThat(item.properties()).noneMatch(property -> property.getValue().isNull());
    }

    @Test
    void jsonFeed_itemImportedFromABlog_linksToTheOriginalAndCarriesItsTitle() {
        Post post = Fixtures.imported(textPost(ADA, NOON, "Winter notes"), URI.create("https://blog.example/winter"),
                "  Winter notes, part 2  ");

        JsonNode item = parse(List.of(entry(post))).get("items").get(0);

        assertThat(item.get("url").asString()).isEqualTo("https://blog.example/winter");
        assertThat(item.get("title").asString()).isEqualTo("Winter notes, part 2");
    }

    @Test
    void jsonFeed_item_hasTheExactTextAndTheSegmentsAsHtmlAndTheTags() {
        Post post = Fixtures.post(ADA, NOON, new Segment.Text("Slides: "),
                new Segment.Link("example.org/s", "https://example.org/s"), new Segment.Text(" "),
                new Segment.Tag("#BalticLab", "BalticLab"));

        JsonNode item = parse(List.of(entry(post))).get("items").get(0);

        assertThat(item.get("content_text").asString()).isEqualTo("Slides: example.org/s #BalticLab");
        assertThat(item.get("content_html").asString()).isEqualTo(
                "<p>Slides: <a href=\"https://example.org/s\" rel=\"nofollow ugc\">example.org/s</a> #BalticLab</p>");
        assertThat(item.get("tags").valueStream().map(JsonNode::asString)).containsExactly("BalticLab");
    }

    @ParameterizedTest
    @FieldSource("org.chorusfeed.syndication.Markup#XSS")
    void jsonFeed_markupInPostText_arrivesAsTextOnly(String hostile) {
        Post plain = textPost(BOB, NOON, hostile);
        Post linked = Fixtures.linkedPost(ADA, NOON.minusSeconds(1), hostile);

        JsonNode items = parse(List.of(entry(plain), entry(linked))).get("items");

        SoftAssertions softly = new SoftAssertions();
        for (JsonNode item : items) {
            softly.assertThat(item.get("content_text").asString()).isEqualTo(Fixtures.expectedText(hostile));
            Markup.assertTextOnly(softly, hostile, item.get("content_html").asString(), Fixtures.expectedText(hostile));
        }
        softly.assertAll();
    }

    @Test
    void jsonFeed_withUnpairedSurrogatesAndControlCharacters_stillParses_andSaysWhatTheXmlFeedsSay() {
        Post post = textPost(ADA, NOON, "a\uD800b\u0000c\uDFFFd \uD83C\uDDE9\uD83C\uDDEA");

        JsonNode item = parse(List.of(entry(post))).get("items").get(0);

        assertThat(item.get("content_text").asString()).isEqualTo("abcd \uD83C\uDDE9\uD83C\uDDEA");
    }

    private static JsonNode parse(List<FeedEntry> entries) {
        return JSON.readTree(Syndication.jsonFeed(feed(), entries));
    }
}
