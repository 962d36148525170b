package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CsrfTest {
    private final Csrf csrf = new Csrf(Set.of("https://allowed.example", "http://localhost:8080"), "https://hub.example");

    @Test
    void tokens_matchOnlyExactly_andNeverWhenMissing() {
        assertThat(Csrf.matches("abc", "abc")).isTrue();
        assertThat(Csrf.matches("abc", "abd")).isFalse();
        assertThat(Csrf.matches("abc", "ab")).isFalse();
        assertThat(Csrf.matches("abc", "abcd")).isFalse();
        assertThat(Csrf.matches(null, "abc")).isFalse();
        assertThat(Csrf.matches("abc", null)).isFalse();
        assertThat(Csrf.matches("", "")).isFalse();
    }

    @Test
    void origins_ownConfiguredAndAllowListed_mayWrite_othersNot() {
        String own = "http://127.0.0.1:9000";
        assertThat(csrf.originAllowed("http://127.0.0.1:9000", own)).isTrue();
        assertThat(csrf.originAllowed("https://hub.example", own)).isTrue();
        assertThat(csrf.originAllowed("https://HUB.example:443", own)).isTrue();
        assertThat(csrf.originAllowed("https://allowed.example", own)).isTrue();
        assertThat(csrf.originAllowed("http://localhost:8080", own)).isTrue();
        assertThat(csrf.originAllowed("http://localhost:8081", own)).isFalse();
        assertThat(csrf.originAllowed("http://allowed.example", own)).as("scheme counts").isFalse();
        assertThat(csrf.originAllowed("https://allowed.example.evil.example", own)).isFalse();
        assertThat(csrf.originAllowed("null", own)).isFalse();
        assertThat(csrf.originAllowed("javascript:alert(1)", own)).isFalse();
        assertThat(csrf.originAllowed("", own)).isFalse();
    }

    @Test
    void allowList_isWhatGetsCredentialedCors() {
        assertThat(csrf.isAllowListed("https://allowed.example")).isTrue();
        assertThat(csrf.isAllowListed("https://hub.example")).isFalse();
        assertThat(csrf.isAllowListed(null)).isFalse();
        assertThat(csrf.isAllowListed("not a url")).isFalse();
    }

    @Test
    void origin_isNormalisedAsBrowsersSendIt() {
        assertThat(Csrf.origin("HTTPS", "Hub.Example", 443)).isEqualTo("https://hub.example");
        assertThat(Csrf.origin("http", "hub.example", 8080)).isEqualTo("http://hub.example:8080");
        assertThat(Csrf.origin("http", "::1", 80)).isEqualTo("http://[::1]");
        assertThat(Csrf.normalize("https://hub.example/path?q#f")).isEqualTo("https://hub.example");
        assertThat(Csrf.normalize("ftp://hub.example")).isNull();
    }
}
