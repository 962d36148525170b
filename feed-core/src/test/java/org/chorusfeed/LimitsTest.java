package org.chorusfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.access.IssuedToken;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.PostId;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.Test;

/** Every limit of the core API at, and just past, its edge: the edge passes, one more is refused with a clear message. */
class LimitsTest {
    private static final URI LINK = URI.create("https://example.org/me");

    @Test
    void timelineLimit_from1To100_passes_0And101_areRefused() {
        assertThat(TimelineQuery.latest().limit(1).limit()).isEqualTo(1);
        assertThat(TimelineQuery.latest().limit(100).limit()).isEqualTo(100);
        assertThatIllegalArgumentException().isThrownBy(() -> TimelineQuery.latest().limit(0))
                .withMessage("limit is 0; allowed 1 to 100");
        assertThatIllegalArgumentException().isThrownBy(() -> TimelineQuery.latest().limit(101))
                .withMessage("limit is 101; allowed 1 to 100");
    }

    @Test
    void timelineQuery_withBothCursors_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TimelineQuery(Optional.of("c1"), Optional.of("c2"), 20,
                        Optional.empty(), Optional.empty(), Optional.empty(), true, Optional.empty()))
                .withMessageContaining("either a 'before' or an 'after' cursor");
        assertThat(TimelineQuery.latest().before("c1").after("c2").before()).as("the later cursor wins").isEmpty();
    }

    @Test
    void timelineTag_ofLettersDigitsAndUnderscore_passes_aSpaceIsRefused() {
        assertThat(TimelineQuery.latest().tag("#Łódź_2026").tag()).contains("Łódź_2026");
        assertThatIllegalArgumentException().isThrownBy(() -> TimelineQuery.latest().tag("two words"))
                .withMessageContaining("tag 'two words' is not allowed");
    }

    @Test
    void handle_of30Characters_passes_31AreRefused() {
        assertThat(NewMember.handle("a".repeat(30)).handle()).hasSize(30);
        assertThatIllegalArgumentException().isThrownBy(() -> NewMember.handle("a".repeat(31)))
                .withMessageContaining("use 1 to 30 lower-case letters, digits, '-' or '_'");
        assertThatIllegalArgumentException().isThrownBy(() -> NewMember.handle(""));
    }

    @Test
    void memberName_of80Characters_passes_81AreRefused() {
        assertThat(NewMember.handle("ada").name("n".repeat(80)).name()).hasSize(80);
        assertThatIllegalArgumentException().isThrownBy(() -> NewMember.handle("ada").name("n".repeat(81)))
                .withMessage("member name is 81 characters; the limit is 80");
        assertThatIllegalArgumentException().isThrownBy(() -> NewMember.handle("ada").name("   "))
                .withMessageContaining("member name is empty");
    }

    @Test
    void bio_of300Characters_passes_301AreRefused() {
        assertThat(NewMember.handle("ada").bio("b".repeat(300)).bio()).hasSize(300);
        assertThatIllegalArgumentException().isThrownBy(() -> NewMember.handle("ada").bio("b".repeat(301)))
                .withMessage("bio is 301 characters; the limit is 300");
    }

    @Test
    void organisationDescription_of300Characters_passes_301AreRefused() {
        assertThat(Organisation.of("lab", "Lab").withDescription("d".repeat(300)).description()).hasSize(300);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Organisation.of("lab", "Lab").withDescription("d".repeat(301)))
                .withMessage("organisation description is 301 characters; the limit is 300");
    }

    @Test
    void language_of35Characters_passes_36AreRefused() {
        String tag35 = "de-abcdefgh-abcdefgh-abcdefgh-abcde";
        assertThat(tag35).hasSize(35);
        assertThat(NewMember.handle("ada").language(tag35).language()).contains(tag35);
        assertThatIllegalArgumentException().isThrownBy(() -> NewMember.handle("ada").language(tag35 + "f"))
                .withMessageContaining("language is 36 characters long");
    }

    @Test
    void profileLinks_fivePass_sixAreRefused_andOnlyWebLinks() {
        assertThat(NewMember.handle("ada").links(Collections.nCopies(5, LINK)).links()).hasSize(5);
        assertThatIllegalArgumentException().isThrownBy(() -> NewMember.handle("ada").links(Collections.nCopies(6, LINK)))
                .withMessage("a profile has 6 links; the limit is 5");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NewMember.handle("ada").links(List.of(URI.create("javascript:alert(1)"))))
                .withMessageContaining("use an absolute http or https URL");
    }

    @Test
    void postIdCounter_upToItsMaximumPasses_onePastIsRefused() {
        Instant noon = Instant.parse("2026-11-30T12:00:00Z");
        assertThat(PostId.of(noon, PostId.MAX_COUNTER).time()).isEqualTo(noon);
        assertThatIllegalArgumentException().isThrownBy(() -> PostId.of(noon, PostId.MAX_COUNTER + 1))
                .withMessageContaining("allowed 0 to " + PostId.MAX_COUNTER);
        assertThatIllegalArgumentException().isThrownBy(() -> PostId.parse("12abc"))
                .withMessage("post id '12abc' is not a positive decimal number");
    }

    @Test
    void tokenLabel_of80Characters_passes_81AreRefused_andRevokedTokensStopWorking() {
        try (Chorus chorus = Chorus.builder().inMemory().build()) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            IssuedToken issued = chorus.tokens().issue(ada.id(), "l".repeat(80));
            assertThat(chorus.tokens().authenticate(issued.secret())).contains(ada);
            assertThatIllegalArgumentException().isThrownBy(() -> chorus.tokens().issue(ada.id(), "l".repeat(81)))
                    .withMessageContaining("give 1 to 80 characters");
            assertThat(chorus.tokens().authenticate(issued.secret() + "x")).isEmpty();
            assertThat(chorus.tokens().revoke(ada.id(), issued.token().id())).isTrue();
            assertThat(chorus.tokens().authenticate(issued.secret())).isEmpty();
            assertThat(chorus.tokens().list(ada.id())).hasSize(1).allMatch(t -> !t.isActive());
        }
    }
}
