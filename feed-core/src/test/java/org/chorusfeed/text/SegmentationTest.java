package org.chorusfeed.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentationTest {
    private static final TextRules RULES = TextRules.defaults();
    private static final Predicate<String> MEMBERS = Set.of("ann", "bob", "ada-lovelace", "x_1")::contains;

    private static List<Segment> segment(String text) {
        return RULES.segment(text, MEMBERS);
    }

    private static Segment.Text text(String text) {
        return new Segment.Text(text);
    }

    private static Segment.Link link(String url) {
        return new Segment.Link(url, url);
    }

    // --- links

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "See https://example.org/page.|https://example.org/page",
            "Really? https://example.org/q?a=1!|https://example.org/q?a=1",
            "Well, https://example.org/a, b|https://example.org/a",
            "Look: https://example.org/x;|https://example.org/x",
            "`He said \"https://example.org/quote\"`|https://example.org/quote",
            "It's 'https://example.org/single'|https://example.org/single",
            "Is it https://example.org/?!...|https://example.org/",
            "https://example.org/x:|https://example.org/x",
    })
    void segment_linkFollowedByPunctuation_leavesThePunctuationAsText(String text, String url) {
        List<Segment> segments = segment(text);

        assertThat(segments).contains(link(url));
        assertThat(concat(segments)).isEqualTo(text);
    }

    @Test
    void segment_linkWithBalancedParenthesis_keepsIt() {
        String url = "https://en.wikipedia.org/wiki/Foo_(bar)";

        assertThat(segment(url)).containsExactly(link(url));
        assertThat(segment("(see " + url + ")")).containsExactly(text("(see "), link(url), text(")"));
        assertThat(segment("(see " + url + ").")).containsExactly(text("(see "), link(url), text(")."));
    }

    @Test
    void segment_linkInsideBrackets_endsBeforeTheUnmatchedClosingBracket() {
        assertThat(segment("[https://example.org/a]")).containsExactly(text("["), link("https://example.org/a"), text("]"));
        assertThat(segment("{https://example.org/b}")).containsExactly(text("{"), link("https://example.org/b"), text("}"));
        assertThat(segment("(https://example.org/c))")).containsExactly(text("("), link("https://example.org/c"), text("))"));
    }

    @Test
    void segment_linkWithBalancedBracketsAndBraces_keepsThem() {
        String url = "https://example.org/a[1]/{b}";

        assertThat(segment(url + ".")).containsExactly(link(url), text("."));
    }

    @Test
    void segment_linkWithQueryAndFragment_keepsThemWhole() {
        String url = "https://example.org/search?q=chorus&lang=de#results-2";

        assertThat(segment("Found " + url + " today")).containsExactly(text("Found "), link(url), text(" today"));
    }

    @Test
    void segment_linkWithPortUserAndIpHost_isALink() {
        assertThat(segment("https://example.org:8443/x")).containsExactly(link("https://example.org:8443/x"));
        assertThat(segment("http://user@example.org/")).containsExactly(link("http://user@example.org/"));
        assertThat(segment("http://192.168.0.1/admin")).containsExactly(link("http://192.168.0.1/admin"));
        assertThat(segment("http://[2001:db8::1]:80/")).containsExactly(link("http://[2001:db8::1]:80/"));
        assertThat(segment("https://b\u00FCcher.example/")).containsExactly(link("https://b\u00FCcher.example/"));
    }

    @Test
    void segment_upperCaseScheme_isALinkWithTheSameHref() {
        assertThat(segment("HTTPS://EXAMPLE.ORG/Path")).containsExactly(link("HTTPS://EXAMPLE.ORG/Path"));
        assertThat(segment("Http://example.org")).containsExactly(link("Http://example.org"));
    }

    @Test
    void segment_linkEndsAtWhitespaceAngleBracketsAndQuotes() {
        assertThat(segment("<https://example.org/a>")).containsExactly(text("<"), link("https://example.org/a"), text(">"));
        assertThat(segment("https://example.org/a\nnext")).containsExactly(link("https://example.org/a"), text("\nnext"));
        assertThat(segment("https://example.org/a\u00A0b")).containsExactly(link("https://example.org/a"), text("\u00A0b"));
        assertThat(segment("href=\"https://example.org/a\"x")).containsExactly(text("href=\""),
                link("https://example.org/a"), text("\"x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://", "https://", "https:///path", "https://:80/x", "https://./", "https://user@/x",
            "https://[]/x", "https://[zz]/", "https://host:port/"})
    void segment_schemeWithoutHost_isText(String text) {
        assertThat(segment(text)).allMatch(s -> s instanceof Segment.Text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
            "ftp://example.org/file", "www.example.org", "mailto:ann@example.org", "vbscript:msgbox(1)",
            "file:///etc/passwd", "//example.org/protocol-relative"})
    void segment_otherSchemesAndBareDomains_stayText(String text) {
        assertThat(segment(text)).allMatch(s -> s instanceof Segment.Text);
    }

    @Test
    void segment_httpsAfterAnotherScheme_onlyLinksTheHttpsPart() {
        assertThat(segment("javascript:https://example.org")).containsExactly(text("javascript:"),
                link("https://example.org"));
    }

    @Test
    void segment_linkDirectlyAfterLetters_isStillALink() {
        assertThat(segment("\u898B\u3066https://example.jp/")).containsExactly(text("\u898B\u3066"),
                link("https://example.jp/"));
    }

    @Test
    void segment_linkRightAfterHashOrHandle_winsOverTheTagOrMention() {
        Predicate<String> everyone = handle -> true;

        assertThat(segment("#https://example.org")).containsExactly(text("#"), link("https://example.org"));
        assertThat(segment("#xhttps://example.org")).containsExactly(new Segment.Tag("#x", "x"),
                link("https://example.org"));
        assertThat(RULES.segment("@annhttps://example.org", everyone)).containsExactly(text("@ann"),
                link("https://example.org"));
    }

    @Test
    void segment_schemeSpelledWithNonAsciiLookalikes_staysText() {
        assertThat(segment("http\u017F://example.org \u0127ttps://example.org")).allMatch(s -> s instanceof Segment.Text);
    }

    @Test
    void segment_tagsAndMentionsInsideLinks_stayPartOfTheLink() {
        String url = "https://example.org/@ann/posts#section";

        assertThat(segment(url)).containsExactly(link(url));
    }

    // --- mentions

    @Test
    void segment_mentionOfMember_isAMentionWithLowerCaseHandle() {
        assertThat(segment("Thanks @Ann and @ADA-Lovelace!")).containsExactly(text("Thanks "),
                new Segment.Mention("@Ann", "ann"), text(" and "),
                new Segment.Mention("@ADA-Lovelace", "ada-lovelace"), text("!"));
    }

    @Test
    void segment_mentionOfNonMember_staysText() {
        assertThat(segment("Hi @carol and @ann")).containsExactly(text("Hi @carol and "),
                new Segment.Mention("@ann", "ann"));
    }

    @Test
    void segment_emailAddress_isNoMention() {
        assertThat(segment("write to bob@example.org or ann.b@example.org")).containsExactly(
                text("write to bob@example.org or ann.b@example.org"));
        assertThat(segment("x_1@bob @@bob .@bob")).allMatch(s -> s instanceof Segment.Text);
    }

    @Test
    void segment_mentionAtStartAfterPunctuationOrBracket_isAMention() {
        assertThat(segment("@bob: (@ann) \u201C@x_1\u201D")).containsExactly(
                new Segment.Mention("@bob", "bob"), text(": ("), new Segment.Mention("@ann", "ann"), text(") \u201C"),
                new Segment.Mention("@x_1", "x_1"), text("\u201D"));
    }

    @Test
    void segment_handleRunningOnIntoOtherLetters_isNoMention() {
        assertThat(segment("@ann\u00E4 @bob@example.org")).allMatch(s -> s instanceof Segment.Text);
    }

    @Test
    void segment_handleLongerThan30Characters_isNoMention() {
        Predicate<String> everyone = handle -> true;

        assertThat(RULES.segment("@" + "a".repeat(30), everyone)).containsExactly(
                new Segment.Mention("@" + "a".repeat(30), "a".repeat(30)));
        assertThat(RULES.segment("@" + "a".repeat(31), everyone)).containsExactly(text("@" + "a".repeat(31)));
    }

    @Test
    void segment_loneAtSign_staysText() {
        assertThat(segment("meet @ 5 @")).containsExactly(text("meet @ 5 @"));
    }

    // --- tags

    @Test
    void segment_tagsWithUmlautsPolishAndCjkLetters_areTagsAsWritten() {
        assertThat(segment("#Zusammenarbeit #\u0141\u00F3d\u017A #\u65E5\u672C #BalticLab")).containsExactly(
                new Segment.Tag("#Zusammenarbeit", "Zusammenarbeit"), text(" "),
                new Segment.Tag("#\u0141\u00F3d\u017A", "\u0141\u00F3d\u017A"), text(" "),
                new Segment.Tag("#\u65E5\u672C", "\u65E5\u672C"), text(" "),
                new Segment.Tag("#BalticLab", "BalticLab"));
    }

    @Test
    void segment_tagWithDigitsUnderscoreAndCombiningMark_keepsThemAll() {
        assertThat(segment("#web_3 #Cafe\u0301!")).containsExactly(new Segment.Tag("#web_3", "web_3"), text(" "),
                new Segment.Tag("#Cafe\u0301", "Cafe\u0301"), text("!"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"#1", "#2024", "#_", "#", "# tag", "C#", "issue#12", "x#tag", "#\uFE0F\u20E3"})
    void segment_hashWithoutLetterOrAfterAWord_staysText(String text) {
        assertThat(segment(text)).containsExactly(text(text));
    }

    @Test
    void segment_tagEndsAtPunctuationAndEmoji() {
        assertThat(segment("(#news), #tag\uD83C\uDF89")).containsExactly(text("("), new Segment.Tag("#news", "news"),
                text("), "), new Segment.Tag("#tag", "tag"), text("\uD83C\uDF89"));
    }

    @Test
    void segment_doubleHash_tagsTheSecond() {
        assertThat(segment("##tag")).containsExactly(text("#"), new Segment.Tag("#tag", "tag"));
    }

    // --- cost

    @ParameterizedTest
    @ValueSource(strings = {"https://(/", "https://(?", "https://[", "https://a)", "@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "#1"})
    void segmentAndLength_ofQuarterMillionCharsOfFailedCandidates_takeLinearTime(String candidate) {
        String text = candidate.repeat(250_000 / candidate.length());

        // linear: a quarter of a second; quadratic (rescanning to the end for each candidate): half a minute
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(concat(segment(text))).isEqualTo(text);
            assertThat(RULES.length(text)).isGreaterThan(text.length() / 2);
        });
    }

    // --- no markup

    @Test
    void segment_markup_isJustText() {
        String html = "<script>alert('x')</script> <b>bold</b> &lt;i&gt; [url=x]y[/url] **md**";

        assertThat(segment(html)).containsExactly(text(html));
    }

    @Test
    void segment_emptyText_hasNoSegments() {
        assertThat(segment("")).isEmpty();
    }

    private static String concat(List<Segment> segments) {
        StringBuilder out = new StringBuilder();
        segments.forEach(s -> out.append(s.text()));
        return out.toString();
    }
}
