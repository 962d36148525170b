package org.chorusfeed.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.chorusfeed.outside.FetchRefusedException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection goes to the address that was vetted, and https is checked against the URL's host name: on a
 * {@link PretendInternet} whose DNS answers change between lookups and whose servers present a test certificate.
 */
class PinningTest {
    private PretendInternet internet;

    @BeforeEach
    void start() throws Exception {
        internet = new PretendInternet();
    }

    @AfterEach
    void stop() {
        internet.close();
    }

    @Test
    void dnsRebinding_theVettedAddressIsUsed_andTheNextHopIsVettedAnew() {
        try (SafeFetcher fetcher = internet.fetcher().build()) {
            FetchRefusedException refusal = catchThrowableOfType(FetchRefusedException.class,
                    () -> fetcher.fetch(FetchRequest.page("http://" + PretendInternet.REBINDING + "/")));

            assertThat(refusal.reason()).isEqualTo(Reason.ADDRESS_NOT_PUBLIC);
            assertThat(refusal.getMessage()).contains("resolves to a link-local address")
                    .contains("(redirected from http://" + PretendInternet.REBINDING + "/)");
        }
        assertThat(internet.lookups()).as("one lookup per connection").containsExactly(PretendInternet.REBINDING,
                PretendInternet.REBINDING);
        assertThat(internet.dials()).containsExactly(new InetSocketAddress("1.2.3.4", 80));
        assertThat(internet.canary.accepted()).isZero();
    }

    @Test
    void https_sendsTheHostNameForSni_andAcceptsACertificateForIt() throws Exception {
        try (SafeFetcher fetcher = internet.fetcher().build()) {
            FetchResult result = fetcher.fetch(FetchRequest.page("https://public.chorus.test/welcome"));

            assertThat(result.text()).isEqualTo("<title>a public page</title>");
        }
        assertThat(internet.https.serverNames()).containsExactly("public.chorus.test");
        assertThat(internet.dials()).containsExactly(new InetSocketAddress("9.9.9.9", 443));
    }

    @Test
    void https_refusesACertificateForAnotherName_evenAtTheVettedAddress() {
        try (SafeFetcher fetcher = internet.fetcher().build()) {
            FetchRefusedException refusal = catchThrowableOfType(FetchRefusedException.class,
                    () -> fetcher.fetch(FetchRequest.page("https://nicob.net/")));

            assertThat(refusal.reason()).isEqualTo(Reason.TLS);
            assertThat(refusal.getMessage()).isEqualTo("https://nicob.net/: the https handshake with nicob.net failed: its "
                    + "certificate is not valid for that name or no common protocol was found");
        }
        assertThat(internet.https.requests()).isZero();
    }

    @Test
    void https_byDefault_trustsOnlyTheJdksAuthorities() {
        InetSocketAddress testServer = new InetSocketAddress("127.0.0.1", internet.https.port());
        try (SafeFetcher fetcher = SafeFetcher.builder().resolver(host -> new InetAddress[] {InetAddress.getByName("9.9.9.9")})
                .dialer((address, timeout) -> Dialer.PLAIN.dial(testServer, timeout)).build()) {
            FetchRefusedException refusal = catchThrowableOfType(FetchRefusedException.class,
                    () -> fetcher.fetch(FetchRequest.page("https://public.chorus.test/")));

            assertThat(refusal.reason()).as("a self-signed certificate is not trusted").isEqualTo(Reason.TLS);
        }
    }
}
