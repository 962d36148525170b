package org.chorusfeed.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of parsing over random nasty text; a failure prints the smallest example and the seed. */
class TextRulesPropertyTest {
    private static final int EXAMPLES = 2000;

    @Test
    void parse_anyText_isRefusedOrSpelledExactlyByNonEmptySegmentsWithinTheLimit() {
        TextRules rules = TextRules.builder().maxLength(120).build();

        qt().withExamples(EXAMPLES).forAll(NastyText.strings()).checkAssert(raw -> {
            PostText post;
            try {
                post = rules.parse(raw, NastyText.MEMBERS);
            } catch (TextRuleException refused) {
                assertThat(refused.getMessage()).startsWith("post text ");
                return;
            }
            assertThat(concat(post.segments())).isEqualTo(post.text());
            assertThat(post.segments()).allSatisfy(s -> assertThat(s.text()).isNotEmpty());
            assertThat(rules.length(post.text())).isBetween(1, rules.maxLength());
            assertThat(post.text()).isEqualTo(post.text().strip()).doesNotContain("\r");
            for (Segment segment : post.segments()) {
                if (segment instanceof Segment.Link link) {
                    assertThat(link.href()).isEqualTo(link.text()).matches("(?i)https?://.+");
                }
            }
        });
    }

    @Test
    void parse_ofParsedText_givesTheSameResultAgain() {
        qt().withExamples(EXAMPLES).forAll(NastyText.strings()).checkAssert(raw -> {
            PostText once;
            try {
                once = TextRules.defaults().parse(raw, NastyText.MEMBERS);
            } catch (TextRuleException refused) {
                return;
            }
            assertThat(TextRules.defaults().parse(once.text(), NastyText.MEMBERS)).isEqualTo(once);
        });
    }

    @Test
    void segment_ofAnyString_spellsItExactlyAndNeverFails() {
        qt().withExamples(EXAMPLES).forAll(NastyText.strings()).checkAssert(text -> {
            List<Segment> segments = TextRules.defaults().segment(text, NastyText.MEMBERS);

            assertThat(concat(segments)).isEqualTo(text);
            assertThat(segments).allSatisfy(s -> assertThat(s.text()).isNotEmpty());
            for (int i = 1; i < segments.size(); i++) {
                assertThat(segments.get(i) instanceof Segment.Text && segments.get(i - 1) instanceof Segment.Text)
                        .as("adjacent text segments at %d", i).isFalse();
            }
        });
    }

    @Test
    void length_ofTwoTextsSeparatedByALineBreak_isTheirLengthsPlusOne() {
        Gen<String> normalised = NastyText.strings().map(s -> s.replace("\r", ""));
        qt().withExamples(EXAMPLES).forAll(normalised, normalised).checkAssert((a, b) -> {
            TextRules rules = TextRules.defaults();

            assertThat(rules.length(a + "\n" + b)).isEqualTo(rules.length(a) + 1 + rules.length(b));
        });
    }

    @Test
    void length_ofAnyText_countsTheLinksThatSegmentFindsAsUrlLengthAndTheRestAsCharacters() {
        TextRules rules = TextRules.builder().urlLength(100).build();
        Gen<String> normalised = NastyText.strings().map(s -> s.replace("\r", ""));
        qt().withExamples(EXAMPLES).forAll(normalised).checkAssert(text -> {
            int expected = 0;
            StringBuilder run = new StringBuilder();
            for (Segment segment : rules.segment(text, h -> true)) {
                if (segment instanceof Segment.Link) {
                    expected += Graphemes.count(run, 0, run.length()) + rules.urlLength();
                    run.setLength(0);
                } else {
                    run.append(segment.text());
                }
            }
            expected += Graphemes.count(run, 0, run.length());

            assertThat(rules.length(text)).isEqualTo(expected);
        });
    }

    static String concat(List<Segment> segments) {
        StringBuilder out = new StringBuilder();
        segments.forEach(s -> out.append(s.text()));
        return out.toString();
    }
}
