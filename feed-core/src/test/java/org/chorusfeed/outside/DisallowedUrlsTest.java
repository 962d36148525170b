package org.chorusfeed.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.chorusfeed.outside.FetchRefusedException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Disallowed URL forms written for Chorus, each refused before any connection with a clear, typed reason: other
 * schemes, user info, every refused range written as a plain address, in IPv6 and in every IPv4 notation a URL
 * parser or resolver accepts, local names, and names that resolve to non-public addresses.
 */
class DisallowedUrlsTest {
    private static PretendInternet internet;
    private static SafeFetcher fetcher;

    @BeforeAll
    static void start() throws Exception {
        internet = new PretendInternet();
        fetcher = internet.fetcher().build();
    }

    @AfterAll
    static void stop() throws Exception {
        fetcher.close();
        internet.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ftp://example.org/feed.xml                          | SCHEME
            javascript:alert(document.domain)                   | SCHEME
            data:text/html,<script>alert(1)</script>            | SCHEME
            file:/etc/passwd                                    | SCHEME
            ws://example.org/socket                             | SCHEME
            mailto:ada@example.org                              | SCHEME
            //example.org/feed                                  | MALFORMED_URL
            example.org/feed                                    | MALFORMED_URL
            example.org:8080/feed                               | MALFORMED_URL
            http:///feed                                        | MALFORMED_URL
            https://user:secret@example.org/feed                | USERINFO
            https://@example.org/feed                           | USERINFO
            http://127.0.0.1:8080/                              | ADDRESS_NOT_PUBLIC
            http://127.255.255.254/                             | ADDRESS_NOT_PUBLIC
            http://0.0.0.0:8080/                                | ADDRESS_NOT_PUBLIC
            http://10.1.2.3/                                    | ADDRESS_NOT_PUBLIC
            http://172.20.0.1/                                  | ADDRESS_NOT_PUBLIC
            http://192.168.100.1/                               | ADDRESS_NOT_PUBLIC
            http://100.100.100.100/                             | ADDRESS_NOT_PUBLIC
            http://169.254.0.1/                                 | ADDRESS_NOT_PUBLIC
            http://224.0.0.251/                                 | ADDRESS_NOT_PUBLIC
            http://239.255.255.250:1900/                        | ADDRESS_NOT_PUBLIC
            http://255.255.255.255/                             | ADDRESS_NOT_PUBLIC
            http://240.0.0.1/                                   | ADDRESS_NOT_PUBLIC
            http://192.0.2.10/                                  | ADDRESS_NOT_PUBLIC
            http://198.51.100.7/                                | ADDRESS_NOT_PUBLIC
            http://203.0.113.9/                                 | ADDRESS_NOT_PUBLIC
            http://198.18.0.1/                                  | ADDRESS_NOT_PUBLIC
            http://198.19.255.1/                                | ADDRESS_NOT_PUBLIC
            http://192.0.0.8/                                   | ADDRESS_NOT_PUBLIC
            http://[::1]:8080/                                  | ADDRESS_NOT_PUBLIC
            http://[::]/                                        | ADDRESS_NOT_PUBLIC
            http://[fe80::1234]/                                | ADDRESS_NOT_PUBLIC
            http://[fd12:3456::1]/                              | ADDRESS_NOT_PUBLIC
            http://[fec0::1]/                                   | ADDRESS_NOT_PUBLIC
            http://[ff05::2]/                                   | ADDRESS_NOT_PUBLIC
            http://[2001:db8::1]/                               | ADDRESS_NOT_PUBLIC
            http://[3fff::1]/                                   | ADDRESS_NOT_PUBLIC
            http://[100::1]/                                    | ADDRESS_NOT_PUBLIC
            http://[::ffff:10.0.0.1]/                           | ADDRESS_NOT_PUBLIC
            http://[::ffff:c0a8:101]/                           | ADDRESS_NOT_PUBLIC
            https://[::ffff:169.254.169.254]/                   | ADDRESS_NOT_PUBLIC
            http://[0:0:0:0:0:ffff:7f00:0001]/                  | ADDRESS_NOT_PUBLIC
            http://[::127.0.0.1]/                               | ADDRESS_NOT_PUBLIC
            http://[::ffff:0:7f00:1]/                           | ADDRESS_NOT_PUBLIC
            http://[64:ff9b::7f00:1]/                           | ADDRESS_NOT_PUBLIC
            http://[64:ff9b:1::a00:1]/                          | ADDRESS_NOT_PUBLIC
            http://[2002:7f00:1::]/                             | ADDRESS_NOT_PUBLIC
            http://[2002:c0a8:101::1]/                          | ADDRESS_NOT_PUBLIC
            http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/      | ADDRESS_NOT_PUBLIC
            http://017700000001/                                | ADDRESS_NOT_PUBLIC
            http://0x7f.0.0.1/                                  | ADDRESS_NOT_PUBLIC
            http://0X7F.1/                                      | ADDRESS_NOT_PUBLIC
            http://127.0.0.1./                                  | ADDRESS_NOT_PUBLIC
            http://0300.0250.0.1/                               | ADDRESS_NOT_PUBLIC
            http://10.0.1/                                      | ADDRESS_NOT_PUBLIC
            http://0xA9FEA9FE/                                  | ADDRESS_NOT_PUBLIC
            http://4294967295/                                  | ADDRESS_NOT_PUBLIC
            http://0/                                           | ADDRESS_NOT_PUBLIC
            http://4294967296/                                  | MALFORMED_URL
            http://1.2.3.4.5/                                   | MALFORMED_URL
            http://256.1.1.1/                                   | MALFORMED_URL
            http://09.1.1.1/                                    | MALFORMED_URL
            http://8.8.8.010/                                   | MALFORMED_URL
            http://example.123/                                 | MALFORMED_URL
            http://localhost/                                   | ADDRESS_NOT_PUBLIC
            http://LOCALHOST./                                  | ADDRESS_NOT_PUBLIC
            http://api.localhost/                               | ADDRESS_NOT_PUBLIC
            http://printer.local/                               | ADDRESS_NOT_PUBLIC
            http://db.internal/                                 | ADDRESS_NOT_PUBLIC
            http://router.home.arpa/                            | ADDRESS_NOT_PUBLIC
            http://intranet/                                    | ADDRESS_NOT_PUBLIC
            http://localtest.me/                                | ADDRESS_NOT_PUBLIC
            http://feed.10.0.0.7.nip.io/                        | ADDRESS_NOT_PUBLIC
            http://split.chorus.test/                           | ADDRESS_NOT_PUBLIC
            http://example.org\\@127.0.0.1/                     | MALFORMED_URL
            http://example.org:0/                               | MALFORMED_URL
            http://example.org:65536/                           | MALFORMED_URL
            http://[fe80::1%25eth0]/                            | MALFORMED_URL
            http://exa_mple..org/                               | MALFORMED_URL
            ''                                                  | MALFORMED_URL
            """)
    void fetch_ofDisallowedForm_isRefusedBeforeAnyConnection(String url, Reason reason) {
        int dialsBefore = internet.dials().size();

        FetchRefusedException refusal = catchThrowableOfType(FetchRefusedException.class,
                () -> fetcher.fetch(FetchRequest.page(url)));

        assertThat(refusal).as("refusal of %s", url).isNotNull();
        assertThat(refusal.reason()).as(refusal.getMessage()).isEqualTo(reason);
        assertThat(refusal.url()).isEqualTo(url);
        assertThat(refusal.isTransient()).isFalse();
        assertThat(internet.dials()).hasSize(dialsBefore);
        assertThat(internet.canary.accepted()).isZero();
    }

    @Test
    void fetch_ofUrlWithLineBreak_isRefusedSoNoHeaderCanBeInjected() {
        FetchRefusedException refusal = catchThrowableOfType(FetchRefusedException.class,
                () -> fetcher.fetch(FetchRequest.page("http://public.chorus.test/\r\nHost: 127.0.0.1")));

        assertThat(refusal.reason()).isEqualTo(Reason.MALFORMED_URL);
        assertThat(refusal.getMessage()).contains("\\u000d\\u000a").doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void messages_sayWhatAndWhy_withoutTheAddressesANameResolvedTo() {
        assertThat(message("gopher://example.org/")).isEqualTo(
                "gopher://example.org/: the scheme gopher is not fetched; only http and https are");
        assertThat(message("http://0177.0.0.1/")).isEqualTo("http://0177.0.0.1/: its host 0177.0.0.1 is the IPv4 "
                + "address 127.0.0.1 written another way, a loopback address; only public addresses are fetched");
        assertThat(message("http://[fd00::1]/")).isEqualTo(
                "http://[fd00::1]/: its host fd00:0:0:0:0:0:0:1 is a private address; only public addresses are fetched");
        assertThat(message("http://localtest.me/feed")).isEqualTo("http://localtest.me/feed: the host localtest.me "
                + "resolves to a loopback address; only public addresses are fetched").doesNotContain("127.0.0.1");
    }

    private static String message(String url) {
        return catchThrowableOfType(FetchRefusedException.class, () -> fetcher.fetch(FetchRequest.page(url)))
                .getMessage();
    }
}
