package org.chorusfeed.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.chorusfeed.text.TextRuleException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {
    private static final TextRules RULES = TextRules.defaults();
    private static final Predicate<String> NO_MEMBERS = handle -> false;
    private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
    private static final String E_ACUTE_DOT_BELOW = "e\u0301\u0323";

    private static PostText parse(String raw) {
        return RULES.parse(raw, NO_MEMBERS);
    }

    private static TextRuleException refusal(String raw) {
        return refusal(RULES, raw);
    }

    private static TextRuleException refusal(TextRules rules, String raw) {
        return refusal(() -> rules.parse(raw, NO_MEMBERS));
    }

    private static TextRuleException refusal(Runnable parse) {
        try {
            parse.run();
        } catch (TextRuleException e) {
            return e;
        }
        throw new AssertionError("expected the text to be refused");
    }

    // --- defaults and builder

    @Test
    void defaults_allow500CharactersCountLinksAs23AndAllowTwoBlankLines() {
        assertThat(RULES.maxLength()).isEqualTo(500);
        assertThat(RULES.urlLength()).isEqualTo(23);
        assertThat(RULES.maxConsecutiveBlankLines()).isEqualTo(2);
        assertThat(TextRules.builder().build()).isEqualTo(RULES).hasSameHashCodeAs(RULES);
        assertThat(RULES).hasToString("TextRules[maxLength=500, urlLength=23, maxConsecutiveBlankLines=2]");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"maxLength, 1", "maxLength, 10000", "urlLength, 1", "urlLength, 100",
            "maxConsecutiveBlankLines, 0", "maxConsecutiveBlankLines, 10"})
    void builder_atEachBound_acceptsTheValue(String name, int value) {
        TextRules rules = set(TextRules.builder(), name, value).build();

        int actual = switch (name) {
            case "maxLength" -> rules.maxLength();
            case "urlLength" -> rules.urlLength();
            default -> rules.maxConsecutiveBlankLines();
        };
        assertThat(actual).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"maxLength, 0, 1, 10000", "maxLength, 10001, 1, 10000", "urlLength, 0, 1, 100",
            "urlLength, 101, 1, 100", "maxConsecutiveBlankLines, -1, 0, 10", "maxConsecutiveBlankLines, 11, 0, 10"})
    void builder_justPastEachBound_refusesNamingParameterValueAndRange(String name, int value, int min, int max) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> set(TextRules.builder(), name, value))
                .withMessage(name + " is " + value + "; it must be between " + min + " and " + max);
    }

    private static TextRules.Builder set(TextRules.Builder builder, String name, int value) {
        return switch (name) {
            case "maxLength" -> builder.maxLength(value);
            case "urlLength" -> builder.urlLength(value);
            default -> builder.maxConsecutiveBlankLines(value);
        };
    }

    // --- length limit

    @Test
    void parse_textOf500Graphemes_isAccepted() {
        assertThat(parse("a".repeat(500)).text()).hasSize(500);
    }

    @Test
    void parse_textOf501Graphemes_isRefusedWithLengthAndLimit() {
        TextRuleException e = refusal("a".repeat(501));

        assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
        assertThat(e.length()).isEqualTo(501);
        assertThat(e.limit()).isEqualTo(500);
        assertThat(e).hasMessage("post text is 501 characters; the limit is 500 (a link counts as 23)");
    }

    @Test
    void parse_500EmojiZwjSequences_isAcceptedAlthoughItIs5500Chars() {
        PostText post = parse(FAMILY.repeat(500));

        assertThat(post.text()).hasSize(5500);
    }

    @Test
    void parse_501EmojiZwjSequences_isRefusedAs501Characters() {
        TextRuleException e = refusal(FAMILY.repeat(501));

        assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
        assertThat(e.length()).isEqualTo(501);
    }

    @Test
    void parse_500CombiningSequences_isAccepted() {
        assertThat(parse(E_ACUTE_DOT_BELOW.repeat(500)).segments()).hasSize(1);
    }

    @Test
    void parse_501CombiningSequences_isRefusedAs501Characters() {
        assertThat(refusal(E_ACUTE_DOT_BELOW.repeat(501)).length()).isEqualTo(501);
    }

    @Test
    void parse_400CharLinkAnd477OtherCharacters_isAcceptedAtExactly500() {
        String link = "https://example.org/" + "p".repeat(380);
        String raw = "b".repeat(238) + " " + link + " " + "c".repeat(237);

        PostText post = parse(raw);

        assertThat(link).hasSize(400);
        assertThat(RULES.length(post.text())).isEqualTo(500);
        assertThat(post.segments()).containsExactly(new Segment.Text("b".repeat(238) + " "),
                new Segment.Link(link, link), new Segment.Text(" " + "c".repeat(237)));
    }

    @Test
    void parse_400CharLinkAnd478OtherCharacters_isRefusedAt501() {
        String raw = "b".repeat(239) + " https://example.org/" + "p".repeat(380) + " " + "c".repeat(237);

        TextRuleException e = refusal(raw);

        assertThat(e.length()).isEqualTo(501);
        assertThat(e).hasMessage("post text is 501 characters; the limit is 500 (a link counts as 23)");
    }

    @Test
    void parse_withCustomLimits_countsAndRefusesByThem() {
        TextRules rules = TextRules.builder().maxLength(30).urlLength(10).build();

        assertThat(rules.parse("x".repeat(20) + "https://example.org/long", NO_MEMBERS).text()).hasSize(44);
        TextRuleException e = refusal(rules, "x".repeat(21) + "https://example.org/long");
        assertThat(e.length()).isEqualTo(31);
        assertThat(e.limit()).isEqualTo(30);
        assertThat(e).hasMessage("post text is 31 characters; the limit is 30 (a link counts as 10)");
    }

    @Test
    void parse_textOfMaxLengthOne_acceptsOneEmojiAndRefusesTwo() {
        TextRules rules = TextRules.builder().maxLength(1).build();

        assertThat(rules.parse(FAMILY, NO_MEMBERS).text()).isEqualTo(FAMILY);
        assertThat(refusal(rules, FAMILY + FAMILY).length()).isEqualTo(2);
    }

    // --- empty

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n", " \r\n \t ", "\u2003\u3000"})
    void parse_emptyOrWhitespaceOnlyText_isRefusedAsEmpty(String raw) {
        TextRuleException e = refusal(raw);

        assertThat(e.reason()).isEqualTo(Reason.EMPTY);
        assertThat(e).hasMessage("post text is empty");
        assertThat(e.length()).isEqualTo(-1);
        assertThat(e.limit()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u00A0", "\uFEFF \u200B\u2060", "\u200E"})
    void parse_textOfOnlyInvisibleCharacters_isRefusedAsEmpty(String raw) {
        TextRuleException e = refusal(raw);

        assertThat(e.reason()).isEqualTo(Reason.EMPTY);
        assertThat(e).hasMessage("post text is empty: it has only spaces and invisible characters");
    }

    @Test
    void parse_nullText_throwsNullPointerExceptionNamingTheParameter() {
        assertThatNullPointerException().isThrownBy(() -> RULES.parse(null, NO_MEMBERS)).withMessage("raw");
        assertThatNullPointerException().isThrownBy(() -> RULES.parse("x", null)).withMessage("isMemberHandle");
        assertThatNullPointerException().isThrownBy(() -> RULES.length(null)).withMessage("normalizedText");
    }

    // --- normalisation

    @Test
    void parse_crLfAndLoneCr_becomeLineFeeds() {
        assertThat(parse("one\r\ntwo\rthree\n\rfour").text()).isEqualTo("one\ntwo\nthree\n\nfour");
    }

    @Test
    void parse_decomposedText_isStoredComposed() {
        assertThat(parse("Cafe\u0301").text()).isEqualTo("Caf\u00E9");
    }

    @Test
    void parse_surroundingWhitespace_isStrippedButInnerWhitespaceKept() {
        assertThat(parse("\n\r\n  Hello  world \u3000\n").text()).isEqualTo("Hello  world");
    }

    // --- characters

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"0000", "0007", "001B", "007F", "0085", "000B", "000C"})
    void parse_controlCharacter_isRefusedNamingItsCodePointAndPosition(String hex) {
        int c = Integer.parseInt(hex, 16);

        TextRuleException e = refusal("ab" + (char) c + "cd");

        assertThat(e.reason()).isEqualTo(Reason.CONTROL_CHARACTER);
        assertThat(e).hasMessage("post text contains the control character U+" + hex
                + " at position 3; only line breaks are allowed");
    }

    @Test
    void parse_tabInsideText_isRefusedSayingItIsATab() {
        TextRuleException e = refusal("name:\tvalue");

        assertThat(e.reason()).isEqualTo(Reason.CONTROL_CHARACTER);
        assertThat(e).hasMessage("post text contains a tab (U+0009) at position 6; only line breaks are allowed");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"D800", "DBFF", "DC00", "DFFF"})
    void parse_unpairedSurrogate_isRefusedBecauseItCannotBeStored(String hex) {
        TextRuleException e = refusal("ab" + (char) Integer.parseInt(hex, 16) + "cd");

        assertThat(e.reason()).isEqualTo(Reason.CONTROL_CHARACTER);
        assertThat(e).hasMessageStartingWith("post text contains the unpaired surrogate U+" + hex + " at position 3;");
    }

    @Test
    void parse_pairedSurrogates_areOneCharacter() {
        assertThat(parse("ab\uD83D\uDE00cd").text()).isEqualTo("ab\uD83D\uDE00cd");
    }

    @Test
    void parse_controlCharacterAfterEmoji_countsPositionInCharactersNotChars() {
        TextRuleException e = refusal(FAMILY + "\u0007");

        assertThat(e).hasMessageContaining("U+0007 at position 8;");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069"})
    void parse_bidiFormattingCharacter_isRefusedAsTrojanSource(String hex) {
        String raw = "access = \"user" + (char) Integer.parseInt(hex, 16) + "admin\"";

        TextRuleException e = refusal(raw);

        assertThat(e.reason()).isEqualTo(Reason.BIDI_CONTROL);
        assertThat(e).hasMessage("post text contains the bidirectional control character U+" + hex
                + " at position 15; it can make text show something other than what it says, so of the "
                + "direction controls only the marks U+200E, U+200F and U+061C are allowed");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200E", "200F", "061C", "200D", "200C", "FE0F", "FEFF", "200B", "2060"})
    void parse_directionMarksJoinersAndOtherFormatCharacters_areAllowed(String hex) {
        String raw = "\u05E9\u05DC\u05D5\u05DD" + (char) Integer.parseInt(hex, 16) + " world";

        assertThat(parse(raw).text()).isEqualTo(raw);
    }

    @Test
    void parse_hebrewWithLeftToRightMark_isKeptExactly() {
        String raw = "\u05E9\u05DC\u05D5\u05DD \u200Eworld\u200E!";

        assertThat(parse(raw).segments()).containsExactly(new Segment.Text(raw));
    }

    // --- blank lines

    @Test
    void parse_twoBlankLinesInARow_isAccepted() {
        assertThat(parse("one\n\n\ntwo").text()).isEqualTo("one\n\n\ntwo");
    }

    @Test
    void parse_threeBlankLinesInARow_isRefusedWithCountAndLimit() {
        TextRuleException e = refusal("one\n\n\n\ntwo");

        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_BLANK_LINES);
        assertThat(e.length()).isEqualTo(3);
        assertThat(e.limit()).isEqualTo(2);
        assertThat(e).hasMessage("post text has 3 blank lines in a row; at most 2 are allowed");
    }

    @Test
    void parse_blankLinesHoldingOnlySpacesOrInvisibleCharacters_countAsBlank() {
        TextRuleException e = refusal("one\n  \n\u00A0\n\u200B\ntwo");

        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_BLANK_LINES);
        assertThat(e.length()).isEqualTo(3);
    }

    @Test
    void parse_blankLinesWrittenWithCrLf_areCountedAfterNormalising() {
        assertThat(refusal("one\r\n\r\n\r\n\r\ntwo").length()).isEqualTo(3);
    }

    @Test
    void parse_manyRunsOfTwoBlankLines_isAccepted() {
        assertThat(parse("a\n\n\nb\n\n\nc\n\n\nd").text()).isEqualTo("a\n\n\nb\n\n\nc\n\n\nd");
    }

    @Test
    void parse_longestRunOfBlankLines_isTheOneReported() {
        assertThat(refusal("a\n\n\n\nb\n\n\n\n\n\nc").length()).isEqualTo(5);
    }

    @Test
    void parse_withNoBlankLinesAllowed_acceptsLineBreaksButRefusesABlankLine() {
        TextRules rules = TextRules.builder().maxConsecutiveBlankLines(0).build();

        assertThat(rules.parse("one\ntwo", NO_MEMBERS).text()).isEqualTo("one\ntwo");
        TextRuleException e = refusal(rules, "one\n\ntwo");
        assertThat(e).hasMessage("post text has 1 blank lines in a row; at most 0 are allowed");
    }

    @Test
    void parse_blankLinesAroundText_areStrippedNotCounted() {
        assertThat(parse("\n\n\n\n\nHello\n\n\n\n\n").text()).isEqualTo("Hello");
    }

    // --- the result

    @Test
    void parse_text_returnsSegmentsThatSpellIt() {
        PostText post = RULES.parse("Kick-off at #BalticLab with @Ada https://example.org/kickoff",
                "ada"::equals);

        assertThat(post.segments()).containsExactly(
                new Segment.Text("Kick-off at "),
                new Segment.Tag("#BalticLab", "BalticLab"),
                new Segment.Text(" with "),
                new Segment.Mention("@Ada", "ada"),
                new Segment.Text(" "),
                new Segment.Link("https://example.org/kickoff", "https://example.org/kickoff"));
        assertThat(post.tags()).containsExactly("balticlab");
        assertThat(post.mentionedHandles()).containsExactly("ada");
    }

    @Test
    void parse_asksAboutEachHandleOnce() {
        List<String> asked = new ArrayList<>();

        RULES.parse("@ann @Ann @ANN @bob", handle -> asked.add(handle) && handle.equals("ann"));

        assertThat(asked).containsExactly("ann", "bob");
    }

    @Test
    void parse_tooLongText_isRefusedBeforeAskingAboutMembers() {
        Predicate<String> failing = handle -> {
            throw new AssertionError("asked about " + handle);
        };

        assertThat(refusal(() -> RULES.parse("@ann " + "x".repeat(500), failing)).reason())
                .isEqualTo(Reason.TOO_LONG);
    }

    @Test
    void parse_normalisedText_parsesAgainToTheSameResult() {
        PostText once = parse(" Cafe\u0301 \r\n#Tag https://example.org/x. ");

        assertThat(parse(once.text())).isEqualTo(once);
    }

    @Test
    void textRuleException_isAnIllegalArgumentException() {
        assertThat(refusal("")).isInstanceOf(IllegalArgumentException.class);
    }
}
