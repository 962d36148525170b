package org.chorusfeed.blogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.ProfileUpdate;
import org.chorusfeed.outside.SafeFetcher;
import org.chorusfeed.testing.FeedServer;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.testing.StoreKind;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds that fail or attack, through the poller: each leaves a clear error in its status, backs off, and the
 * other feeds keep importing. Blog URLs that can never be fetched are refused when they are set.
 */
class HostileBlogsTest {
    private static final Instant NOW = BlogPollerTest.NOW;
    private static final Duration INTERVAL = BlogPollerTest.INTERVAL;

    @TempDir
    Path temp;
    private final MutableClock clock = new MutableClock(NOW);
    private final FeedServer server = FeedServer.start();
    private Chorus chorus;

    @AfterEach
    void stop() {
        if (chorus != null) {
            chorus.close();
        }
        server.close();
    }

    private Chorus open(StoreKind kind) {
        SafeFetcher fetcher = SafeFetcher.builder().allow(server.allowEntry()).clock(clock).cache(0, 0, Duration.ZERO)
                .build();
        Chorus.Builder builder = kind == StoreKind.MEMORY ? Chorus.builder().inMemory()
                : Chorus.builder().dataDirectory(temp);
        chorus = builder.clock(clock).fetcher(fetcher).blogPolling(false).build();
        return chorus;
    }

    private Member memberWithBlog(String handle, String url) {
        Member member = chorus.members().admit(NewMember.handle(handle).name(handle));
        return chorus.members().updateProfile(member.id(), ProfileUpdate.none().blogFeedUrl(URI.create(url)));
    }

    private BlogStatus status(Member member) {
        return chorus.blogs().status(member.id()).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void everyHostileFeed_leavesAClearError_whileTheGoodFeedImports(StoreKind kind) throws IOException {
        open(kind);
        serveHostileFeeds();
        Member good = memberWithBlog("good", server.url("/good"));
        Map<Member, String> expected = new LinkedHashMap<>();
        expected.put(memberWithBlog("huge", server.url("/huge")), "larger than the 5 MiB allowed");
        expected.put(memberWithBlog("bomb", server.url("/bomb")), "larger than the 5 MiB allowed");
        expected.put(memberWithBlog("loop", server.url("/loop")), "redirects more than 5 times");
        expected.put(memberWithBlog("loopback", server.url("/to-loopback")), "only public addresses are fetched");
        expected.put(memberWithBlog("metadata", server.url("/to-metadata")), "only public addresses are fetched");
        expected.put(memberWithBlog("ipv6", server.url("/to-ipv6-loopback")), "only public addresses are fetched");
        expected.put(memberWithBlog("image", server.url("/image")), "image/png");
        expected.put(memberWithBlog("page", server.url("/page")), "gives no feed");
        expected.put(memberWithBlog("broken", server.url("/broken")), "gives no feed");
        expected.put(memberWithBlog("gone", server.url("/gone")), "status 404");

        long started = System.nanoTime();
        assertThat(chorus.blogs().pollDue()).isEqualTo(expected.size() + 1);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(chorus.timeline().read(TimelineQuery.latest().member("good").limit(10)).items()).hasSize(2);
        assertThat(status(good).lastError()).isEmpty();
        expected.forEach((member, error) -> {
            BlogStatus status = status(member);
            assertThat(status.lastError()).as("@%s", member.handle()).hasValueSatisfying(
                    message -> assertThat(message).contains(error));
            assertThat(status.lastErrorAt()).as("@%s", member.handle()).contains(NOW);
            assertThat(status.lastSuccessAt()).as("@%s", member.handle()).isEmpty();
            assertThat(chorus.timeline().read(TimelineQuery.latest().member(member.handle()).limit(10)).items())
                    .as("@%s", member.handle()).isEmpty();
        });
        assertThat(server.requests("/internal")).as("nothing reached the address redirected to").isZero();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void xxeAndBillionLaughs_importHarmlessText_quickly(StoreKind kind) {
        open(kind);
        server.serveResource("/xxe", "application/rss+xml", BlogPollerTest.FIXTURES + "xxe.rss")
                .serveResource("/laughs", "text/xml", BlogPollerTest.FIXTURES + "billion-laughs.rss");
        memberWithBlog("xxe", server.url("/xxe"));
        memberWithBlog("laughs", server.url("/laughs"));

        long started = System.nanoTime();
        chorus.blogs().pollDue();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(chorus.timeline().read(TimelineQuery.latest().limit(20)).items()).isNotEmpty().allSatisfy(post ->
                assertThat(post.text()).doesNotContain("root:").doesNotContain("lollol").hasSizeLessThan(600));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFailingFeed_backsOffDoublingEachTime_andReturnsToTheIntervalOnceItWorks(StoreKind kind) {
        open(kind);
        server.handle("/flaky", exchange -> exchange.sendResponseHeaders(502, -1));
        Member flaky = memberWithBlog("flaky", server.url("/flaky"));

        Duration[] waits = new Duration[3];
        for (int i = 0; i < waits.length; i++) {
            clock.advance(Duration.ofDays(2));
            chorus.blogs().pollDue();
            waits[i] = Duration.between(clock.instant(), nextPollAt(flaky));
        }
        assertThat(waits[0]).isBetween(INTERVAL, INTERVAL.plus(INTERVAL.dividedBy(10)));
        assertThat(waits[1]).isBetween(INTERVAL.multipliedBy(2), INTERVAL.multipliedBy(2).plus(INTERVAL.dividedBy(5)));
        assertThat(waits[2]).isBetween(INTERVAL.multipliedBy(4), INTERVAL.multipliedBy(4).plus(INTERVAL.dividedBy(5).multipliedBy(2)));
        assertThat(status(flaky).lastError()).hasValueSatisfying(error -> assertThat(error).contains("status 502"));

        server.serveResource("/flaky", "application/rss+xml", BlogPollerTest.FIXTURES + "wordpress.rss");
        clock.advance(Duration.ofDays(2));
        chorus.blogs().pollDue();

        assertThat(Duration.between(clock.instant(), nextPollAt(flaky)))
                .isBetween(INTERVAL, INTERVAL.plus(INTERVAL.dividedBy(10)));
        assertThat(status(flaky).imported()).isEqualTo(2);
        assertThat(status(flaky).lastSuccessAt()).contains(clock.instant());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFeedRefusedForGood_waitsFourIntervalsFirst_andNeverMoreThanADay(StoreKind kind) {
        open(kind);
        Member gone = memberWithBlog("gone", server.url("/gone"));

        chorus.blogs().pollDue();
        Duration first = Duration.between(clock.instant(), nextPollAt(gone));
        Duration last = first;
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofDays(2));
            chorus.blogs().pollDue();
            last = Duration.between(clock.instant(), nextPollAt(gone));
        }

        assertThat(first).isBetween(INTERVAL.multipliedBy(4), INTERVAL.multipliedBy(4).plus(INTERVAL.dividedBy(10).multipliedBy(4)));
        assertThat(last).isBetween(Duration.ofDays(1), Duration.ofDays(1).plus(Duration.ofDays(1).dividedBy(10)));
        assertThat(server.requests("/gone")).isEqualTo(11);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aServerAskingToRetryLater_isNotAskedBeforeThen(StoreKind kind) {
        open(kind);
        server.handle("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "7200");
            exchange.sendResponseHeaders(503, -1);
        });
        Member busy = memberWithBlog("busy", server.url("/busy"));

        chorus.blogs().pollDue();
        clock.advance(Duration.ofMinutes(119));
        chorus.blogs().pollDue();

        assertThat(server.requests("/busy")).isEqualTo(1);
        assertThat(Duration.between(NOW, nextPollAt(busy))).isBetween(Duration.ofHours(2), Duration.ofMinutes(132));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://blog.example/feed", "javascript:alert(1)", "http://user:secret@blog.example/feed",
            "http://127.0.0.1/feed", "http://169.254.169.254/latest/meta-data/", "http://[::1]/feed",
            "http://0x7f.1/feed", "http://10.0.0.8/feed", "http://localhost/feed", "https:///feed"})
    void aBlogUrlThatCanNeverBeFetched_isRefusedWhenSet_andNothingIsStored(String url) {
        open(StoreKind.MEMORY);
        Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada"));

        assertThatThrownBy(() -> chorus.members().updateProfile(ada.id(),
                ProfileUpdate.none().blogFeedUrl(URI.create(url))))
                .isInstanceOfSatisfying(BlogFeedUrlException.class, e -> {
                    assertThat(e.reason()).isIn("scheme", "userinfo", "address-not-public", "malformed-url");
                    assertThat(e.url()).isEqualTo(url);
                    assertThat(e.getMessage()).startsWith("the blog feed URL is refused: ");
                });
        assertThat(chorus.members().get(ada.id()).blogFeedUrl()).isEmpty();
        assertThat(chorus.blogs().status(ada.id())).isEmpty();
    }

    @Test
    void aBlogUrlIsStoredAsItWillBeFetched_andAdmittingWithOneChecksItToo() {
        open(StoreKind.MEMORY);
        Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada"));

        Member updated = chorus.members().updateProfile(ada.id(),
                ProfileUpdate.none().blogFeedUrl(URI.create("HTTPS://Ada.Example:443/feed/#top")));

        assertThat(updated.blogFeedUrl()).contains(URI.create("https://ada.example/feed/"));
        assertThatThrownBy(() -> chorus.members().admit(NewMember.handle("eve").name("Eve")
                .blogFeedUrl(URI.create("http://192.168.1.1/feed")))).isInstanceOf(BlogFeedUrlException.class);
        assertThat(chorus.members().findByHandle("eve")).isEmpty();
    }

    private Instant nextPollAt(Member member) {
        return status(member).nextPollAt();
    }

    private void serveHostileFeeds() throws IOException {
        server.serveResource("/good", "application/rss+xml", BlogPollerTest.FIXTURES + "wordpress.rss");
        server.handle("/huge", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>".getBytes());
                FeedServer.stream(out, 50L << 20, (byte) 'a');
            }
        });
        byte[] bomb = gzippedZeros(64L << 20);
        server.handle("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, bomb.length);
            exchange.getResponseBody().write(bomb);
        });
        server.redirect("/loop", "/loop");
        server.redirect("/to-loopback", "http://127.0.0.1:" + (server.port() == 65535 ? 65534 : server.port() + 1)
                + "/internal");
        server.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        server.redirect("/to-ipv6-loopback", "http://[::1]:" + server.port() + "/internal");
        server.serve("/internal", "application/rss+xml", BlogPollerTest.rss(3));
        server.serve("/image", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        server.serve("/page", "text/html", "<!doctype html><title>Just a page</title><p>No feed here.</p>");
        server.serveResource("/broken", "application/rss+xml", BlogPollerTest.FIXTURES + "wrong-root.xml");
    }

    private static byte[] gzippedZeros(long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return bytes.toByteArray();
    }
}
