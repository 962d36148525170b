package org.chorusfeed.text;

import org.chorusfeed.testing.AttackCorpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attack strings as post text: each is refused, or comes back as plain segments that spell it exactly and link only
 * to http or https. Markup is never interpreted, so it can only ever be shown as text.
 */
class XssVectorsTest {
    private static final TextRules RULES = TextRules.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>",
            "\"><script>alert(document.cookie)</script>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "javascript:alert(document.cookie)",
            "JaVaScRiPt:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "&#106;avascript:alert(1)",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "[click](javascript:alert(1))",
            "https://example.org/\"onmouseover=\"alert(1)",
            "https://example.org/<script>alert(1)</script>",
            "https://example.org/x' onerror='alert(1)",
            "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
            "<style>@import 'https://evil.example/x.css';</style>",
            "http://example.org@evil.example/",
            "jav\tascript:alert(1)",
            "\u202Ehttps://example.org/gpj.exe",
            "<a href=\"\u0000javascript:alert(1)\">x</a>",
    })
    void parse_ownXssCase_isRefusedOrOnlyPlainSegments(String raw) {
        assertRefusedOrHarmless(raw);
    }

    @Test
    void parse_scriptTag_isOneTextSegmentShowingTheTagAsWritten() {
        String raw = "<script>alert(1)</script>";

        assertThat(RULES.parse(raw, h -> true).segments()).containsExactly(new Segment.Text(raw));
    }

    @Test
    void parse_javascriptHref_staysTextAndOnlyTheHttpsPartLinks() {
        PostText post = RULES.parse("<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>", h -> true);

        assertThat(post.segments()).containsExactly(new Segment.Text("<a href=\""),
                new Segment.Link("https://example.org", "https://example.org"),
                new Segment.Text("\" onclick=\"alert(1)\">x</a>"));
    }

    @Test
    void parse_linkFollowedByAttributeInjection_endsBeforeTheQuote() {
        PostText post = RULES.parse("https://example.org/\"onmouseover=\"alert(1)", h -> true);

        assertThat(post.segments().get(0)).isEqualTo(new Segment.Link("https://example.org/", "https://example.org/"));
    }

    static Stream<Arguments> corpusVectors() {
        return AttackCorpus.xssVectors().stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("corpusVectors")
    void parse_everyCorpusVector_isRefusedOrOnlyPlainSegments(String raw) {
        assertRefusedOrHarmless(raw);
    }

    @Test
    void unescape_decodesTheCorpusEscapes() {
        assertThat(AttackCorpus.decode("a\\nb\\r\\t\\\\x3c\\x01\\u2028\\q")).isEqualTo("a\nb\r\t\\x3c\u0001\u2028\\q");
    }

    private static void assertRefusedOrHarmless(String raw) {
        PostText post;
        try {
            post = RULES.parse(raw, handle -> true);
        } catch (TextRuleException refused) {
            return;
        }
        String expected = Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC).strip();
        assertThat(post.text()).isEqualTo(expected);
        assertThat(TextRulesPropertyTest.concat(post.segments())).isEqualTo(post.text());
        for (Segment segment : post.segments()) {
            if (segment instanceof Segment.Link link) {
                assertThat(link.href())
                        .matches("(?i)https?://[^\\s\"<>]+")
                        .isEqualTo(link.text());
            }
        }
    }
}
