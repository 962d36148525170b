package org.chorusfeed.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chorusfeed.syndication.Fixtures.ADA;
import static org.chorusfeed.syndication.Fixtures.BALTIC_LAB;
import static org.chorusfeed.syndication.Fixtures.BOB;
import static org.chorusfeed.syndication.Fixtures.NOON;
import static org.chorusfeed.syndication.Fixtures.SITE;

import java.net.URI;
import java.util.Optional;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.Post;
import org.junit.jupiter.api.Test;

/** What {@link FeedInfo} and {@link FeedEntry} accept, and what they say when they refuse. */
class FeedValuesTest {
    private static final URI SELF = URI.create("https://hub.example/feed.atom");

    @Test
    void feedInfo_refusesABlankTitle() {
        assertThatThrownBy(() -> FeedInfo.of("  ", SELF, SITE, NOON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feed title is empty");
    }

    @Test
    void feedInfo_refusesUrlsThatAreNotAbsoluteWebUrls() {
        assertThatThrownBy(() -> FeedInfo.of("t", URI.create("/feed.atom"), SITE, NOON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feed self URL '/feed.atom'");
        assertThatThrownBy(() -> FeedInfo.of("t", SELF, URI.create("javascript:alert(1)"), NOON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feed site URL");
    }

    @Test
    void feedInfo_refusesALanguageThatIsNoBcp47Tag_andNormalisesOneThatIs() {
        assertThatThrownBy(() -> FeedInfo.of("t", SELF, SITE, NOON).withLanguage("english please"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'english please'");
        assertThat(FeedInfo.of("t", SELF, SITE, NOON).withLanguage("de-at").language()).isEqualTo("de-AT");
    }

    @Test
    void feedInfo_treatsABlankSubtitleAsNone() {
        assertThat(FeedInfo.of("t", SELF, SITE, NOON).withSubtitle("   ").subtitle()).isEmpty();
    }

    @Test
    void feedEntry_refusesAnAuthorWhoDidNotWriteThePost() {
        Post adas = Fixtures.textPost(ADA, NOON, "mine");

        assertThatThrownBy(() -> new FeedEntry(adas, BOB, Fixtures.link(adas)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@bob").hasMessageContaining("post");
    }

    @Test
    void feedEntry_refusesAnOrganisationTheAuthorDoesNotBelongTo() {
        Post bobs = Fixtures.textPost(BOB, NOON, "mine");
        Post adas = Fixtures.textPost(ADA, NOON, "mine");

        assertThatThrownBy(() -> new FeedEntry(bobs, BOB, Optional.of(BALTIC_LAB), Fixtures.link(bobs)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to none");
        assertThatThrownBy(() -> new FeedEntry(adas, ADA, Optional.of(Organisation.of("other", "Other")),
                Fixtures.link(adas)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to 'baltic-lab'");
    }

    @Test
    void feedEntry_refusesALinkThatIsNotAnAbsoluteWebUrl() {
        Post post = Fixtures.textPost(ADA, NOON, "x");

        assertThatThrownBy(() -> new FeedEntry(post, ADA, URI.create("data:text/html,hi")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("post link 'data:text/html,hi'");
    }
}
