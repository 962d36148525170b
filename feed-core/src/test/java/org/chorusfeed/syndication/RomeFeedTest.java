package org.chorusfeed.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.chorusfeed.syndication.Fixtures.ADA;
import static org.chorusfeed.syndication.Fixtures.BOB;
import static org.chorusfeed.syndication.Fixtures.NOON;
import static org.chorusfeed.syndication.Fixtures.entry;
import static org.chorusfeed.syndication.Fixtures.feed;
import static org.chorusfeed.syndication.Fixtures.textPost;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.chorusfeed.post.Post;
import org.chorusfeed.text.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

/** The Atom and RSS feeds as ROME, a feed reader's parser written by others, reads them. */
class RomeFeedTest {
    private static final Post KICK_OFF = Fixtures.edited(Fixtures.post(ADA, NOON, new Segment.Text("Kick-off at "),
            new Segment.Tag("#BalticLab", "BalticLab"), new Segment.Text(" today\nslides: "),
            new Segment.Link("https://example.org/s", "https://example.org/s?a=1&b=2")),
            NOON.plus(Duration.ofMinutes(9)));
    private static final Post BLOG = Fixtures.imported(textPost(BOB, NOON.minusSeconds(60), "Ops notes"),
            URI.create("https://bob.example/ops"), "Ops <notes> & more");

    /** The XML formats ROME reads. */
    enum XmlFormat {
        ATOM(FeedFormat.ATOM, "atom_1.0"),
        RSS(FeedFormat.RSS, "rss_2.0");

        final FeedFormat format;
        final String romeType;

        XmlFormat(FeedFormat format, String romeType) {
            this.format = format;
            this.romeType = romeType;
        }
    }

    @ParameterizedTest
    @EnumSource(XmlFormat.class)
    void rome_readsTheFeedsTypeTitleAndDescription(XmlFormat xml) {
        SyndFeed feed = read(xml, List.of());

        assertThat(feed.getFeedType()).isEqualTo(xml.romeType);
        assertThat(feed.getTitle()).isEqualTo("Baltic Network");
        assertThat(feed.getDescription()).isEqualTo("Everyone's work, in the order it happened");
        assertThat(feed.getEntries()).isEmpty();
    }

    @Test
    void rome_atom_readsTheSiteAndSelfLinksAndTheUpdateTime() {
        SyndFeed feed = read(XmlFormat.ATOM, List.of());

        assertThat(feed.getLinks()).extracting(SyndLink::getRel, SyndLink::getHref).containsExactly(
                tuple("alternate", "https://hub.example/network/"),
                tuple("self", "https://hub.example/chorus/feed.atom"));
        assertThat(feed.getPublishedDate().toInstant()).isEqualTo(NOON);
    }

    @Test
    void rome_rss_readsTheSiteLinkLanguageAndBuildTime() {
        SyndFeed feed = read(XmlFormat.RSS, List.of());

        assertThat(feed.getLink()).isEqualTo("https://hub.example/network/");
        assertThat(feed.getLanguage()).isEqualTo("en");
        assertThat(feed.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
    }

    @ParameterizedTest
    @EnumSource(XmlFormat.class)
    void rome_readsEntriesInTheOrderGiven_withIdTitleLinkAuthorAndDate(XmlFormat xml) {
        List<SyndEntry> entries = read(xml, List.of(entry(KICK_OFF), entry(BLOG))).getEntries();

        assertThat(entries).extracting(SyndEntry::getTitle).containsExactly("Kick-off at #BalticLab today",
                "Ops <notes> & more");
        assertThat(entries).extracting(SyndEntry::getLink).containsExactly(
                "https://hub.example/network/?post=" + KICK_OFF.id(), "https://bob.example/ops");
        assertThat(entries).extracting(SyndEntry::getUri).containsExactly(
                "tag:hub.example,2026-11-30:post:" + KICK_OFF.id(), "tag:hub.example,2026-11-30:post:" + BLOG.id());
        assertThat(entries).extracting(SyndEntry::getAuthor).containsExactly("Ada Example (@ada, Baltic Lab)",
                "Bob O'Neil <Ops> (@bob)");
        assertThat(entries.get(0).getPublishedDate().toInstant()).isEqualTo(xml == XmlFormat.ATOM ? NOON
                : Instant.parse("2026-11-30T12:00:00Z"));
        assertThat(entries.get(0).getCategories()).extracting(SyndCategory::getName).containsExactly("BalticLab");
    }

    @Test
    void rome_atom_readsTheEditAsUpdated_theTextAsSummary_andTheHtmlAsContent() {
        SyndEntry entry = read(XmlFormat.ATOM, List.of(entry(KICK_OFF))).getEntries().get(0);

        assertThat(entry.getUpdatedDate().toInstant()).isEqualTo(NOON.plus(Duration.ofMinutes(9)));
        assertThat(entry.getDescription().getValue()).isEqualTo(KICK_OFF.text());
        SyndContent content = entry.getContents().get(0);
        assertThat(content.getType()).isEqualTo("html");
        assertThat(content.getValue()).isEqualTo("<p>Kick-off at #BalticLab today<br>slides: "
                + "<a href=\"https://example.org/s?a=1&amp;b=2\" rel=\"nofollow ugc\">https://example.org/s</a></p>");
    }

    @Test
    void rome_rss_readsTheHtmlAsDescription() {
        SyndEntry entry = read(XmlFormat.RSS, List.of(entry(KICK_OFF))).getEntries().get(0);

        assertThat(entry.getDescription().getValue()).startsWith("<p>Kick-off at #BalticLab today<br>slides: <a ");
    }

    @ParameterizedTest
    @FieldSource("org.chorusfeed.syndication.Markup#XSS")
    void rome_markupInPostText_arrivesAsTextOnly_inAtomAndRss(String hostile) {
        List<FeedEntry> entries = List.of(entry(textPost(BOB, NOON, hostile)),
                entry(Fixtures.linkedPost(ADA, NOON.minusSeconds(1), hostile)));

        SoftAssertions softly = new SoftAssertions();
        for (SyndEntry entry : read(XmlFormat.ATOM, entries).getEntries()) {
            softly.assertThat(entry.getDescription().getValue()).isEqualTo(Fixtures.expectedText(hostile));
            Markup.assertTextOnly(softly, "atom: " + hostile, entry.getContents().get(0).getValue(),
                    Fixtures.expectedText(hostile));
        }
        for (SyndEntry entry : read(XmlFormat.RSS, entries).getEntries()) {
            Markup.assertTextOnly(softly, "rss: " + hostile, entry.getDescription().getValue(),
                    Fixtures.expectedText(hostile));
        }
        softly.assertAll();
    }

    @Test
    void rome_withEveryCorpusVector_readsAtomAndRss_andEveryEntryIsTextOnly() throws IOException {
        List<String> vectors = XssCorpusTest.readVectors();
        List<FeedEntry> entries = XssCorpusTest.entries(vectors);

        List<SyndEntry> atom = read(XmlFormat.ATOM, entries).getEntries();
        List<SyndEntry> rss = read(XmlFormat.RSS, entries).getEntries();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(atom).hasSize(entries.size());
        softly.assertThat(rss).hasSize(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String expected = Fixtures.expectedText(vectors.get(i / 2));
            String description = XssCorpusTest.describe(vectors, i);
            softly.assertThat(atom.get(i).getDescription().getValue()).as(description).isEqualTo(expected);
            Markup.assertTextOnly(softly, "atom " + description, atom.get(i).getContents().get(0).getValue(), expected);
            Markup.assertTextOnly(softly, "rss " + description, rss.get(i).getDescription().getValue(), expected);
        }
        softly.assertAll();
    }

    private static SyndFeed read(XmlFormat xml, List<FeedEntry> entries) {
        byte[] document = Syndication.write(xml.format, feed(), entries);
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(document))) {
            return new SyndFeedInput().build(reader);
        } catch (Exception e) {
            throw new AssertionError("ROME cannot read the " + xml + " feed: " + e.getMessage(), e);
        }
    }
}
