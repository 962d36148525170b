package org.chorusfeed.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.chorusfeed.text.NastyText;
import org.chorusfeed.text.Segment;
import org.chorusfeed.text.TextRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentSpansTest {
    private static final String TEXT = "See https://example.org/x with @Ann about #BalticLab!";
    private static final List<Segment> SEGMENTS = List.of(
            new Segment.Text("See "),
            new Segment.Link("https://example.org/x", "https://example.org/x"),
            new Segment.Text(" with "),
            new Segment.Mention("@Ann", "ann"),
            new Segment.Text(" about "),
            new Segment.Tag("#BalticLab", "BalticLab"),
            new Segment.Text("!"));

    @Test
    void encode_writesOnlyLinksMentionsAndTagsWithTheirOffsets() {
        assertThat(SegmentSpans.encode(SEGMENTS)).isEqualTo("l4-25,m31-35,t42-52");
    }

    @Test
    void decode_rebuildsTheSegmentsFromTextAndSpans() {
        assertThat(SegmentSpans.decode(TEXT, "l4-25,m31-35,t42-52")).isEqualTo(SEGMENTS);
    }

    @Test
    void encodeAndDecode_ofPlainTextOrNothing_useEmptySpans() {
        assertThat(SegmentSpans.encode(List.of(new Segment.Text("just text")))).isEmpty();
        assertThat(SegmentSpans.decode("just text", "")).containsExactly(new Segment.Text("just text"));
        assertThat(SegmentSpans.encode(List.of())).isEmpty();
        assertThat(SegmentSpans.decode("", "")).isEmpty();
    }

    @Test
    void decode_spansCoveringAllTextBackToBack_leaveNoEmptyTextBetween() {
        assertThat(SegmentSpans.decode("#a#b", "t0-2,t2-4"))
                .containsExactly(new Segment.Tag("#a", "a"), new Segment.Tag("#b", "b"));
    }

    @Test
    void decode_offsetsCountUtf16Chars() {
        String text = "\uD83D\uDC4B\uD83C\uDFFD #hi";

        assertThat(SegmentSpans.decode(text, "t5-8")).containsExactly(new Segment.Text("\uD83D\uDC4B\uD83C\uDFFD "),
                new Segment.Tag("#hi", "hi"));
    }

    @Test
    void decode_spanCuttingAnEmojiInHalf_isRefused() {
        String text = "\uD83D\uDC4B #hi";

        assertThatIllegalArgumentException().isThrownBy(() -> SegmentSpans.decode(text, "t1-6"))
                .withMessage("spans \"t1-6\" are malformed at index 0: span 1-6 cuts a character in half");
    }

    @Test
    void decode_returnsAnUnmodifiableList() {
        List<Segment> segments = SegmentSpans.decode(TEXT, "l4-25");

        assertThat(segments).isUnmodifiable();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "x4-25|expected l, m or t",
            "L4-25|expected l, m or t",
            "l|expected a start offset and '-'",
            "l4|expected a start offset and '-'",
            "l4:25|expected a start offset and '-'",
            "l-25|expected a start offset and '-'",
            "l4-|expected an end offset",
            "l4-x|expected an end offset",
            "l4-25,|expected ',' and another span",
            "l4-25;m31-35|expected ',' and another span",
            "l4-25 m31-35|expected ',' and another span",
            "l4-25,,m31-35|expected l, m or t",
            "l4-99999999999|expected an end offset",
            "l4-999|must start at or after 0, end after its start and end within the text's 53 chars",
            "l4-4|must start at or after 0",
            "l25-4|must start at or after 0",
            "m31-35,l4-25|must start at or after 35",
            "l4-25,m20-35|must start at or after 25",
    })
    void decode_malformedSpans_areRefused(String spans, String problem) {
        assertThatIllegalArgumentException().isThrownBy(() -> SegmentSpans.decode(TEXT, spans))
                .withMessageStartingWith("spans \"" + spans + "\" are malformed at index ")
                .withMessageContaining(problem);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "l0-3|href is \"See\"; only http:// and https:// links are allowed",
            "m0-3|a mention must start with '@'",
            "m31-32|handle is \"\"",
            "t0-3|a tag must be '#' and at least one more character",
            "t42-43|a tag must be '#' and at least one more character",
            "m31-36|handle is \"ann \"",
            "m30-35|a mention must start with '@'",
    })
    void decode_spansThatDoNotFitTheText_areRefused(String spans, String problem) {
        assertThatIllegalArgumentException().isThrownBy(() -> SegmentSpans.decode(TEXT, spans))
                .withMessageStartingWith("spans \"" + spans + "\" do not fit the text: ")
                .withMessageContaining(problem);
    }

    @Test
    void decode_linkWithAnotherScheme_isRefusedSoAStoreCannotSmuggleOneIn() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SegmentSpans.decode("javascript:alert(1)", "l0-19"))
                .withMessageContaining("only http:// and https:// links are allowed");
    }

    @Test
    void encode_segmentsThatSayMoreThanTheirText_areRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SegmentSpans.encode(List.of(new Segment.Link("the post", "https://example.org/"))))
                .withMessageContaining("spans can only keep links whose href is their text");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SegmentSpans.encode(List.of(new Segment.Mention("@Ann", "bob"))))
                .withMessageContaining("spans can only keep mentions whose handle is their text after '@' lower-cased");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SegmentSpans.encode(List.of(new Segment.Tag("#Tag", "Other"))))
                .withMessageContaining("spans can only keep tags that are their text after '#'");
    }

    @Test
    void decode_ofEncode_givesBackTheSegmentsOfAnyParsedText() {
        TextRules rules = TextRules.defaults();

        qt().withExamples(3000).forAll(NastyText.strings()).checkAssert(raw -> {
            List<Segment> segments = rules.segment(raw, NastyText.MEMBERS);

            String spans = SegmentSpans.encode(segments);

            assertThat(SegmentSpans.decode(raw, spans)).isEqualTo(segments);
        });
    }
}
