package org.chorusfeed.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostTextTest {

    @Test
    void tags_areDistinctLowerCasedAndInOrderOfFirstUse() {
        PostText post = TextRules.defaults().parse("#BalticLab #\u0141\u00F3d\u017A and #balticlab #NEWS", h -> false);

        assertThat(post.tags()).containsExactly("balticlab", "\u0142\u00F3d\u017A", "news");
    }

    @Test
    void tags_lowerCaseIndependentlyOfTheDefaultLocale() {
        PostText post = new PostText("#TITLE", List.of(new Segment.Tag("#TITLE", "TITLE")));

        assertThat(post.tags()).containsExactly("title");
    }

    @Test
    void mentionedHandles_areDistinctInOrderOfFirstMention() {
        PostText post = TextRules.defaults().parse("@Bob, @ann and @BOB", h -> true);

        assertThat(post.mentionedHandles()).containsExactly("bob", "ann");
    }

    @Test
    void tagsAndHandles_cannotBeChangedByCallers() {
        PostText post = TextRules.defaults().parse("#a @ann", h -> true);

        assertThatThrownBy(() -> post.tags().add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> post.mentionedHandles().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void segments_areCopiedSoLaterChangesToTheGivenListDoNotShow() {
        List<Segment> given = new ArrayList<>(List.of(new Segment.Text("hi")));
        PostText post = new PostText("hi", given);

        given.clear();

        assertThat(post.segments()).containsExactly(new Segment.Text("hi"));
        assertThatThrownBy(() -> post.segments().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructor_mergesAdjacentTextSegments() {
        PostText post = new PostText("ab#c", List.of(new Segment.Text("a"), new Segment.Text("b"),
                new Segment.Tag("#c", "c")));

        assertThat(post.segments()).containsExactly(new Segment.Text("ab"), new Segment.Tag("#c", "c"));
    }

    @Test
    void constructor_refusesSegmentsThatDoNotSpellTheText() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PostText("hello", List.of(new Segment.Text("help"))))
                .withMessageContaining("segments do not spell the text: at position 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PostText("hello", List.of(new Segment.Text("hell"))))
                .withMessage("segments cover 4 of the text's 5 characters; they must cover all of it");
    }

    @Test
    void emptyText_hasNoSegments() {
        assertThat(new PostText("", List.of()).segments()).isEmpty();
    }

    @Test
    void segments_refuseEmptyText() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Segment.Text(""))
                .withMessage("text is empty; a segment covers at least one character");
        assertThatIllegalArgumentException().isThrownBy(() -> new Segment.Tag("#", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "ftp://example.org", "//example.org", "example.org",
            " https://example.org", "http\u017F://example.org", "\u0127ttps://example.org"})
    void link_refusesHrefsThatAreNotHttpOrHttps(String href) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Segment.Link("click", href))
                .withMessage("href is \"" + href + "\"; only http:// and https:// links are allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann", "", "ann.b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "\u00E4nn"})
    void mention_refusesHandlesThatAreNotLowerCaseHandles(String handle) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Segment.Mention("@x", handle))
                .withMessageStartingWith("handle is \"" + handle + "\";");
    }
}
