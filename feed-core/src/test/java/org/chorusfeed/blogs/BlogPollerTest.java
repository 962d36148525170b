package org.chorusfeed.blogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.ProfileUpdate;
import org.chorusfeed.outside.SafeFetcher;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.post.SourceKind;
import org.chorusfeed.testing.FeedServer;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.testing.StoreKind;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The blog poller against real HTTP on loopback (allowed for this server only), on each store, driven by a clock
 * the tests move and {@link Blogs#pollDue()} instead of sleeping.
 */
class BlogPollerTest {
    static final String FIXTURES = "/org/chorusfeed/blogs/";
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final Duration INTERVAL = Duration.ofMinutes(15);

    @TempDir
    Path temp;
    final MutableClock clock = new MutableClock(NOW);
    final FeedServer server = FeedServer.start();
    Chorus chorus;

    @AfterEach
    void stop() {
        if (chorus != null) {
            chorus.close();
        }
        server.close();
    }

    Chorus open(StoreKind kind) {
        SafeFetcher fetcher = SafeFetcher.builder().allow(server.allowEntry()).clock(clock).cache(0, 0, Duration.ZERO)
                .build();
        chorus = kind == StoreKind.MEMORY
                ? Chorus.builder().inMemory().clock(clock).fetcher(fetcher).blogPolling(false).build()
                : Chorus.builder().dataDirectory(temp).clock(clock).fetcher(fetcher).blogPolling(false).build();
        return chorus;
    }

    Member memberWithBlog(String handle, String path) {
        Member member = chorus.members().admit(NewMember.handle(handle).name(handle));
        return chorus.members().updateProfile(member.id(), ProfileUpdate.none().blogFeedUrl(URI.create(server.url(path))));
    }

    List<Post> postsOf(Member member) {
        return chorus.timeline().read(TimelineQuery.latest().member(member.handle()).limit(100)).items();
    }

    BlogStatus status(Member member) {
        return chorus.blogs().status(member.id()).orElseThrow();
    }

    /** Moves past every feed's next poll (the interval and its jitter) and polls. */
    int pollLater() {
        clock.advance(INTERVAL.plus(INTERVAL.dividedBy(5)));
        return chorus.blogs().pollDue();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aWordPressFeed_becomesPostsOfItsMember_datedByTheEntries_andTheStatusSaysSo(StoreKind kind) {
        open(kind);
        server.serveResource("/feed/", "application/rss+xml; charset=UTF-8", FIXTURES + "wordpress.rss");
        Member ada = memberWithBlog("ada", "/feed/");

        assertThat(chorus.blogs().pollDue()).isEqualTo(1);

        List<Post> posts = postsOf(ada);
        assertThat(posts).hasSize(2).allSatisfy(post -> assertThat(post.source().kind()).isEqualTo(SourceKind.BLOG));
        assertThat(posts).extracting(Post::publishedAt).containsExactly(Instant.parse("2026-11-28T09:12:44Z"),
                Instant.parse("2026-11-20T16:03:10Z"));
        assertThat(posts.get(0).text()).startsWith("Kick-off at last – sensors in the water — We lowered")
                .endsWith("https://baltic-lab.example/2026/11/28/kick-off-at-last/");
        assertThat(((PostSource.Blog) posts.get(0).source()).url())
                .isEqualTo(URI.create("https://baltic-lab.example/2026/11/28/kick-off-at-last/"));
        BlogStatus status = status(ada);
        assertThat(status.url()).isEqualTo(URI.create(server.url("/feed/")));
        assertThat(status.feedUrl()).contains(URI.create(server.url("/feed/")));
        assertThat(status.lastSuccessAt()).contains(NOW);
        assertThat(status.lastError()).isEmpty();
        assertThat(status.imported()).isEqualTo(2);
        assertThat(status.nextPollAt()).isBetween(NOW.plus(INTERVAL), NOW.plus(INTERVAL).plus(INTERVAL.dividedBy(10)));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void everyFormat_isImported_atom_jsonFeed_andAnHFeedPage(StoreKind kind) {
        open(kind);
        server.serveResource("/atom", "application/atom+xml", FIXTURES + "blogger.atom")
                .serveResource("/json", "application/feed+json", FIXTURES + "jsonfeed.json")
                .serveResource("/journal", "text/html; charset=utf-8", FIXTURES + "h-feed.html");
        Member atom = memberWithBlog("atom", "/atom");
        Member json = memberWithBlog("json", "/json");
        Member page = memberWithBlog("page", "/journal");

        assertThat(chorus.blogs().pollDue()).isEqualTo(3);

        assertThat(postsOf(atom)).extracting(Post::text).anyMatch(text -> text.startsWith("Netze flicken: <Werkstatt>"));
        assertThat(postsOf(json)).extracting(Post::text).anyMatch(text -> text.startsWith("Dive log 14"));
        assertThat(postsOf(page)).isNotEmpty();
        for (Member member : List.of(atom, json, page)) {
            assertThat(status(member).lastError()).as(member.handle()).isEmpty();
            assertThat(status(member).imported()).isEqualTo(postsOf(member).size());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBlogsPageUrl_findsItsFeedThroughRelAlternate_andReadsThatFeedFromThenOn(StoreKind kind) {
        open(kind);
        server.serve("/blog/", "text/html", "<!doctype html><html><head><title>Ada's blog</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Feed\" href=\"/blog/feed.xml\">"
                + "</head><body><h1>Ada's blog</h1></body></html>")
                .serveResource("/blog/feed.xml", "application/rss+xml", FIXTURES + "wordpress.rss");
        Member ada = memberWithBlog("ada", "/blog/");

        chorus.blogs().pollDue();
        pollLater();

        assertThat(status(ada).feedUrl()).contains(URI.create(server.url("/blog/feed.xml")));
        assertThat(postsOf(ada)).hasSize(2);
        assertThat(server.requests("/blog/")).isEqualTo(1);
        assertThat(server.requests("/blog/feed.xml")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void repeatedPolls_neverDuplicate_andAskConditionally(StoreKind kind) {
        open(kind);
        server.serveResource("/feed", "application/rss+xml", FIXTURES + "wordpress.rss");
        Member ada = memberWithBlog("ada", "/feed");

        chorus.blogs().pollDue();
        for (int i = 0; i < 4; i++) {
            assertThat(pollLater()).isEqualTo(1);
        }

        assertThat(postsOf(ada)).hasSize(2);
        assertThat(server.requests("/feed")).isEqualTo(5);
        assertThat(server.notModified("/feed")).isEqualTo(4);
        assertThat(status(ada).lastSuccessAt()).contains(clock.instant());
        assertThat(status(ada).imported()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFeedIsPolledOnlyWhenDue_atTheIntervalPlusAtMostATenthOfJitter(StoreKind kind) {
        open(kind);
        server.serveResource("/feed", "application/rss+xml", FIXTURES + "wordpress.rss");
        memberWithBlog("ada", "/feed");
        chorus.blogs().pollDue();
        Instant next = status(chorus.members().findByHandle("ada").orElseThrow()).lastSuccessAt().orElseThrow()
                .plus(INTERVAL);

        clock.advance(INTERVAL.minusSeconds(1));
        assertThat(chorus.blogs().pollDue()).isZero();
        clock.advance(INTERVAL.dividedBy(10).plusSeconds(2));
        assertThat(chorus.blogs().pollDue()).isEqualTo(1);
        assertThat(clock.instant()).isAfter(next);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void datesInTheFuture_becomeTheArrival_andEntriesWithoutDates_too(StoreKind kind) {
        open(kind);
        server.serveResource("/future", "application/rss+xml", FIXTURES + "future-dates.rss")
                .serveResource("/undated", "application/atom+xml", FIXTURES + "missing-dates.atom");
        Member future = memberWithBlog("future", "/future");
        Member undated = memberWithBlog("undated", "/undated");

        chorus.blogs().pollDue();

        assertThat(postsOf(future)).isNotEmpty().allSatisfy(post -> assertThat(post.publishedAt()).isBeforeOrEqualTo(NOW));
        assertThat(postsOf(future)).filteredOn(post -> post.text().contains("Posted from the future"))
                .singleElement().satisfies(post -> assertThat(post.publishedAt()).isEqualTo(NOW));
        assertThat(postsOf(undated)).filteredOn(post -> post.text().startsWith("No date at all"))
                .singleElement().satisfies(post -> assertThat(post.publishedAt()).isEqualTo(NOW));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theFirstImport_takesTheFiveNewest_andLaterPollsOnlyWhatIsNew(StoreKind kind) {
        open(kind);
        server.serve("/feed", "application/rss+xml", rss(8));
        Member ada = memberWithBlog("ada", "/feed");

        chorus.blogs().pollDue();
        assertThat(postsOf(ada)).extracting(Post::text).map(text -> text.substring(0, 8))
                .containsExactly("Entry 08", "Entry 07", "Entry 06", "Entry 05", "Entry 04");

        server.serve("/feed", "application/rss+xml", rss(9));
        pollLater();

        assertThat(postsOf(ada)).hasSize(6).first().satisfies(post -> assertThat(post.text()).startsWith("Entry 09"));
        assertThat(status(ada).imported()).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theFirstImportOfFiveEntries_takesAll_andOfSix_theFiveNewest(StoreKind kind) {
        open(kind);
        server.serve("/five", "application/rss+xml", rss(5)).serve("/six", "application/rss+xml", rss(6));
        Member five = memberWithBlog("five", "/five");
        Member six = memberWithBlog("six", "/six");

        chorus.blogs().pollDue();

        assertThat(postsOf(five)).hasSize(5);
        assertThat(postsOf(six)).hasSize(5).noneMatch(post -> post.text().startsWith("Entry 01"));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aChangedGuidOrAnEditedEntry_editsItsPost_keepingHistory_insteadOfAddingOne(StoreKind kind) {
        open(kind);
        server.serveResource("/feed", "application/rss+xml", FIXTURES + "changed-guid-1.rss");
        Member movers = memberWithBlog("movers", "/feed");
        chorus.blogs().pollDue();
        List<Post> before = postsOf(movers);
        assertThat(before).extracting(Post::text).anyMatch(text -> text.startsWith("Typo in the title"));

        server.serveResource("/feed", "application/rss+xml", FIXTURES + "changed-guid-2.rss");
        pollLater();
        pollLater();

        List<Post> after = postsOf(movers);
        assertThat(after).hasSize(3);
        assertThat(after).extracting(Post::text).anyMatch(text -> text.startsWith("A new one"))
                .anyMatch(text -> text.startsWith("No typo in the title")).noneMatch(text -> text.startsWith("Typo"));
        Post fixed = after.stream().filter(post -> post.text().startsWith("No typo")).findFirst().orElseThrow();
        assertThat(before).extracting(Post::id).contains(fixed.id());
        assertThat(chorus.posts().history(fixed.id())).hasSize(2);
        assertThat(after).filteredOn(post -> post.text().startsWith("Our new lab")).hasSize(1);
        assertThat(status(movers).imported()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void scriptsEventHandlersAndHtmlInTitles_arriveAsPlainText_andRelativeLinksAbsolute(StoreKind kind) {
        open(kind);
        server.serveResource("/hostile", "text/xml", FIXTURES + "hostile-content.rss")
                .serveResource("/relative", "application/rss+xml", FIXTURES + "relative-links.rss");
        Member hostile = memberWithBlog("hostile", "/hostile");
        Member relative = memberWithBlog("relative", "/relative");

        chorus.blogs().pollDue();

        assertThat(postsOf(hostile)).isNotEmpty().allSatisfy(post -> assertThat(post.text()).doesNotContain("<script")
                .doesNotContain("alert(").doesNotContainIgnoringCase("onerror").doesNotContain("javascript:"));
        assertThat(postsOf(relative)).isNotEmpty().allSatisfy(post -> {
            URI link = ((PostSource.Blog) post.source()).url();
            assertThat(link.isAbsolute()).isTrue();
            assertThat(link.getScheme()).isIn("http", "https");
            assertThat(post.text()).doesNotContain("javascript:").doesNotContain("bank.example@");
        });
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void importedEntries_takeTheirChronologicalPlaceAmongNativePosts(StoreKind kind) {
        open(kind);
        Member bob = chorus.members().admit(NewMember.handle("bob").name("Bob"));
        clock.set(Instant.parse("2026-11-25T12:00:00Z"));
        Post older = chorus.posts().publish(bob.id(), "Native, 25 November");
        clock.set(NOW);
        Post newer = chorus.posts().publish(bob.id(), "Native, 30 November");
        server.serveResource("/feed", "application/rss+xml", FIXTURES + "wordpress.rss");
        memberWithBlog("ada", "/feed");

        chorus.blogs().pollDue();

        List<String> texts = chorus.timeline().read(TimelineQuery.latest().limit(10)).items().stream()
                .map(post -> post.text().substring(0, 10)).toList();
        assertThat(texts).containsExactly(newer.text().substring(0, 10), "Kick-off a", older.text().substring(0, 10),
                "Why we log");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aPostItsAuthorDeleted_doesNotComeBack(StoreKind kind) {
        open(kind);
        server.serveResource("/feed", "application/rss+xml", FIXTURES + "wordpress.rss");
        Member ada = memberWithBlog("ada", "/feed");
        chorus.blogs().pollDue();
        Post first = postsOf(ada).get(0);

        chorus.posts().delete(first.id(), ada.id());
        server.serve("/feed", "application/rss+xml", new String(
                org.chorusfeed.blogs.Fixtures.bytes("wordpress.rss"), java.nio.charset.StandardCharsets.UTF_8) + " ");
        pollLater();

        assertThat(postsOf(ada)).hasSize(1).noneMatch(post -> post.id().equals(first.id()));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void removingTheUrl_endsTheStatus_andSettingItAgain_importsNothingTwice(StoreKind kind) {
        open(kind);
        server.serveResource("/feed", "application/rss+xml", FIXTURES + "wordpress.rss");
        Member ada = memberWithBlog("ada", "/feed");
        chorus.blogs().pollDue();

        chorus.members().updateProfile(ada.id(), ProfileUpdate.none().noBlogFeedUrl());
        assertThat(chorus.blogs().status(ada.id())).isEmpty();
        assertThat(pollLater()).isZero();
        chorus.members().updateProfile(ada.id(), ProfileUpdate.none().blogFeedUrl(URI.create(server.url("/feed"))));
        assertThat(status(ada).lastSuccessAt()).isEmpty();
        assertThat(status(ada).imported()).as("entries imported from the URL before").isEqualTo(2);
        chorus.blogs().pollDue();

        assertThat(postsOf(ada)).hasSize(2);
        assertThat(status(ada).lastSuccessAt()).isPresent();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aSuspendedMembersBlog_isNotImported_andTheStatusSaysWhy(StoreKind kind) {
        open(kind);
        server.serveResource("/feed", "application/rss+xml", FIXTURES + "wordpress.rss");
        Member ada = memberWithBlog("ada", "/feed");
        chorus.members().suspend(ada.id());

        chorus.blogs().pollDue();

        assertThat(postsOf(ada)).isEmpty();
        assertThat(server.requests("/feed")).isZero();
        assertThat(status(ada).lastError()).hasValueSatisfying(error -> assertThat(error).contains("suspended"));
    }

    /** An RSS feed of entries 1 to {@code count}, one a day, newest first. */
    static String rss(int count) {
        StringBuilder items = new StringBuilder();
        for (int i = count; i >= 1; i--) {
            String n = String.format("%02d", i);
            items.append("<item><title>Entry ").append(n).append("</title><link>https://many.example/").append(n)
                    .append("</link><guid>many-").append(n).append("</guid><pubDate>")
                    .append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            NOW.minus(Duration.ofDays(30 - i)).atOffset(java.time.ZoneOffset.UTC)))
                    .append("</pubDate><description>Day ").append(n).append(" of the cruise.</description></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Many</title><link>https://many.example/</link>"
                + items + "</channel></rss>";
    }

    static Optional<String> error(Chorus chorus, Member member) {
        return chorus.blogs().status(member.id()).flatMap(BlogStatus::lastError);
    }
}
