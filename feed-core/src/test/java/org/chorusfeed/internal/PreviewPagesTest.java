package org.chorusfeed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.chorusfeed.post.LinkPreview;
import org.junit.jupiter.api.Test;

/** What a page says about itself, read as plain text within the preview's limits. */
class PreviewPagesTest {
    private static final URI PAGE = URI.create("https://www.site.example/articles/kickoff");

    private static Optional<PreviewPages.Card> read(String head) {
        String html = "<!doctype html><html><head>" + head + "</head><body><h1>Body</h1></body></html>";
        return PreviewPages.read(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), null, PAGE);
    }

    private static LinkPreview preview(String head) {
        return read(head).orElseThrow().preview();
    }

    @Test
    void read_prefersOpenGraph_thenTwitterCard_thenTitleAndDescription() {
        String all = "<title>Plain title</title><meta name=description content='Plain description'>"
                + "<meta name='twitter:title' content='Card title'><meta name='twitter:description' content='Card text'>"
                + "<meta property='og:title' content='Graph title'><meta property='og:description' content='Graph text'>"
                + "<meta property='og:site_name' content='Site Example'>";
        assertThat(preview(all)).isEqualTo(new LinkPreview(PAGE, "Graph title", "Graph text", "Site Example",
                Optional.empty()));

        LinkPreview card = preview("<title>Plain title</title><meta name='twitter:title' content='Card title'>"
                + "<meta name='twitter:description' content='Card text'>");
        assertThat(card.title()).isEqualTo("Card title");
        assertThat(card.description()).isEqualTo("Card text");

        LinkPreview plain = preview("<title> Plain\n  title </title><meta name=description content='Plain description'>");
        assertThat(plain.title()).isEqualTo("Plain title");
        assertThat(plain.description()).isEqualTo("Plain description");
        assertThat(plain.siteName()).as("the host stands in for a missing site name").isEqualTo("site.example");
    }

    @Test
    void read_withoutAnyTitle_findsNoPreview() {
        assertThat(read("<meta name=description content='Only a description'>")).isEmpty();
        assertThat(read("<meta property='og:title' content='   '>")).isEmpty();
    }

    @Test
    void read_reducesMarkupAndControlsToPlainText() {
        LinkPreview preview = preview("<meta property='og:title' content='&lt;script&gt;alert(1)&lt;/script&gt;"
                + "&lt;b&gt;Bold&lt;/b&gt; news'><meta property='og:description' content='a&#8238;b\u0007c &amp; d'>");
        assertThat(preview.title()).isEqualTo("Bold news");
        assertThat(preview.description()).isEqualTo("abc & d");
    }

    @Test
    void read_capsTitleDescriptionAndSiteName_atTheirLimits() {
        String title200 = "t".repeat(200);
        String description300 = "d".repeat(300);
        String site100 = "s".repeat(100);
        LinkPreview atLimits = preview("<meta property='og:title' content='" + title200 + "'>"
                + "<meta property='og:description' content='" + description300 + "'>"
                + "<meta property='og:site_name' content='" + site100 + "'>");
        assertThat(atLimits.title()).isEqualTo(title200);
        assertThat(atLimits.description()).isEqualTo(description300);
        assertThat(atLimits.siteName()).isEqualTo(site100);

        LinkPreview past = preview("<meta property='og:title' content='" + title200 + "x'>"
                + "<meta property='og:description' content='" + description300 + "x'>"
                + "<meta property='og:site_name' content='" + site100 + "x'>");
        assertThat(past.title()).hasSize(200).endsWith("t…");
        assertThat(past.description()).hasSize(300).endsWith("d…");
        assertThat(past.siteName()).hasSize(100).endsWith("s…");
    }

    @Test
    void read_capsByCharacters_neverSplittingAPairOfSurrogates() {
        String emoji = "\uD83C\uDFB5";
        LinkPreview preview = preview("<meta property='og:title' content='" + emoji.repeat(201) + "'>");
        assertThat(preview.title().codePointCount(0, preview.title().length())).isEqualTo(200);
        assertThat(preview.title()).isEqualTo(emoji.repeat(199) + "…");
    }

    @Test
    void read_resolvesTheImageAgainstThePage_andIgnoresNonWebImages() {
        assertThat(read("<title>t</title><meta property='og:image' content='/img/cover.png'>").orElseThrow().image())
                .contains(URI.create("https://www.site.example/img/cover.png"));
        assertThat(read("<title>t</title><meta property='og:image' content='javascript:alert(1)'>"
                + "<meta name='twitter:image' content='data:image/png;base64,AAAA'>").orElseThrow().image()).isEmpty();
        assertThat(read("<title>t</title><meta property='og:image' content='javascript:alert(1)'>"
                + "<meta name='twitter:image' content='https://cdn.example/card.jpg'>").orElseThrow().image())
                .contains(URI.create("https://cdn.example/card.jpg"));
    }
}
