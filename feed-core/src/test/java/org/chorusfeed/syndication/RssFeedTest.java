package org.chorusfeed.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorusfeed.syndication.Fixtures.ADA;
import static org.chorusfeed.syndication.Fixtures.BOB;
import static org.chorusfeed.syndication.Fixtures.NOON;
import static org.chorusfeed.syndication.Fixtures.child;
import static org.chorusfeed.syndication.Fixtures.children;
import static org.chorusfeed.syndication.Fixtures.entry;
import static org.chorusfeed.syndication.Fixtures.feed;
import static org.chorusfeed.syndication.Fixtures.text;
import static org.chorusfeed.syndication.Fixtures.textPost;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.chorusfeed.post.Post;
import org.chorusfeed.text.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Element;

/** The RSS 2.0 feed, read back with the JDK's DOM parser. */
class RssFeedTest {
    private static final String NONE = "";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void rss_describesTheChannel_withTitleLinkDescriptionLanguageBuildDateAndSelfLink() {
        Element rss = parse(List.of());

        assertThat(rss.getLocalName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = child(rss, NONE, "channel");
        assertThat(text(channel, NONE, "title")).isEqualTo("Baltic Network");
        assertThat(text(channel, NONE, "link")).isEqualTo("https://hub.example/network/");
        assertThat(text(channel, NONE, "description")).isEqualTo("Everyone's work, in the order it happened");
        assertThat(text(channel, NONE, "language")).isEqualTo("en");
        assertThat(rfc822(text(channel, NONE, "lastBuildDate"))).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        Element self = child(channel, ATOM, "link");
        assertThat(self.getAttribute("rel")).isEqualTo("self");
        assertThat(self.getAttribute("type")).isEqualTo("application/rss+xml");
        assertThat(self.getAttribute("href")).isEqualTo("https://hub.example/chorus/feed.atom");
        assertThat(children(channel, NONE, "item")).isEmpty();
    }

    @Test
    void rss_withoutSubtitle_describesTheChannelByItsTitle() {
        FeedInfo feed = FeedInfo.of("Baltic Network", URI.create("https://hub.example/feed.rss"), Fixtures.SITE, NOON);

        Element rss = Fixtures.parseXml(Syndication.rss(feed, List.of())).getDocumentElement();

        Element channel = child(rss, NONE, "channel");
        assertThat(text(channel, NONE, "description")).isEqualTo("Baltic Network");
    }

    @Test
    void rss_keepsItemsInTheOrderGiven_newestFirst() {
        Post oldest = textPost(ADA, NOON.minusSeconds(120), "oldest");
        Post middle = textPost(BOB, NOON.minusSeconds(60), "middle");
        Post newest = textPost(ADA, NOON, "newest");

        Element channel = child(parse(List.of(entry(newest), entry(middle), entry(oldest))), NONE, "channel");

        assertThat(children(channel, NONE, "item")).extracting(i -> text(i, NONE, "title"))
                .containsExactly("newest", "middle", "oldest");
    }

    @Test
    void rss_item_carriesTitleLinkCreatorGuidAndPublicationDate() {
        Post post = Fixtures.edited(textPost(ADA, NOON, "Kick-off at the lab today"), NOON.plus(Duration.ofHours(1)));

        Element item = child(child(parse(List.of(entry(post))), NONE, "channel"), NONE, "item");

        assertThat(text(item, NONE, "title")).isEqualTo("Kick-off at the lab today");
        assertThat(text(item, NONE, "link")).isEqualTo("https://hub.example/network/?post=" + post.id());
        assertThat(text(item, DC, "creator")).isEqualTo("Ada Example (@ada, Baltic Lab)");
        Element guid = child(item, NONE, "guid");
        assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false");
        assertThat(guid.getTextContent()).isEqualTo("tag:hub.example,2026-11-30:post:" + post.id());
        assertThat(rfc822(text(item, NONE, "pubDate"))).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        assertThat(children(item, NONE, "author")).as("RSS author must be an e-mail address").isEmpty();
    }

    @Test
    void rss_itemImportedFromABlog_linksToTheOriginalAndCarriesItsTitle() {
        Post post = Fixtures.imported(textPost(BOB, NOON, "Notes from the ops room"),
                URI.create("https://bob.example/2026/notes?x=1&y=2"), "Notes <from> the ops room");

        Element item = child(child(parse(List.of(entry(post))), NONE, "channel"), NONE, "item");

        assertThat(text(item, NONE, "title")).isEqualTo("Notes <from> the ops room");
        assertThat(text(item, NONE, "link")).isEqualTo("https://bob.example/2026/notes?x=1&y=2");
        assertThat(text(item, DC, "creator")).isEqualTo("Bob O'Neil <Ops> (@bob)");
    }

    @Test
    void rss_item_describesThePostAsHtml_andListsItsTagsAsCategories() {
        Post post = Fixtures.post(BOB, NOON, new Segment.Text("Deploy done "), new Segment.Tag("#Ops", "Ops"),
                new Segment.Text(" "), new Segment.Tag("#ops", "ops"), new Segment.Text(" "),
                new Segment.Tag("#BalticLab", "BalticLab"), new Segment.Text("\n\nthanks "),
                new Segment.Mention("@ada", "ada"));

        Element item = child(child(parse(List.of(entry(post))), NONE, "channel"), NONE, "item");

        assertThat(text(item, NONE, "description"))
                .isEqualTo("<p>Deploy done #Ops #ops #BalticLab<br><br>thanks @ada</p>");
        assertThat(children(item, NONE, "category")).extracting(Element::getTextContent)
                .containsExactly("Ops", "BalticLab");
    }

    @ParameterizedTest
    @FieldSource("org.chorusfeed.syndication.Markup#XSS")
    void rss_markupInPostText_arrivesAsTextOnly(String hostile) {
        Post plain = textPost(BOB, NOON, hostile);
        Post linked = Fixtures.linkedPost(ADA, NOON.minusSeconds(1), hostile);

        Element channel = child(parse(List.of(entry(plain), entry(linked))), NONE, "channel");

        SoftAssertions softly = new SoftAssertions();
        for (Element item : children(channel, NONE, "item")) {
            Markup.assertTextOnly(softly, hostile, text(item, NONE, "description"), Fixtures.expectedText(hostile));
        }
        softly.assertAll();
    }

    @Test
    void rss_withCharactersXmlForbids_stillParses_andLeavesThemOut() {
        Post post = textPost(BOB, NOON, "ok\u0000\u0001\u001F\uFFFF\uDC00 <done>");

        Element item = child(child(parse(List.of(entry(post))), NONE, "channel"), NONE, "item");

        assertThat(text(item, NONE, "title")).isEqualTo("ok <done>");
        assertThat(text(item, NONE, "description")).isEqualTo("<p>ok &lt;done&gt;</p>");
    }

    private static Instant rfc822(String date) {
        return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private static Element parse(List<FeedEntry> entries) {
        return Fixtures.parseXml(Syndication.rss(feed(), entries)).getDocumentElement();
    }
}
