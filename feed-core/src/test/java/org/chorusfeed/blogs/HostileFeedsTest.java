package org.chorusfeed.blogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.chorusfeed.text.Segment;
import org.chorusfeed.text.TextRules;
import org.junit.jupiter.api.Test;

/**
 * Feeds that attack or are broken: no file content, no expansion, no markup, no crash; a clear refusal where
 * nothing can be read.
 */
class HostileFeedsTest {
    private static final Duration QUICKLY = Duration.ofSeconds(2);
    private static final TextRules RULES = TextRules.defaults();

    @Test
    void xxe_yieldsNoFileContent_andNoLookup_quickly() {
        ParsedFeed feed = assertTimeoutPreemptively(QUICKLY,
                () -> Fixtures.parse("xxe.rss", "application/rss+xml", "https://xxe.example/feed"));

        BlogEntry entry = feed.entries().get(0);
        assertThat(entry.title()).isEqualTo("Read me &xxe;");
        assertThat(entry.excerpt()).isEqualTo("Secrets: &xxe; and &remote;");
        assertThat(feed.toString()).doesNotContain("root:").doesNotContain("/bin/").doesNotContain("ami-id");
    }

    @Test
    void billionLaughs_expandsNothing_quickly() {
        ParsedFeed feed = assertTimeoutPreemptively(QUICKLY,
                () -> Fixtures.parse("billion-laughs.rss", "text/xml", "https://laughs.example/feed"));

        assertThat(feed.title()).isEqualTo("Laughing &lol9;");
        assertThat(feed.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("Ha &lol9;");
            assertThat(entry.excerpt()).isEqualTo("&lol9;&lol9;&lol9;");
        });
    }

    @Test
    void scriptsAndEventHandlers_leaveOnlyTheTextAReaderWouldSee() throws Exception {
        ParsedFeed feed = Fixtures.parse("hostile-content.rss", "text/xml", "https://hostile.example/feed");

        assertThat(feed.title()).isEqualTo("Hostile but harmless");
        assertThat(feed.entries()).extracting(BlogEntry::title).containsExactly("Handlers everywhere",
                "Scripts in the title", "Raw markup in the description", "Bidi txet desrever and a tab here");
        assertThat(feed.entries()).extracting(BlogEntry::excerpt).containsExactly("Click me a link and the end.",
                "Escaped <b>twice</b> stays text.", "Raw tags in XML.", "Line one Line two bell");
        for (BlogEntry entry : feed.entries()) {
            String text = entry.toPostText(RULES);
            assertThat(text).doesNotContain("alert").doesNotContainIgnoringCase("onerror").doesNotContain("javascript:")
                    .doesNotContain("<script").doesNotContain("\u202E").doesNotContain("\t").doesNotContain("\u0007");
            List<Segment> segments = RULES.parse(text, handle -> false).segments();
            assertThat(segments.get(segments.size() - 1)).isEqualTo(new Segment.Link(entry.link().orElseThrow().toString(),
                    entry.link().orElseThrow().toString()));
        }
    }

    @Test
    void malformedXml_givesWhatCanBeRead() throws Exception {
        ParsedFeed feed = Fixtures.parse("malformed.rss", "text/xml", "https://broken.example/feed");

        assertThat(feed.title()).isEqualTo("Half a feed & a stray ampersand");
        assertThat(feed.entries()).first().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("First item is fine");
            assertThat(entry.link()).contains(URI.create("https://broken.example/one"));
        });
        assertThat(feed.entries()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void wrongRootElement_isRefusedNamingIt() {
        assertThatThrownBy(() -> Fixtures.parse("wrong-root.xml", "application/xml", "https://books.example/catalog.xml"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("the XML document's root element is <catalog>; a feed's is <rss>, <feed> or <rdf:RDF>");
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"><item><title>no channel</title></item></rss>"))
                .isInstanceOf(FeedFormatException.class).hasMessage("the RSS document has no <channel>");
    }

    @Test
    void jsonThatIsNoJsonFeed_isRefused() {
        assertThatThrownBy(() -> Fixtures.parse("not-a-jsonfeed.json", "application/json", "https://api.example/v1"))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("not a JSON Feed");
        assertThatThrownBy(() -> parse("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [")).isInstanceOf(
                FeedFormatException.class).hasMessage("the JSON document is not well-formed JSON");
        assertThatThrownBy(() -> parse("[1, 2, 3]")).isInstanceOf(FeedFormatException.class).hasMessageContaining("not an object");
    }

    @Test
    void deeplyNestedDocuments_neitherOverflowTheStackNorHang() {
        String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String xml = "<rss version=\"2.0\"><channel><title>deep</title><item><title>x</title><description>"
                + "<div>".repeat(50_000) + "deep text" + "</div>".repeat(50_000) + "</description></item></channel></rss>";

        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> parse(json)).isInstanceOf(FeedFormatException.class));
        ParsedFeed feed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parse(xml));
        assertThat(feed.entries()).singleElement().extracting(BlogEntry::title).isEqualTo("x");
    }

    @Test
    void hugeEntry_costsNoMoreThanItsExcerpt() {
        String paragraph = "<p>" + "Kelp grows fast in cold water, faster than anyone expected. ".repeat(40) + "</p>";
        String rss = "<rss version=\"2.0\"><channel><title>Huge</title><item><title>" + "Very long title ".repeat(5000)
                + "</title><link>https://huge.example/1</link><description><![CDATA[" + paragraph.repeat(2000)
                + "]]></description></item></channel></rss>";
        assertThat(rss.length()).isGreaterThan(4_000_000);

        ParsedFeed feed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parse(rss));

        BlogEntry entry = feed.entries().get(0);
        assertThat(RULES.length(entry.title())).isLessThanOrEqualTo(Entries.MAX_TITLE_LENGTH);
        assertThat(entry.title()).as("cut after a whole word").matches("(Very long title )+(Very|Very long)…");
        assertThat(RULES.length(entry.excerpt())).isLessThanOrEqualTo(280);
        assertThat(entry.excerpt()).startsWith("Kelp grows fast in cold water").endsWith("…");
        assertThat(RULES.length(entry.toPostText(RULES))).isLessThanOrEqualTo(500);
    }

    @Test
    void notAFeedAtAll_isRefusedSayingWhat() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

        assertThatThrownBy(() -> BlogFeeds.defaults().read(png, "image/png", URI.create("https://img.example/a.png")))
                .isInstanceOf(FeedFormatException.class).hasMessage("the document is not a feed: it is neither XML, JSON nor HTML");
        assertThatThrownBy(() -> parse("   \n  ")).isInstanceOf(FeedFormatException.class).hasMessage("the document is empty");
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><!-- nothing -->")).isInstanceOf(FeedFormatException.class)
                .hasMessage("the XML document has no root element");
    }

    private static ParsedFeed parse(String document) throws FeedFormatException {
        return BlogFeeds.defaults().parse(document.getBytes(StandardCharsets.UTF_8), "", URI.create("https://hostile.example/feed"));
    }
}
