package org.chorusfeed.samples.hub.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.post.Post;
import org.chorusfeed.text.Segment;
import org.chorusfeed.timeline.Page;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seeded demo network, checked in an in-memory store. */
class DemoSeederTest {
    private static final SeedClock CLOCK = new SeedClock();
    private static Chorus chorus;
    private static DemoSeeder.Summary summary;
    private static Instant seededAt;
    private static List<Post> posts;

    @BeforeAll
    static void seed() {
        chorus = Chorus.builder().inMemory().clock(CLOCK).build();
        seededAt = Instant.now();
        summary = DemoSeeder.seedIfEmpty(chorus, CLOCK).orElseThrow();
        posts = everyPost(chorus);
    }

    @Test
    void seedsFiveOrganisations_fifteenMembers_oneAdmin_and200Posts() {
        assertThat(summary.organisations()).isEqualTo(5);
        assertThat(chorus.organisations().list()).hasSize(5);
        assertThat(chorus.members().list()).hasSize(15).allMatch(Member::isActive);
        assertThat(chorus.members().list().stream().filter(Member::isAdmin)).hasSize(1);
        assertThat(posts).hasSize(DemoSeeder.POSTS);
        assertThat(summary.posts()).isEqualTo(DemoSeeder.POSTS);
    }

    @Test
    void everyPost_liesInTheLastThreeWeeks_inTheOrderOfItsId() {
        assertThat(posts).allSatisfy(post -> assertThat(post.publishedAt())
                .isBefore(seededAt).isAfter(seededAt.minus(Duration.ofDays(21))));
        List<Instant> times = posts.stream().map(Post::publishedAt).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(CLOCK.instant()).isAfterOrEqualTo(seededAt); // released: follows the system clock again
    }

    @Test
    void thePostsHaveReplies_mentions_tags_links_appreciations_andEdits() {
        assertThat(posts.stream().filter(p -> p.inReplyTo().isPresent()).count())
                .isEqualTo(summary.replies()).isBetween(30L, 80L);
        assertThat(segments(Segment.Mention.class)).hasSizeGreaterThan(50);
        assertThat(segments(Segment.Tag.class).stream().map(Segment.Tag::tag).collect(Collectors.toSet()))
                .contains("Events", "Energie", "OpenLab", "Sensorik", "Design");
        assertThat(posts.stream().filter(p -> p.appreciations() > 0).count()).isGreaterThan(100);
        assertThat(posts.stream().filter(p -> p.editedAt().isPresent()).count()).isEqualTo(summary.edits()).isPositive();
    }

    @Test
    void everyLink_pointsAtExampleDomainsOnly() {
        List<Segment.Link> links = segments(Segment.Link.class);

        assertThat(links).hasSizeGreaterThan(10)
                .allSatisfy(link -> assertThat(java.net.URI.create(link.href()).getHost()).isIn("example.org", "example.com"));
    }

    @Test
    void thePostsAreInEnglishAndGerman() {
        assertThat(posts.stream().filter(p -> p.text().matches(".*\\b(the|and|with)\\b.*")).count()).isGreaterThan(40);
        assertThat(posts.stream().filter(p -> p.text().matches(".*\\b(der|die|und|mit)\\b.*")).count()).isGreaterThan(40);
    }

    @Test
    void noTwoTopLevelPosts_readTheSame() {
        List<String> firstSentences = posts.stream().filter(p -> p.inReplyTo().isEmpty())
                .map(p -> p.text().split("(?<=[.!?]) ")[0]).toList();

        assertThat(firstSentences).doesNotHaveDuplicates();
    }

    @Test
    void seedingAgain_doesNothing_andSeedingElsewhere_writesTheSameTexts() {
        assertThat(DemoSeeder.seedIfEmpty(chorus, CLOCK)).isEmpty();
        assertThat(everyPost(chorus)).hasSize(DemoSeeder.POSTS);

        SeedClock otherClock = new SeedClock();
        try (Chorus other = Chorus.builder().inMemory().clock(otherClock).build()) {
            DemoSeeder.seedIfEmpty(other, otherClock);
            assertThat(texts(everyPost(other))).isEqualTo(texts(posts));
        }
    }

    private static Set<String> texts(List<Post> list) {
        return list.stream().map(Post::text).collect(Collectors.toSet());
    }

    private static <S extends Segment> List<S> segments(Class<S> type) {
        return posts.stream().flatMap(p -> p.segments().stream()).filter(type::isInstance).map(type::cast).toList();
    }

    private static List<Post> everyPost(Chorus c) {
        List<Post> all = new ArrayList<>();
        TimelineQuery query = TimelineQuery.latest().limit(100);
        while (true) {
            Page<Post> page = c.timeline().read(query);
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                return all;
            }
            query = query.before(page.next().get());
        }
    }
}
