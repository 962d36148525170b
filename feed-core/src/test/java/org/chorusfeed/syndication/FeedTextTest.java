package org.chorusfeed.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The characters feeds may carry, and titles made from a post's text. */
class FeedTextTest {

    @Test
    void clean_dropsWhatXmlForbids_andKeepsEverythingElse() {
        String text = "tab\there\u0000\u0008\u000B\u000C\u001F|\u007F\u0085\u00A0\uD7FF\uE000\uFFFD\uFFFE\uFFFF"
                + "\uD83D\uDE00\uD800x\uDC00y";

        assertThat(FeedText.clean(text)).isEqualTo("tab\there|\u007F\u0085\u00A0\uD7FF\uE000\uFFFD\uD83D\uDE00xy");
    }

    @Test
    void clean_turnsCarriageReturnsIntoLineFeeds() {
        assertThat(FeedText.clean("a\r\nb\rc\nd\r\r\n")).isEqualTo("a\nb\nc\nd\n\n");
    }

    @Test
    void clean_givesCleanTextBackUnchanged() {
        String text = "Kick-off at #BalticLab today https://example.org/kickoff \uD83C\uDF89";

        assertThat(FeedText.clean(text)).isSameAs(text);
    }

    @Test
    void title_isTheFirstLineThatIsNotBlank() {
        assertThat(FeedText.title("\n   \n  Kick-off today  \nmore")).isEqualTo("Kick-off today");
        assertThat(FeedText.title(" \n\t")).isEmpty();
    }

    @Test
    void title_ofEightyCharacters_isTheWholeLine() {
        String line = "x".repeat(FeedText.MAX_TITLE_LENGTH);

        assertThat(FeedText.title(line)).isEqualTo(line);
    }

    @Test
    void title_longerThanEightyCharacters_isCutWithAnEllipsis_neverInsideAnEmoji() {
        String family = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String line = family.repeat(100);

        String title = FeedText.title(line);

        assertThat(title).isEqualTo(family.repeat(FeedText.MAX_TITLE_LENGTH - 1) + "\u2026");
    }

    @Test
    void title_cutAfterASpace_doesNotEndInWhiteSpace() {
        String line = "a".repeat(FeedText.MAX_TITLE_LENGTH - 2) + " " + "b".repeat(10);

        assertThat(FeedText.title(line)).isEqualTo("a".repeat(FeedText.MAX_TITLE_LENGTH - 2) + "\u2026");
    }
}
