package org.chorusfeed.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Length counts user-perceived characters as browsers' {@code Intl.Segmenter} does. The cases live in
 * {@code spec/text-length-cases.json}, which the widget's tests assert too, so both sides count alike.
 */
class TextLengthTest {
    private static final TextRules RULES = TextRules.defaults();

    record Case(String text, int length, String note) {
    }

    static Stream<Arguments> sharedCases() throws IOException {
        Path file = RepositoryFiles.find("spec/text-length-cases.json")
                .orElseThrow(() -> new IllegalStateException("spec/text-length-cases.json not found above "
                        + Path.of("").toAbsolutePath()));
        List<Case> cases = JsonMapper.builder().build().readValue(Files.readString(file), new TypeReference<List<Case>>() {
        });
        return cases.stream().map(c -> Arguments.of(c.note(), c.text(), c.length()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedCases")
    void length_ofEverySharedCase_equalsWhatIntlSegmenterCounts(String note, String text, int length) {
        assertThat(RULES.length(text)).as(note).isEqualTo(length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedCases")
    void length_ofEverySharedCase_staysTheSameAfterNfc(String note, String text, int length) {
        assertThat(RULES.length(Normalizer.normalize(text, Normalizer.Form.NFC))).as(note).isEqualTo(length);
    }

    @Test
    void sharedCases_includeTheLimitAndOneBeyondItInEveryKindOfCharacter() throws IOException {
        List<Object> lengths = sharedCases().map(arguments -> arguments.get()[2]).toList();

        assertThat(lengths).filteredOn(length -> length.equals(500)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(lengths).filteredOn(length -> length.equals(501)).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void length_ofDevanagariConjunct_isOneAlthoughJava17RegexSplitsIt() {
        String ksha = "\u0915\u094D\u0937";

        assertThat(RULES.length(ksha)).isEqualTo(1);
        assertThat(RULES.length("\u0928\u092E\u0938\u094D\u0924\u0947")).isEqualTo(3);
    }

    @Test
    void length_ofConjunctInterruptedByZeroWidthNonJoiner_isTwo() {
        assertThat(RULES.length("\u0915\u094D\u200C\u0937")).isEqualTo(2);
    }

    @Test
    void length_ofCombiningMarkNewerThanJava17_joinsTheLetterBeforeIt() {
        String aWithMarkFromUnicode14 = "a\u1AC1";

        assertThat(RULES.length(aWithMarkFromUnicode14)).isEqualTo(1);
    }

    @Test
    void length_ofMarkAfterLineBreak_countsOnItsOwn() {
        assertThat(RULES.length("a\n\u0301")).isEqualTo(3);
    }

    @Test
    void length_withCustomUrlLength_countsEachLinkAsThat() {
        TextRules rules = TextRules.builder().urlLength(10).build();

        assertThat(rules.length("a https://example.org/x b http://example.com")).isEqualTo(2 + 10 + 3 + 10);
    }

    @Test
    void length_ofLinkOfAnyLength_isTheUrlLength() {
        String link = "https://example.org/" + "p".repeat(5000);

        assertThat(RULES.length(link)).isEqualTo(23);
    }

    @Test
    void length_ofEmptyText_isZero() {
        assertThat(RULES.length("")).isZero();
    }
}
