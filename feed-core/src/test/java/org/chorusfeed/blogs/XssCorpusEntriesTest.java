package org.chorusfeed.blogs;

import org.chorusfeed.testing.AttackCorpus;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.chorusfeed.text.TextRules;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every line of the shared XSS corpus ({@code /work/shared/corpus/xss-vectors.txt}, or the file the system property
 * {@code chorus.xssCorpus} names; skipped when absent) as an RSS entry's title and HTML: each becomes valid post text,
 * and no script's code shows up as text. The fixtures' own hostile cases run in {@link HostileFeedsTest} always.
 */
class XssCorpusEntriesTest {
    private static final TextRules RULES = TextRules.defaults();

    @Test
    void everyVector_asEntryTitleAndHtml_becomesPlainValidPostText() throws Exception {
        List<String> vectors = AttackCorpus.xssVectors();
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>xss</title>");
        for (int i = 0; i < vectors.size(); i++) {
            String escaped = Entities.escape(vectors.get(i));
            rss.append("<item><title>").append(escaped).append("</title><link>https://xss.example/").append(i)
                    .append("</link><description>").append(escaped).append(" tail</description></item>");
        }
        ParsedFeed feed = BlogFeeds.builder().maxEntries(1000).build().parse(
                rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8), "", URI.create("https://xss.example/feed"));

        assertThat(feed.entries()).hasSize(vectors.size());
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < vectors.size(); i++) {
            BlogEntry entry = feed.entries().get(i);
            String text = entry.toPostText(RULES);
            softly.assertThat(RULES.parse(text, handle -> false).text()).as("vector %d: %s", i, vectors.get(i)).isEqualTo(text);
            for (Element script : Jsoup.parseBodyFragment(vectors.get(i)).select("script")) {
                if (!script.data().isBlank()) {
                    softly.assertThat(text).as("vector %d: %s", i, vectors.get(i)).doesNotContain(script.data().strip());
                }
            }
        }
        softly.assertAll();
    }
}
