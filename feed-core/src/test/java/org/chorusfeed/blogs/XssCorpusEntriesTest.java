package org.chorusfeed.blogs;

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
    private static final Path CORPUS = Path.of(System.getProperty("chorus.xssCorpus", "/work/shared/corpus/xss-vectors.txt"));
    private static final TextRules RULES = TextRules.defaults();

    @Test
    void everyVector_asEntryTitleAndHtml_becomesPlainValidPostText() throws Exception {
        List<String> vectors = vectors();
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

    private static List<String> vectors() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(CORPUS), "no XSS corpus at " + CORPUS);
        List<String> vectors = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
            if (!line.startsWith("# ") && !line.isBlank()) {
                vectors.add(decode(line));
            }
        }
        return vectors;
    }

    /** Undoes the corpus's escapes, as its header lists them: backslash n, r, t, backslash, xHH and u followed by four hex digits. */
    private static String decode(String line) {
        StringBuilder decoded = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 == line.length()) {
                decoded.append(c);
                continue;
            }
            char next = line.charAt(++i);
            switch (next) {
                case 'n' -> decoded.append('\n');
                case 'r' -> decoded.append('\r');
                case 't' -> decoded.append('\t');
                case '\\' -> decoded.append('\\');
                case 'x' -> {
                    decoded.append((char) Integer.parseInt(line.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    decoded.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> decoded.append('\\').append(next);
            }
        }
        return decoded.toString();
    }
}
