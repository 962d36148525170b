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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.chorusfeed.post.Post;
import org.chorusfeed.text.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Element;

/** The Atom 1.0 feed, read back with the JDK's DOM parser. */
class AtomFeedTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void atom_describesTheFeed_withTitleSubtitleIdLinksUpdatedAndLanguage() {
        Element feed = parse(List.of());

        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("en");
        assertThat(text(feed, ATOM, "title")).isEqualTo("Baltic Network");
        assertThat(text(feed, ATOM, "subtitle")).isEqualTo("Everyone's work, in the order it happened");
        assertThat(text(feed, ATOM, "id")).isEqualTo("https://hub.example/chorus/feed.atom");
        assertThat(text(feed, ATOM, "updated")).isEqualTo("2026-11-30T12:00:00.250Z");
        assertThat(children(feed, ATOM, "link")).extracting(l -> l.getAttribute("rel") + " " + l.getAttribute("type")
                + " " + l.getAttribute("href")).containsExactly(
                "self application/atom+xml https://hub.example/chorus/feed.atom",
                "alternate text/html https://hub.example/network/");
        assertThat(children(feed, ATOM, "entry")).isEmpty();
    }

    @Test
    void atom_keepsEntriesInTheOrderGiven_newestFirst() {
        Post older = textPost(ADA, NOON.minusSeconds(60), "older");
        Post newer = textPost(BOB, NOON, "newer");

        Element feed = parse(List.of(entry(newer), entry(older)));

        assertThat(children(feed, ATOM, "entry")).extracting(e -> text(e, ATOM, "summary"))
                .containsExactly("newer", "older");
    }

    @Test
    void atom_entry_carriesStableIdTitleLinkAuthorAndDates() {
        Post post = Fixtures.edited(textPost(ADA, NOON, "Kick-off at the lab today\nsecond line"),
                NOON.plus(Duration.ofMinutes(5)));

        Element entry = child(parse(List.of(entry(post))), ATOM, "entry");

        assertThat(text(entry, ATOM, "id")).isEqualTo("tag:hub.example,2026-11-30:post:" + post.id());
        assertThat(text(entry, ATOM, "title")).isEqualTo("Kick-off at the lab today");
        assertThat(child(entry, ATOM, "link").getAttribute("href"))
                .isEqualTo("https://hub.example/network/?post=" + post.id());
        assertThat(text(child(entry, ATOM, "author"), ATOM, "name")).isEqualTo("Ada Example (@ada, Baltic Lab)");
        assertThat(Instant.parse(text(entry, ATOM, "published"))).isEqualTo(NOON);
        assertThat(Instant.parse(text(entry, ATOM, "updated"))).isEqualTo(NOON.plus(Duration.ofMinutes(5)));
    }

    @Test
    void atom_entry_neverEdited_isUpdatedWhenPublished() {
        Element entry = child(parse(List.of(entry(textPost(BOB, NOON, "hello")))), ATOM, "entry");

        assertThat(text(entry, ATOM, "updated")).isEqualTo(text(entry, ATOM, "published"));
        assertThat(text(child(entry, ATOM, "author"), ATOM, "name")).isEqualTo("Bob O'Neil <Ops> (@bob)");
    }

    @Test
    void atom_entryImportedFromABlog_linksToTheOriginalAndCarriesItsTitle() {
        Post post = Fixtures.imported(textPost(ADA, NOON, "Our sensors survived the winter. https://blog.example/w"),
                URI.create("https://blog.example/winter"), "Sensors & the winter");

        Element entry = child(parse(List.of(entry(post))), ATOM, "entry");

        assertThat(text(entry, ATOM, "title")).isEqualTo("Sensors & the winter");
        assertThat(child(entry, ATOM, "link").getAttribute("href")).isEqualTo("https://blog.example/winter");
        assertThat(text(entry, ATOM, "id")).isEqualTo("tag:hub.example,2026-11-30:post:" + post.id());
    }

    @Test
    void atom_entry_hasThePlainTextAsSummaryAndTheSegmentsAsHtmlContent() {
        Post post = Fixtures.post(ADA, NOON, new Segment.Text("Kick-off at "),
                new Segment.Tag("#BalticLab", "BalticLab"),
                new Segment.Text(" with "), new Segment.Mention("@bob", "bob"), new Segment.Text("\nsee "),
                new Segment.Link("https://example.org/kickoff", "https://example.org/kickoff?a=1&b=2"));

        Element entry = child(parse(List.of(entry(post))), ATOM, "entry");

        Element summary = child(entry, ATOM, "summary");
        Element content = child(entry, ATOM, "content");
        assertThat(summary.getAttribute("type")).isEqualTo("text");
        assertThat(summary.getTextContent()).isEqualTo(post.text());
        assertThat(content.getAttribute("type")).isEqualTo("html");
        assertThat(content.getTextContent()).isEqualTo("<p>Kick-off at #BalticLab with @bob<br>see "
                + "<a href=\"https://example.org/kickoff?a=1&amp;b=2\" rel=\"nofollow ugc\">"
                + "https://example.org/kickoff</a></p>");
        assertThat(children(entry, ATOM, "category")).extracting(c -> c.getAttribute("term"))
                .containsExactly("BalticLab");
    }

    @ParameterizedTest
    @FieldSource("org.chorusfeed.syndication.Markup#XSS")
    void atom_markupInPostText_arrivesAsTextOnly(String hostile) {
        Post plain = textPost(BOB, NOON, hostile);
        Post linked = Fixtures.linkedPost(ADA, NOON.minusSeconds(1), hostile);

        List<Element> entries = children(parse(List.of(entry(plain), entry(linked))), ATOM, "entry");

        SoftAssertions softly = new SoftAssertions();
        for (Element entry : entries) {
            softly.assertThat(text(entry, ATOM, "summary")).isEqualTo(Fixtures.expectedText(hostile));
            Markup.assertTextOnly(softly, hostile, text(entry, ATOM, "content"), Fixtures.expectedText(hostile));
        }
        softly.assertAll();
    }

    @Test
    void atom_withCharactersXmlForbids_stillParses_andLeavesThemOut() {
        Post post = textPost(ADA, NOON, "a\u0000b\u0008c\u000Bd\uFFFEe\uFFFFf\uD800g\r\nh \uD83D\uDE00 i");
        FeedInfo feed = new FeedInfo("Feed\u0001 title", Fixtures.feed().selfUrl(), Fixtures.SITE,
                Optional.of("sub\u0002title"), NOON, "en");

        Element root = Fixtures.parseXml(Syndication.atom(feed, List.of(entry(post)))).getDocumentElement();

        assertThat(text(root, ATOM, "title")).isEqualTo("Feed title");
        assertThat(text(root, ATOM, "subtitle")).isEqualTo("subtitle");
        assertThat(text(child(root, ATOM, "entry"), ATOM, "summary")).isEqualTo("abcdefg\nh \uD83D\uDE00 i");
    }

    private static Element parse(List<FeedEntry> entries) {
        byte[] atom = Syndication.atom(feed(), entries);
        assertThat(new String(atom, StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"");
        return Fixtures.parseXml(atom).getDocumentElement();
    }
}
