package org.chorusfeed.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.chorusfeed.outside.FetchRefusedException.Reason;
import org.chorusfeed.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against real servers on 127.0.0.1, reachable only through explicit allow-list entries. */
class SafeFetcherTest {
    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>";

    private LocalServer server;
    private Canary canary;
    private final List<SafeFetcher> fetchers = new ArrayList<>();
    private final List<InetSocketAddress> dialled = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = LocalServer.http();
        canary = new Canary();
    }

    @AfterEach
    void stop() {
        fetchers.forEach(SafeFetcher::close);
        server.close();
        canary.close();
    }

    /** A fetcher that may reach {@link #server} only, and records every address it dials. */
    private SafeFetcher.Builder allowingServer() {
        return SafeFetcher.builder().allow(server.allowEntry()).hub("https://hub.example")
                .dialer((address, timeout) -> {
                    dialled.add(address);
                    return Dialer.PLAIN.dial(address, timeout);
                });
    }

    private SafeFetcher build(SafeFetcher.Builder builder) {
        SafeFetcher fetcher = builder.build();
        fetchers.add(fetcher);
        return fetcher;
    }

    private static FetchRefusedException refusal(SafeFetcher fetcher, FetchRequest request) {
        FetchRefusedException refusal = catchThrowableOfType(FetchRefusedException.class, () -> fetcher.fetch(request));
        assertThat(refusal).as("refusal of %s", request.url()).isNotNull();
        return refusal;
    }

    // --- loopback only by explicit exception

    @Test
    void fetch_byDefault_refusesLoopbackInEveryFormAndNeverConnects() {
        SafeFetcher fetcher = build(SafeFetcher.builder());
        int port = canary.port();

        for (String url : List.of("http://127.0.0.1:" + port + "/", "http://localhost:" + port + "/",
                "http://[::1]:" + port + "/", "http://2130706433:" + port + "/", "http://0x7f.1:" + port + "/",
                "http://127.1:" + port + "/", "http://[::ffff:127.0.0.1]:" + port + "/", "https://127.0.0.1:" + port + "/")) {
            assertThat(refusal(fetcher, FetchRequest.feed(url)).reason()).as(url).isEqualTo(Reason.ADDRESS_NOT_PUBLIC);
        }
        assertThat(canary.accepted()).isZero();
    }

    @Test
    void fetch_withExplicitException_reachesTheLocalServer_namingChorusAndTheHub() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        server.route("/feed", exchange -> {
            seen.putAll(exchange.headers);
            seen.put("target", exchange.target);
            exchange.respond(200, "application/rss+xml; charset=UTF-8", RSS);
        });
        SafeFetcher fetcher = build(allowingServer());

        FetchResult result = fetcher.fetch(FetchRequest.feed(server.url("/feed?page=1#top")));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.url()).hasToString(server.url("/feed?page=1"));
        assertThat(result.mediaType()).contains("application/rss+xml");
        assertThat(result.charset()).contains("UTF-8");
        assertThat(result.text()).isEqualTo(RSS);
        assertThat(seen).containsEntry("user-agent", "Chorus/0.1 (+https://hub.example)")
                .containsEntry("host", server.allowEntry()).containsEntry("target", "/feed?page=1")
                .containsEntry("accept-encoding", "gzip").containsEntry("connection", "close");
        assertThat(seen.get("accept")).contains("application/rss+xml", "application/atom+xml", "application/feed+json");
        assertThat(dialled).containsExactly(new InetSocketAddress("127.0.0.1", server.port()));
    }

    @Test
    void allowEntry_opensOneHostAndPort_notOtherPortsNeighboursOrNames() {
        SafeFetcher fetcher = build(allowingServer());

        for (String url : List.of("http://127.0.0.1:" + canary.port() + "/", "http://127.0.0.2:" + server.port() + "/",
                "http://localhost:" + server.port() + "/", "http://[::1]:" + server.port() + "/")) {
            assertThat(refusal(fetcher, FetchRequest.page(url)).reason()).as(url).isEqualTo(Reason.ADDRESS_NOT_PUBLIC);
        }
        assertThat(dialled).isEmpty();
        assertThat(canary.accepted()).isZero();
    }

    @Test
    void allowEntries_nameOneHostAndOnePort_withoutWildcardsOrRanges() {
        for (String entry : List.of("127.0.0.1", "*:80", "127.0.0.0/8:80", "127.0.0.1:*", "0x7f.1:80", "127.1:80",
                "2130706433:80", "user@127.0.0.1:80", "127.0.0.1:0", "127.0.0.1:65536", "[::1]", "[fe80::1%eth0]:80", "")) {
            assertThatIllegalArgumentException().as(entry).isThrownBy(() -> SafeFetcher.builder().allow(entry))
                    .withMessageContaining("allowed entry");
        }
        SafeFetcher.builder().allow("127.0.0.1:8080").allow("[::1]:8080").allow("fixtures.internal:8443")
                .allowAll(" 127.0.0.1:1, ,fixtures:2 ");
    }

    // --- redirects

    @Test
    void redirects_toLoopbackMetadataOrIpv6Loopback_areRefusedBeforeConnecting() {
        server.route("/to-loopback", exchange -> exchange.redirect(302, "http://127.0.0.1:" + canary.port() + "/"));
        server.route("/to-metadata", exchange -> exchange.redirect(301, "http://169.254.169.254/latest/meta-data/"));
        server.route("/to-ipv6", exchange -> exchange.redirect(307, "http://[::1]:" + canary.port() + "/"));
        server.route("/to-localhost", exchange -> exchange.redirect(308, "http://localhost:" + server.port() + "/"));
        SafeFetcher fetcher = build(allowingServer());

        for (String path : List.of("/to-loopback", "/to-metadata", "/to-ipv6", "/to-localhost")) {
            FetchRefusedException refusal = refusal(fetcher, FetchRequest.page(server.url(path)));
            assertThat(refusal.reason()).as(path).isEqualTo(Reason.ADDRESS_NOT_PUBLIC);
            assertThat(refusal.getMessage()).as(path).contains("(redirected from " + server.url(path) + ")");
        }
        assertThat(canary.accepted()).isZero();
        assertThat(dialled).allMatch(address -> address.getPort() == server.port()).hasSize(4);
    }

    @Test
    void redirects_followedUpToFive_theSixthRefused() throws Exception {
        server.route("/hop/", exchange -> {
            int hop = Integer.parseInt(exchange.path().substring("/hop/".length()));
            if (hop == 5) {
                exchange.respond(200, "text/html", "arrived");
            } else {
                exchange.redirect(302, "/hop/" + (hop + 1));
            }
        });
        server.route("/loop/", exchange -> exchange.redirect(302,
                "/loop/" + (Integer.parseInt(exchange.path().substring("/loop/".length())) + 1)));
        SafeFetcher fetcher = build(allowingServer());

        FetchResult arrived = fetcher.fetch(FetchRequest.page(server.url("/hop/0")));
        int afterFive = server.requests();
        FetchRefusedException endless = refusal(fetcher, FetchRequest.page(server.url("/loop/0")));

        assertThat(arrived.text()).isEqualTo("arrived");
        assertThat(arrived.url()).hasToString(server.url("/hop/5"));
        assertThat(endless.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS);
        assertThat(endless.getMessage()).endsWith("it redirects more than 5 times");
        assertThat(server.requests() - afterFive).isEqualTo(6);
    }

    // --- size, time and type

    @Test
    void body_of50MiB_isCutAtTheCap_whetherChunkedOrAnnounced() {
        byte[] block = new byte[64 << 10];
        server.route("/huge-chunked", exchange -> {
            exchange.head(200, "Content-Type: application/rss+xml", "Transfer-Encoding: chunked");
            for (int sent = 0; sent < 50 << 20; sent += block.length) {
                exchange.chunk(block, block.length);
            }
            exchange.chunk(block, 0);
        });
        server.route("/huge-announced", exchange -> {
            exchange.head(200, "Content-Type: application/rss+xml", "Content-Length: " + (50 << 20));
            for (int sent = 0; sent < 50 << 20; sent += block.length) {
                exchange.out.write(block);
            }
        });
        SafeFetcher fetcher = build(allowingServer());
        long start = System.nanoTime();

        FetchRefusedException chunked = refusal(fetcher, FetchRequest.feed(server.url("/huge-chunked")));
        FetchRefusedException announced = refusal(fetcher, FetchRequest.feed(server.url("/huge-announced")));

        assertThat(chunked.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(chunked.getMessage()).endsWith("the response is larger than the 5 MiB allowed");
        assertThat(announced.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(announced.getMessage()).endsWith("the response announces 50 MiB; at most 5 MiB are read");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void gzipBomb_isCutWhenTheDecodedSizePassesTheCap() {
        byte[] bomb = gzip(new byte[64 << 20]);
        server.route("/bomb", exchange -> exchange.respond(200, "text/html", bomb, "Content-Encoding: gzip"));
        server.route("/small", exchange -> exchange.respond(200, "text/html",
                gzip("<p>hello</p>".getBytes(StandardCharsets.UTF_8)), "Content-Encoding: gzip"));
        SafeFetcher fetcher = build(allowingServer());

        FetchRefusedException refusal = refusal(fetcher, FetchRequest.page(server.url("/bomb")));

        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(refusal.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(refusal.getMessage()).contains("once decompressed").contains("2 MiB");
        assertThat(fetchText(fetcher, server.url("/small"))).isEqualTo("<p>hello</p>");
    }

    @Test
    void slowServer_hitsTheTotalTimeout_whetherSilentOrDripping() {
        server.route("/silent", exchange -> Thread.sleep(10_000));
        server.route("/drip", exchange -> {
            exchange.head(200, "Content-Type: text/html", "Content-Length: 100000");
            for (int i = 0; i < 100_000; i++) {
                exchange.out.write('x');
                exchange.out.flush();
                Thread.sleep(50);
            }
        });
        SafeFetcher fetcher = build(allowingServer().totalTimeout(Duration.ofMillis(600)));

        for (String path : List.of("/silent", "/drip")) {
            long start = System.nanoTime();
            FetchRefusedException refusal = refusal(fetcher, FetchRequest.page(server.url(path)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(refusal.reason()).as(path).isEqualTo(Reason.TIMEOUT);
            assertThat(refusal.getMessage()).endsWith("the fetch took longer than the 600 ms allowed");
            assertThat(refusal.isTransient()).isTrue();
            assertThat(took).as(path).isBetween(Duration.ofMillis(550), Duration.ofMillis(2500));
        }
    }

    @Test
    void contentType_notAccepted_orMissing_isRefusedWithoutReadingTheBody() {
        server.route("/binary", exchange -> exchange.respond(200, "application/octet-stream", new byte[100]));
        server.route("/page", exchange -> exchange.respond(200, "text/html; charset=utf-8", "<p>a page</p>"));
        server.route("/untyped", exchange -> exchange.respond(200, "", "<rss/>"));
        SafeFetcher fetcher = build(allowingServer());

        FetchRefusedException binary = refusal(fetcher, FetchRequest.feed(server.url("/binary")));
        FetchRefusedException pageAsImage = refusal(fetcher, FetchRequest.image(server.url("/page")));
        FetchRefusedException untyped = refusal(fetcher, FetchRequest.feed(server.url("/untyped")));

        assertThat(List.of(binary, pageAsImage, untyped)).extracting(FetchRefusedException::reason)
                .containsOnly(Reason.CONTENT_TYPE);
        assertThat(pageAsImage.getMessage()).endsWith("the response is text/html; expected one of image/gif, "
                + "image/jpeg, image/png, image/webp");
        assertThat(untyped.getMessage()).contains("has no content type");
    }

    @Test
    void brokenResponses_areRefusedAsMalformed() {
        server.route("/ssh", exchange -> exchange.out.write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII)));
        server.route("/short", exchange -> {
            exchange.head(200, "Content-Type: text/html", "Content-Length: 100");
            exchange.out.write("only this".getBytes(StandardCharsets.US_ASCII));
        });
        server.route("/brotli", exchange -> exchange.respond(200, "text/html", "x", "Content-Encoding: br"));
        server.route("/bad-chunks", exchange -> {
            exchange.head(200, "Content-Type: text/html", "Transfer-Encoding: chunked");
            exchange.out.write("zz\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        SafeFetcher fetcher = build(allowingServer());

        for (String path : List.of("/ssh", "/short", "/brotli", "/bad-chunks")) {
            assertThat(refusal(fetcher, FetchRequest.page(server.url(path))).reason()).as(path)
                    .isEqualTo(Reason.MALFORMED_RESPONSE);
        }
    }

    @Test
    void chunkedBody_isReassembled() throws Exception {
        server.route("/chunked", exchange -> {
            exchange.head(200, "Content-Type: application/json", "Transfer-Encoding: chunked");
            byte[] json = "{\"version\":\"https://jsonfeed.org/version/1.1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.chunk(json, 10);
            exchange.chunk(Arrays.copyOfRange(json, 10, json.length), json.length - 10);
            exchange.out.write("0\r\nX-Trailer: yes\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });

        FetchResult result = build(allowingServer()).fetch(FetchRequest.feed(server.url("/chunked")));

        assertThat(result.text()).isEqualTo("{\"version\":\"https://jsonfeed.org/version/1.1\"}");
    }

    // --- statuses and conditional GET

    @Test
    void conditionalGet_withTheValidatorsOfAnEarlierResult_gives304() throws Exception {
        AtomicInteger full = new AtomicInteger();
        server.route("/cond", exchange -> {
            if (exchange.header("If-None-Match").equals("\"v1\"")
                    && exchange.header("If-Modified-Since").equals("Sat, 28 Nov 2026 09:00:00 GMT")) {
                exchange.head(304, "ETag: \"v1\"");
            } else {
                full.incrementAndGet();
                exchange.respond(200, "application/atom+xml", "<feed/>", "ETag: \"v1\"",
                        "Last-Modified: Sat, 28 Nov 2026 09:00:00 GMT");
            }
        });
        SafeFetcher fetcher = build(allowingServer());

        FetchResult first = fetcher.fetch(FetchRequest.feed(server.url("/cond")));
        FetchResult second = fetcher.fetch(FetchRequest.feed(server.url("/cond")).conditionalOn(first));

        assertThat(first.etag()).contains("\"v1\"");
        assertThat(first.lastModified()).contains("Sat, 28 Nov 2026 09:00:00 GMT");
        assertThat(second.notModified()).isTrue();
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.bodyLength()).isZero();
        assertThat(second.contentType()).isEmpty();
        assertThat(second.etag()).contains("\"v1\"");
        assertThat(full).hasValue(1);
    }

    @Test
    void errorStatuses_carryTheStatus_andSayWhetherToRetry() {
        MutableClock clock = MutableClock.standing();
        server.route("/gone", exchange -> exchange.respond(404, "text/html", "no"));
        server.route("/busy", exchange -> exchange.respond(503, "text/html", "later", "Retry-After: 120"));
        server.route("/slow-down", exchange -> exchange.respond(429, "text/html", "later",
                "Retry-After: Mon, 30 Nov 2026 10:05:00 GMT"));
        server.route("/unasked-304", exchange -> exchange.head(304));
        SafeFetcher fetcher = build(allowingServer().clock(clock));

        FetchRefusedException gone = refusal(fetcher, FetchRequest.page(server.url("/gone")));
        FetchRefusedException busy = refusal(fetcher, FetchRequest.page(server.url("/busy")));
        FetchRefusedException slowDown = refusal(fetcher, FetchRequest.page(server.url("/slow-down")));
        FetchRefusedException unasked = refusal(fetcher, FetchRequest.page(server.url("/unasked-304")));

        assertThat(gone.reason()).isEqualTo(Reason.HTTP_STATUS);
        assertThat(gone.status()).hasValue(404);
        assertThat(gone.isTransient()).isFalse();
        assertThat(gone.getMessage()).isEqualTo(server.url("/gone") + ": the server answered with status 404");
        assertThat(busy.isTransient()).isTrue();
        assertThat(busy.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(slowDown.retryAfter()).contains(Duration.ofMinutes(5));
        assertThat(unasked.status()).hasValue(304);
    }

    // --- one fetch for many callers

    @Test
    void concurrentFetchesOfOneUrl_causeOneRequest() throws Exception {
        server.route("/popular", exchange -> {
            Thread.sleep(300);
            exchange.respond(200, "text/html", "<title>popular</title>");
        });
        SafeFetcher fetcher = build(allowingServer().cache(0, 0, Duration.ZERO));
        ExecutorService callers = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(callers.submit(() -> {
                    go.await();
                    return fetcher.fetch(FetchRequest.page(server.url("/popular")));
                }));
            }
            go.countDown();
            for (Future<FetchResult> result : results) {
                assertThat(result.get(5, TimeUnit.SECONDS).text()).isEqualTo("<title>popular</title>");
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void recentAnswers_areKeptUntilTheirTimeRunsOut_refusalsToo() throws Exception {
        MutableClock clock = MutableClock.standing();
        server.route("/page", exchange -> exchange.respond(200, "text/html", "<p>kept</p>"));
        server.route("/missing", exchange -> exchange.respond(404, "text/html", "no"));
        SafeFetcher fetcher = build(allowingServer().clock(clock).cache(10, 1 << 20, Duration.ofSeconds(60)));

        fetcher.fetch(FetchRequest.page(server.url("/page")));
        refusal(fetcher, FetchRequest.page(server.url("/missing")));
        clock.advance(Duration.ofSeconds(59));
        fetcher.fetch(FetchRequest.page(server.url("/page")));
        FetchRefusedException kept = refusal(fetcher, FetchRequest.page(server.url("/missing")));
        assertThat(server.requests()).isEqualTo(2);
        assertThat(kept.status()).hasValue(404);

        clock.advance(Duration.ofSeconds(1));
        fetcher.fetch(FetchRequest.page(server.url("/page")));
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void perHostLimit_holdsFetchesToOneHostToTheLimit() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        server.route("/busy/", exchange -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            Thread.sleep(150);
            now.decrementAndGet();
            exchange.respond(200, "text/html", exchange.path());
        });
        SafeFetcher fetcher = build(allowingServer().perHostConcurrency(2));
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String url = server.url("/busy/" + i);
                results.add(CompletableFuture.supplyAsync(() -> fetchText(fetcher, url), callers));
            }

            for (int i = 0; i < 6; i++) {
                assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("/busy/" + i);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(2);
    }

    // --- lifecycle and checks

    @Test
    void close_abortsFetchesUnderWay_andRefusesNewOnes() throws Exception {
        server.route("/forever", exchange -> Thread.sleep(10_000));
        SafeFetcher fetcher = allowingServer().build();
        CompletableFuture<FetchRefusedException> underWay = CompletableFuture.supplyAsync(
                () -> catchThrowableOfType(FetchRefusedException.class,
                        () -> fetcher.fetch(FetchRequest.page(server.url("/forever")))));
        while (server.requests() == 0) {
            Thread.sleep(10);
        }

        fetcher.close();

        assertThat(underWay.get(2, TimeUnit.SECONDS).reason()).isEqualTo(Reason.CLOSED);
        assertThatIllegalStateException().isThrownBy(() -> fetcher.fetch(FetchRequest.page(server.url("/forever"))))
                .withMessageContaining("closed");
    }

    @Test
    void check_normalisesWithoutTouchingTheNetwork() throws Exception {
        SafeFetcher fetcher = build(SafeFetcher.builder().resolver(host -> {
            throw new AssertionError("check must not resolve " + host);
        }));

        assertThat(fetcher.check(" HTTPS://Blog.Example:443/Feed?x=1#latest ")).hasToString("https://blog.example/Feed?x=1");
        assertThat(fetcher.check("http://blog.example")).hasToString("http://blog.example/");
        assertThat(fetcher.check("http://bücher.example/über")).hasToString("http://xn--bcher-kva.example/%C3%BCber");
        assertThat(fetcher.check("http://[2a00:1450::1]:8080/")).hasToString("http://[2a00:1450::1]:8080/");
        assertThat(catchThrowableOfType(FetchRefusedException.class, () -> fetcher.check("http://10.0.0.1/")).reason())
                .isEqualTo(Reason.ADDRESS_NOT_PUBLIC);
    }

    @Test
    void requests_refuseValidatorsThatCouldAddHeaders() {
        FetchRequest request = FetchRequest.feed("https://blog.example/feed");
        assertThatIllegalArgumentException().isThrownBy(() -> request.withIfNoneMatch("\"x\"\r\nX-Evil: 1"))
                .withMessageContaining("ifNoneMatch");
        assertThatIllegalArgumentException().isThrownBy(() -> FetchRequest.of("https://blog.example/", Set.of("text/*")))
                .withMessageContaining("acceptedTypes");
        assertThatIllegalArgumentException().isThrownBy(() -> request.withMaxBytes(0)).withMessageContaining("maxBytes");
        assertThat(request.maxBytes()).hasValue(5L << 20);
    }

    private static String fetchText(SafeFetcher fetcher, String url) {
        try {
            return fetcher.fetch(FetchRequest.page(url)).text();
        } catch (FetchRefusedException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
