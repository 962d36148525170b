package org.chorusfeed.blogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.text.TextRules;
import org.junit.jupiter.api.Test;

/** Each format, read from fixtures shaped like real blogs: the entries a member's readers would see. */
class BlogFeedsTest {
    private static final TextRules RULES = TextRules.defaults();

    @Test
    void wordpressRss_givesTitlesExcerptsLinksAndDates_asPlainText() throws Exception {
        ParsedFeed feed = Fixtures.parse("wordpress.rss", "application/rss+xml; charset=UTF-8",
                "https://baltic-lab.example/feed/");

        assertThat(feed.format()).isEqualTo(FeedFormat.RSS);
        assertThat(feed.title()).isEqualTo("Baltic Lab Notes");
        assertThat(feed.siteLink()).contains(URI.create("https://baltic-lab.example"));
        assertThat(feed.entries()).hasSize(2);
        BlogEntry kickOff = feed.entries().get(0);
        assertThat(kickOff.title()).isEqualTo("Kick-off at last – sensors in the water");
        assertThat(kickOff.excerpt()).isEqualTo("We lowered the first three sensor buoys off Hiddensee this morning. "
                + "The water was 7 °C and nobody fell in. The post Kick-off at last appeared first on Baltic Lab Notes.");
        assertThat(kickOff.link()).contains(URI.create("https://baltic-lab.example/2026/11/28/kick-off-at-last/"));
        assertThat(kickOff.date()).contains(Instant.parse("2026-11-28T09:12:44Z"));
        assertThat(kickOff.key()).isEqualTo("id:https://baltic-lab.example/?p=412");
        assertThat(kickOff.toPostText(RULES)).isEqualTo("Kick-off at last – sensors in the water — We lowered the "
                + "first three sensor buoys off Hiddensee this morning. The water was 7 °C and nobody fell in. The post "
                + "Kick-off at last appeared first on Baltic Lab Notes. "
                + "https://baltic-lab.example/2026/11/28/kick-off-at-last/");
        assertThat(feed.entries().get(1).title()).isEqualTo("Why we log salinity every 10 minutes");
        assertThat(feed.entries().get(1).excerpt()).isEqualTo("Short answer: tides. Long answer below, with charts. […]");
    }

    @Test
    void bloggerAtom_readsTextHtmlAndXhtmlConstructs_andRelativeLinks() throws Exception {
        ParsedFeed feed = Fixtures.parse("blogger.atom", "application/atom+xml",
                "https://kfw.blogspot.example/feeds/posts/default");

        assertThat(feed.format()).isEqualTo(FeedFormat.ATOM);
        assertThat(feed.title()).isEqualTo("Kieler Fischerei-Werkstatt");
        assertThat(feed.siteLink()).contains(URI.create("https://kfw.blogspot.example/"));
        BlogEntry nets = feed.entries().get(0);
        assertThat(nets.title()).as("a type=text title keeps its angle brackets as text")
                .isEqualTo("Netze flicken: <Werkstatt> am Samstag");
        assertThat(nets.excerpt()).isEqualTo("Am Samstag flicken wir Stellnetze. Bringt Handschuhe mit! Anfahrt");
        assertThat(nets.link()).contains(URI.create("https://kfw.blogspot.example/2026/11/netze-flicken.html"));
        assertThat(nets.date()).contains(Instant.parse("2026-11-27T17:30:00.003Z"));
        assertThat(nets.key()).isEqualTo("id:tag:blogger.com,1999:blog-7301151522.post-5528842");
        BlogEntry quotas = feed.entries().get(1);
        assertThat(quotas.title()).isEqualTo("Fangquoten 2027 & was sie bedeuten");
        assertThat(quotas.excerpt()).as("the summary wins over the content")
                .isEqualTo("Eine kurze Einordnung der neuen Quoten für Dorsch und Hering.");
        assertThat(quotas.link()).contains(URI.create("https://kfw.blogspot.example/2026/11/fangquoten-2027.html"));
        assertThat(quotas.date()).as("published, not updated").contains(Instant.parse("2026-11-02T08:05:00.001Z"));
    }

    @Test
    void jsonFeed_readsItemsWithAndWithoutTitlesLinksAndDates() throws Exception {
        ParsedFeed feed = Fixtures.parse("jsonfeed.json", "application/feed+json", "https://reefwatch.example/feed.json");

        assertThat(feed.format()).isEqualTo(FeedFormat.JSON_FEED);
        assertThat(feed.title()).isEqualTo("Riga Reef Watch");
        assertThat(feed.siteLink()).contains(URI.create("https://reefwatch.example/"));
        assertThat(feed.entries()).extracting(BlogEntry::title)
                .containsExactly("Dive log 14: the mussel beds recover", "", "A paper worth reading");
        assertThat(feed.entries().get(0).excerpt()).isEqualTo("Visibility 6 m; the mussel beds we mapped in spring have doubled.");
        assertThat(feed.entries().get(0).date()).contains(Instant.parse("2026-11-26T05:45:00Z"));
        BlogEntry untitled = feed.entries().get(1);
        assertThat(untitled.key()).isEqualTo("id:13");
        assertThat(untitled.link()).contains(URI.create("https://reefwatch.example/2026/dive-log-13"));
        assertThat(untitled.toPostText(RULES)).isEqualTo("Short dive today. Cold, grey, and a seal watched us the whole "
                + "time. https://reefwatch.example/2026/dive-log-13");
        BlogEntry pinned = feed.entries().get(2);
        assertThat(pinned.link()).as("external_url is someone else's page, not the entry").isEmpty();
        assertThat(pinned.date()).isEmpty();
        assertThat(pinned.toPostText(RULES)).isEqualTo("A paper worth reading — Pinned for the whole team.");
    }

    @Test
    void hFeed_readsTheEntries_notTheAuthorsCardOrQuotedPosts() throws Exception {
        ParsedFeed feed = Fixtures.parse("h-feed.html", "text/html; charset=utf-8", "https://kelp.example/journal/index.html");

        assertThat(feed.format()).isEqualTo(FeedFormat.H_FEED);
        assertThat(feed.title()).isEqualTo("Kelp Collective journal");
        assertThat(feed.siteLink()).contains(URI.create("https://kelp.example/journal/"));
        assertThat(feed.entries()).hasSize(3);
        BlogEntry harvest = feed.entries().get(0);
        assertThat(harvest.title()).isEqualTo("Harvest trial, week two");
        assertThat(harvest.excerpt()).isEqualTo("The second cut grew back faster than the first. click");
        assertThat(harvest.link()).contains(URI.create("https://kelp.example/journal/2026/harvest-trial"));
        assertThat(harvest.date()).contains(Instant.parse("2026-11-25T13:00:00Z"));
        BlogEntry note = feed.entries().get(1);
        assertThat(note.title()).as("a note's name is its text: shown once").isEmpty();
        assertThat(note.toPostText(RULES)).isEqualTo("Boat is back from the yard. Same blue, new engine. "
                + "https://kelp.example/journal/notes/7");
        assertThat(note.date()).contains(Instant.parse("2026-11-24T00:00:00Z"));
        BlogEntry draft = feed.entries().get(2);
        assertThat(draft.title()).isEqualTo("A draft with nothing linked");
        assertThat(draft.excerpt()).isEqualTo("Written on paper first.");
        assertThat(draft.link()).as("the quoted post's u-url belongs to the h-cite").isEmpty();
    }

    @Test
    void rss1_isReadToo() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss1.rdf", "application/rdf+xml", "https://old.example/index.rdf");

        assertThat(feed.title()).isEqualTo("An RSS 1.0 survivor");
        assertThat(feed.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("Still here");
            assertThat(entry.excerpt()).isEqualTo("Twenty-odd years of RDF.");
            assertThat(entry.date()).contains(Instant.parse("2026-11-21T08:00:00Z"));
            assertThat(entry.key()).isEqualTo("id:https://old.example/2026/11/still-here");
        });
    }

    @Test
    void pageWithAlternateLinks_namesItsFeeds_mainFirstCommentsLast_webLinksOnly() throws Exception {
        byte[] page = Fixtures.bytes("alternates.html");
        URI url = URI.create("https://ada.example/blog/");
        List<URI> expected = List.of(URI.create("https://ada.example/feed/"), URI.create("https://ada.example/atom.xml"),
                URI.create("https://ada.example/blog/feed.json"), URI.create("https://ada.example/comments/feed/"));

        assertThat(BlogFeeds.defaults().read(page, "text/html", url)).isEqualTo(new FeedLinks(expected));
        assertThat(BlogFeeds.defaults().discover(page, "text/html", url)).isEqualTo(expected);
        assertThatThrownBy(() -> BlogFeeds.defaults().parse(page, "text/html", url))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("the document is a web page, not a feed; it names its feed at https://ada.example/feed/");
        assertThat(BlogFeeds.defaults().discover(Fixtures.bytes("wordpress.rss"), "text/html", url)).isEmpty();
    }

    @Test
    void pageWithoutFeedOrHFeed_isRefusedSayingSo() {
        byte[] page = "<!doctype html><title>Just a page</title><p>Hello".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BlogFeeds.defaults().read(page, "text/html", URI.create("https://plain.example/")))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("names no feed").hasMessageContaining("h-feed");
    }

    @Test
    void encoding_declaredInTheXml_orInTheHeader_isHonoured() throws Exception {
        ParsedFeed latin1 = Fixtures.parse("latin1.rss", "text/xml", "https://cafe.example/feed");
        String undeclared = "<rss version=\"2.0\"><channel><title>Ärger über Öl</title><item><title>Crème brûlée</title>"
                + "<link>https://cafe.example/creme</link></item></channel></rss>";
        ParsedFeed windows = BlogFeeds.defaults().parse(undeclared.getBytes(Charset.forName("windows-1252")),
                "application/rss+xml; charset=windows-1252", URI.create("https://cafe.example/feed"));

        assertThat(latin1.title()).isEqualTo("Café Müller – Straßenfest");
        assertThat(latin1.entries().get(0).title()).isEqualTo("Grüße vom Straßenfest");
        assertThat(latin1.entries().get(0).excerpt()).isEqualTo("Kaffee für 2 £, Kuchen für 3 £. € geht auch.");
        assertThat(windows.title()).isEqualTo("Ärger über Öl");
        assertThat(windows.entries().get(0).title()).isEqualTo("Crème brûlée");
    }

    @Test
    void mislabelledDocuments_areReadForWhatTheyAre() throws Exception {
        BlogFeeds feeds = BlogFeeds.defaults();

        FeedDocument rssAsHtml = feeds.read(Fixtures.bytes("wordpress.rss"), "text/html", URI.create("https://baltic-lab.example/feed/"));
        FeedDocument jsonAsText = feeds.read(Fixtures.bytes("jsonfeed.json"), "text/plain", URI.create("https://reefwatch.example/feed.json"));
        FeedDocument pageAsXml = feeds.read(Fixtures.bytes("h-feed.html"), "text/xml", URI.create("https://kelp.example/journal/"));

        assertThat(rssAsHtml).isInstanceOfSatisfying(ParsedFeed.class, feed -> assertThat(feed.format()).isEqualTo(FeedFormat.RSS));
        assertThat(jsonAsText).isInstanceOfSatisfying(ParsedFeed.class, feed -> assertThat(feed.format()).isEqualTo(FeedFormat.JSON_FEED));
        assertThat(pageAsXml).isInstanceOfSatisfying(ParsedFeed.class, feed -> assertThat(feed.format()).isEqualTo(FeedFormat.H_FEED));
    }

    @Test
    void relativeLinks_resolveAgainstTheFeed_andOnlyWebLinksWithoutCredentialsSurvive() throws Exception {
        ParsedFeed feed = Fixtures.parse("relative-links.rss", "text/xml", "https://rel.example/blog/feed.xml");

        assertThat(feed.siteLink()).contains(URI.create("https://rel.example/"));
        assertThat(feed.entries()).extracting(entry -> entry.link().map(URI::toString).orElse("none")).containsExactly(
                "https://rel.example/2026/11/root-relative/",
                "https://rel.example/blog/posts/path-relative.html",
                "https://cdn.rel.example/mirror/post",
                "https://rel.example/guid-is-the-link",
                "none",
                "none",
                "https://rel.example/up/a%20page.html");
        assertThat(feed.entries().get(4).toPostText(RULES)).isEqualTo("Not a web link");
    }

    @Test
    void futureAndMissingDates_placeEntriesNoLaterThanTheirArrival() throws Exception {
        Instant arrival = Instant.parse("2026-11-30T10:00:00Z");
        ParsedFeed future = Fixtures.parse("future-dates.rss", "", "https://clock.example/rss");
        ParsedFeed undated = Fixtures.parse("missing-dates.atom", "", "https://undated.example/atom");

        assertThat(future.entries()).extracting(entry -> entry.timeIn(arrival)).containsExactly(arrival, arrival,
                Instant.parse("2026-11-23T15:30:00Z"), Instant.parse("2026-11-22T10:30:00Z"));
        assertThat(future.entries().get(0).date()).as("what the feed claims is kept")
                .contains(Instant.parse("2055-01-01T00:00:00Z"));
        assertThat(undated.entries()).extracting(BlogEntry::date).containsExactly(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(Instant.parse("2026-11-29T12:00:00Z")));
        assertThat(undated.entries()).extracting(entry -> entry.timeIn(arrival))
                .containsExactly(arrival, arrival, arrival, Instant.parse("2026-11-29T12:00:00Z"));
    }

    @Test
    void changedGuidsAndEditedEntries_areRecognised_newOnesAreNot() throws Exception {
        List<BlogEntry> before = Fixtures.parse("changed-guid-1.rss", "", "http://movers.example/feed").entries();
        List<BlogEntry> after = Fixtures.parse("changed-guid-2.rss", "", "https://movers.example/feed").entries();

        assertThat(after.get(0).isSameEntryAs(before.get(0))).as("new GUID, same link (now https, no slash)").isTrue();
        assertThat(after.get(0).keys().id()).isNotEqualTo(before.get(0).keys().id());
        assertThat(after.get(1).isSameEntryAs(before.get(1))).as("same GUID, edited title and link").isTrue();
        assertThat(after.get(1).title()).isEqualTo("No typo in the title");
        assertThat(before).noneMatch(after.get(2)::isSameEntryAs);
        assertThat(after.get(0).isSameEntryAs(before.get(1))).isFalse();
    }

    @Test
    void newest_takesDatedEntriesNewestFirst_thenUndatedInFeedOrder() throws Exception {
        ParsedFeed undated = Fixtures.parse("missing-dates.atom", "", "https://undated.example/atom");
        ParsedFeed future = Fixtures.parse("future-dates.rss", "", "https://clock.example/rss");

        assertThat(undated.newest(2)).extracting(BlogEntry::title).containsExactly("Only updated", "No date at all");
        assertThat(future.newest(5)).extracting(BlogEntry::title).containsExactly("Posted from the future",
                "Tomorrow's news, today", "Written last week", "Wrong weekday, still a date");
        assertThat(future.newest(0)).isEmpty();
    }

    @Test
    void maxEntries_readsOnlyTheFirstEntriesOfABigFeed() throws Exception {
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Busy</title>");
        for (int i = 0; i < 500; i++) {
            rss.append("<item><title>Entry ").append(i).append("</title><link>https://busy.example/").append(i)
                    .append("</link></item>");
        }
        byte[] body = rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = BlogFeeds.builder().maxEntries(20).build().parse(body, "", URI.create("https://busy.example/feed"));

        assertThat(feed.entries()).hasSize(20);
        assertThat(feed.entries().get(19).title()).isEqualTo("Entry 19");
    }

    @Test
    void builderAndArguments_areChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> BlogFeeds.builder().excerptLength(2001))
                .withMessage("excerptLength is 2001; it must be between 0 and 2000");
        assertThatIllegalArgumentException().isThrownBy(() -> BlogFeeds.builder().maxEntries(0))
                .withMessage("maxEntries is 0; it must be between 1 and 1000");
        assertThatIllegalArgumentException().isThrownBy(() -> BlogFeeds.defaults().read(new byte[0], "", URI.create("file:///feed")))
                .withMessageContaining("absolute http or https URL");
    }
}
