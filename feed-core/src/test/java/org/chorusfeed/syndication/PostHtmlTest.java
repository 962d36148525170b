package org.chorusfeed.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chorusfeed.text.Segment;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTML a feed entry carries, and the one safelist it passes. */
class PostHtmlTest {

    @Test
    void render_escapesText_andTurnsLineBreaksIntoBreaks() {
        String html = PostHtml.render(List.of(new Segment.Text("a < b && c > \"d\"\nnext line\n\nafter a gap")));

        assertThat(html).isEqualTo("<p>a &lt; b &amp;&amp; c &gt; \"d\"<br>next line<br><br>after a gap</p>");
    }

    @Test
    void render_linksWebUrls_withNofollowUgc_andShowsTheLinkTextAsText() {
        String html = PostHtml.render(List.of(new Segment.Link("<b>docs</b>", "HTTPS://Example.org/a?x=1&y=2")));

        Document document = Jsoup.parseBodyFragment(html);
        assertThat(document.select("a")).hasSize(1);
        assertThat(document.select("a").attr("href")).isEqualTo("https://Example.org/a?x=1&y=2");
        assertThat(document.select("a").attr("rel")).isEqualTo("nofollow ugc");
        assertThat(document.select("a").text()).isEqualTo("<b>docs</b>");
        assertThat(document.select("b")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://example.org/\" onmouseover=\"alert(1)",
        "https://example.org/<script>alert(1)</script>",
        "http:///no-host",
        "https://exa mple.org/",
        "http://[not-an-address]/",
        "https://example.org/nul\u0000byte"})
    void render_hrefThatIsNoCleanWebUrl_staysPlainText(String href) {
        String html = PostHtml.render(List.of(new Segment.Text("see "), new Segment.Link(href, href)));

        Markup.assertTextOnly(html, Fixtures.expectedText("see " + href));
        assertThat(Jsoup.parseBodyFragment(html).select("a")).isEmpty();
    }

    @Test
    void render_linkWithQuotesAndAmpersands_keepsItsTarget() {
        String href = "https://example.org/it's?a=1&b=%22two%22#frag";

        String html = PostHtml.render(List.of(new Segment.Link("it's", href)));

        assertThat(Jsoup.parseBodyFragment(html).select("a").attr("href")).isEqualTo(href);
    }

    @Test
    void render_mentionsAndTags_areText() {
        String html = PostHtml.render(List.of(new Segment.Mention("@Ada", "ada"), new Segment.Text(" "),
                new Segment.Tag("#Baltic<Lab>", "Baltic<Lab>")));

        assertThat(html).isEqualTo("<p>@Ada #Baltic&lt;Lab&gt;</p>");
    }

    @Test
    void safelist_dropsScriptsEventHandlersStylesAndScriptUrls_evenFromMarkupItWasHanded() {
        String dirty = "<p onclick=\"alert(1)\" style=\"color:red\">x<script>alert(2)</script>"
                + "<a href=\"javascript:alert(3)\" onmouseover=\"alert(4)\">j</a>"
                + "<a href=\"/relative\">r</a><a href=\"https://example.org/\" rel=\"opener\">w</a>"
                + "<img src=x onerror=alert(5)><iframe src=\"https://evil.example\"></iframe><br></p>";

        String clean = Jsoup.clean(dirty, "", PostHtml.SAFELIST);

        assertThat(clean).doesNotContain("script", "onclick", "onmouseover", "style", "javascript", "img", "iframe",
                "relative", "opener");
        assertThat(Jsoup.parseBodyFragment(clean).select("a[href]")).extracting(a -> a.attr("href"))
                .containsExactly("https://example.org/");
        assertThat(Jsoup.parseBodyFragment(clean).select("a")).allSatisfy(a -> assertThat(a.attr("rel"))
                .isEqualTo("nofollow ugc"));
    }
}
