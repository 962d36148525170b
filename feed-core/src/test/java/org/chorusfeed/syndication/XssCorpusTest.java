package org.chorusfeed.syndication;

import org.chorusfeed.testing.AttackCorpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.chorusfeed.syndication.Fixtures.ADA;
import static org.chorusfeed.syndication.Fixtures.BOB;
import static org.chorusfeed.syndication.Fixtures.NOON;
import static org.chorusfeed.syndication.Fixtures.child;
import static org.chorusfeed.syndication.Fixtures.children;
import static org.chorusfeed.syndication.Fixtures.entry;
import static org.chorusfeed.syndication.Fixtures.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every line of the shared XSS corpus as post text, plain and with its URLs as links, in all three formats:
 * each feed parses, and each entry's HTML is text only and reads as the post's text.
 *
 * <p>The corpus lives outside the project ({@code /work/shared/corpus/xss-vectors.txt}, or the file named by
 * the system property {@code chorus.xssCorpus}); without it these tests are skipped, and the project's own
 * cases in {@link Markup#XSS} still run in every format's test.
 */
class XssCorpusTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private static List<String> vectors = List.of();
    private static List<FeedEntry> entries = List.of();

    @BeforeAll
    static void readCorpus() throws IOException {
        vectors = readVectors();
        entries = entries(vectors);
    }

    /** The corpus's vectors, decoded; skips the calling test when there is no corpus. */
    static List<String> readVectors() {
        return AttackCorpus.xssVectors();
    }

    /** Two entries per vector, newest first: the vector as plain text, then with its URLs as links. */
    static List<FeedEntry> entries(List<String> vectors) {
        List<FeedEntry> all = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            all.add(entry(Fixtures.textPost(BOB, NOON.minusSeconds(2L * i), vectors.get(i))));
            all.add(entry(Fixtures.linkedPost(ADA, NOON.minusSeconds(2L * i + 1), vectors.get(i))));
        }
        return List.copyOf(all);
    }

    @Test
    void corpus_isRead_withItsEscapesDecoded() {
        assertThat(vectors).hasSizeGreaterThan(250);
        assertThat(vectors).anyMatch(v -> v.contains("\u0000javascript:"));
        assertThat(vectors).anyMatch(v -> v.contains("\u2028javascript:"));
        assertThat(vectors).noneMatch(v -> v.startsWith("# "));
    }

    @Test
    void atom_withEveryCorpusVector_parses_andEveryEntryIsTextOnly() {
        Element feed = Fixtures.parseXml(Syndication.atom(Fixtures.feed(), entries)).getDocumentElement();

        List<Element> found = children(feed, ATOM, "entry");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(found).hasSize(entries.size());
        for (int i = 0; i < found.size(); i++) {
            String expected = Fixtures.expectedText(vectors.get(i / 2));
            softly.assertThat(text(found.get(i), ATOM, "summary")).as(describe(i)).isEqualTo(expected);
            Markup.assertTextOnly(softly, describe(i), text(found.get(i), ATOM, "content"), expected);
        }
        softly.assertAll();
    }

    @Test
    void rss_withEveryCorpusVector_parses_andEveryItemIsTextOnly() {
        Element rss = Fixtures.parseXml(Syndication.rss(Fixtures.feed(), entries)).getDocumentElement();

        List<Element> found = children(child(rss, "", "channel"), "", "item");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(found).hasSize(entries.size());
        for (int i = 0; i < found.size(); i++) {
            String expected = Fixtures.expectedText(vectors.get(i / 2));
            Markup.assertTextOnly(softly, describe(i), text(found.get(i), "", "description"), expected);
        }
        softly.assertAll();
    }

    @Test
    void jsonFeed_withEveryCorpusVector_parses_andEveryItemIsTextOnly() {
        JsonNode items = JsonMapper.builder().build().readTree(Syndication.jsonFeed(Fixtures.feed(), entries))
                .get("items");

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(items).hasSize(entries.size());
        for (int i = 0; i < items.size(); i++) {
            String expected = Fixtures.expectedText(vectors.get(i / 2));
            softly.assertThat(items.get(i).get("content_text").asString()).as(describe(i)).isEqualTo(expected);
            Markup.assertTextOnly(softly, describe(i), items.get(i).get("content_html").asString(), expected);
        }
        softly.assertAll();
    }

    /** Names entry {@code entry} of {@link #entries} in a failure message. */
    static String describe(List<String> vectors, int entry) {
        return (entry % 2 == 0 ? "plain" : "linked") + " vector #" + (entry / 2 + 1) + ": " + vectors.get(entry / 2);
    }

    private static String describe(int entry) {
        return describe(vectors, entry);
    }
}
