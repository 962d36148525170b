package org.chorusfeed.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.testing.StoreKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded random scenarios: random interleavings of publish, edit and delete by many members, read back with
 * random page sizes and filters. Paging backwards and forwards must visit every matching post exactly once,
 * in strictly descending id order. A failure prints its seed; replay it with {@code -Dchorus.seed=...}.
 */
class TimelinePagingPropertyTest {
    private static final String[] TAGS = {"BalticLab", "Zusammenarbeit", "Łódź", "energy", "Kiel"};
    private static final String[] ORGS = {"baltic-lab", "nordwerk", "kiel-hub"};
    private static final int SCENARIOS = Integer.getInteger("chorus.scenarios", 40);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void paging_afterRandomPublishEditDelete_visitsEveryMatchingPostOnceInDescendingOrder(StoreKind kind) {
        long base = Long.getLong("chorus.seed", new Random().nextLong());
        int scenarios = Long.getLong("chorus.seed") != null ? 1
                : kind == StoreKind.SQLITE ? SCENARIOS / 4 : SCENARIOS; // SQLite commits durably: fewer, same shapes
        for (int i = 0; i < scenarios; i++) {
            long seed = base + i;
            Path scenarioDir = dir.resolve(kind + "-" + i);
            try {
                runScenario(kind, scenarioDir, new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("scenario failed on " + kind + "; replay with -Dchorus.seed=" + seed, e);
            }
        }
    }

    private void runScenario(StoreKind kind, Path scenarioDir, Random random) {
        MutableClock clock = MutableClock.standing();
        try (Chorus chorus = kind.open(scenarioDir, clock)) {
            Model model = new Model(chorus, clock, random);
            model.populate(40 + random.nextInt(120));
            for (int q = 0; q < 6; q++) {
                Filter filter = Filter.random(random, model.members);
                int limit = 1 + random.nextInt(15);
                checkBackwards(chorus, model, filter, limit);
                checkForwards(chorus, model, filter, limit);
            }
        }
    }

    /** Pages from the newest towards the oldest while new posts, edits and deletions of other posts happen. */
    private void checkBackwards(Chorus chorus, Model model, Filter filter, int limit) {
        List<Post> expected = model.matching(filter);
        Page<Post> page = readBoth(chorus, filter.apply(TimelineQuery.latest().limit(limit)));
        List<PostId> visited = new ArrayList<>();
        Set<PostId> deletedWhilePaging = new HashSet<>();
        while (true) {
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            if (page.hasOlder()) {
                assertThat(page.items()).as("a page with older posts beyond it is full").hasSize(limit);
            }
            page.items().forEach(p -> visited.add(p.id()));
            if (page.next().isEmpty()) {
                break;
            }
            model.interfere(deletedWhilePaging);
            page = readBoth(chorus, filter.apply(TimelineQuery.latest().limit(limit).before(page.next().get())));
        }
        assertStrictlyDescending(visited);
        Set<PostId> visitedSet = new HashSet<>(visited);
        List<PostId> expectedIds = expected.stream().map(Post::id)
                .filter(id -> !deletedWhilePaging.contains(id) || visitedSet.contains(id)).toList();
        assertThat(visited).as("backwards with %s, limit %d", filter, limit).containsExactlyElementsOf(expectedIds);
    }

    /** Pages from the oldest towards the newest, following {@code prev}, while new posts arrive. */
    private void checkForwards(Chorus chorus, Model model, Filter filter, int limit) {
        Page<Post> page = readBoth(chorus, filter.apply(TimelineQuery.latest().limit(limit)));
        while (page.next().isPresent()) {
            page = readBoth(chorus, filter.apply(TimelineQuery.latest().limit(limit).before(page.next().get())));
        }
        List<PostId> visitedAscending = new ArrayList<>();
        Set<PostId> deletedWhilePaging = new HashSet<>();
        while (true) {
            List<PostId> ids = page.items().stream().map(Post::id).toList();
            assertStrictlyDescending(ids);
            for (int i = ids.size() - 1; i >= 0; i--) {
                visitedAscending.add(ids.get(i));
            }
            if (page.prev().isEmpty()) {
                break;
            }
            model.interfere(deletedWhilePaging);
            page = readBoth(chorus, filter.apply(TimelineQuery.latest().limit(limit).after(page.prev().get())));
        }
        List<PostId> descending = new ArrayList<>(visitedAscending);
        java.util.Collections.reverse(descending);
        assertStrictlyDescending(descending);
        List<PostId> expectedNow = model.matching(filter).stream().map(Post::id).toList();
        Set<PostId> visitedSet = new HashSet<>(visitedAscending);
        assertThat(visitedSet).as("forwards with %s, limit %d reaches every post now there", filter, limit)
                .containsAll(expectedNow);
        visitedSet.removeAll(expectedNow);
        assertThat(visitedSet).as("the only visited posts not there now were deleted while paging")
                .isSubsetOf(deletedWhilePaging);
    }

    /** Reads a page, and the same page as ids only, which must agree item for item and cursor for cursor. */
    private static Page<Post> readBoth(Chorus chorus, TimelineQuery query) {
        Page<Post> page = chorus.timeline().read(query);
        Page<PostId> ids = chorus.timeline().readIds(query);
        assertThat(ids.items()).as("ids of %s", query).containsExactlyElementsOf(page.items().stream().map(Post::id).toList());
        assertThat(ids.next()).as("next of %s", query).isEqualTo(page.next());
        assertThat(ids.prev()).as("prev of %s", query).isEqualTo(page.prev());
        return page;
    }

    private static void assertStrictlyDescending(List<PostId> ids) {
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).as("id at %d after %s", i, ids.get(i - 1)).isLessThan(ids.get(i - 1));
        }
    }

    /** What the scenario did, kept beside the store to compute the expected pages. */
    private static final class Model {
        final Chorus chorus;
        final MutableClock clock;
        final Random random;
        final List<Member> members = new ArrayList<>();
        final Map<PostId, Post> posts = new LinkedHashMap<>();

        Model(Chorus chorus, MutableClock clock, Random random) {
            this.chorus = chorus;
            this.clock = clock;
            this.random = random;
            for (String org : ORGS) {
                chorus.organisations().save(Organisation.of(org, org.toUpperCase(Locale.ROOT)));
            }
            int count = 4 + random.nextInt(9);
            for (int i = 0; i < count; i++) {
                NewMember member = NewMember.handle("m" + i);
                if (random.nextInt(4) > 0) {
                    member = member.organisation(ORGS[random.nextInt(ORGS.length)]);
                }
                members.add(chorus.members().admit(member));
            }
        }

        void populate(int operations) {
            for (int i = 0; i < operations; i++) {
                int op = random.nextInt(10);
                if (op < 7 || posts.isEmpty()) {
                    publish();
                } else if (op < 9) {
                    editKeepingTags();
                } else {
                    deleteRandom(Set.of());
                }
            }
        }

        /** Mutations a reader may see between two pages: new posts, edits that keep tags, deletions (perhaps of posts already read). */
        void interfere(Set<PostId> deletedWhilePaging) {
            int op = random.nextInt(6);
            if (op < 3) {
                publish();
            } else if (op < 5 && !posts.isEmpty()) {
                editKeepingTags();
            } else if (!posts.isEmpty()) {
                deleteRandom(deletedWhilePaging).ifPresent(deletedWhilePaging::add);
            }
        }

        void publish() {
            clock.advance(Duration.ofMillis(random.nextInt(3)));
            Member author = members.get(random.nextInt(members.size()));
            StringBuilder text = new StringBuilder("Note ").append(posts.size());
            for (String tag : TAGS) {
                if (random.nextInt(4) == 0) {
                    text.append(" #").append(random.nextBoolean() ? tag : tag.toLowerCase(Locale.ROOT));
                }
            }
            if (random.nextInt(5) == 0) {
                text.append(" @").append(members.get(random.nextInt(members.size())).handle());
            }
            Post post;
            if (!posts.isEmpty() && random.nextInt(4) == 0) {
                post = chorus.posts().reply(author.id(), randomPost().id(), text.toString());
            } else {
                post = chorus.posts().publish(author.id(), text.toString());
            }
            posts.put(post.id(), post);
        }

        void editKeepingTags() {
            Post post = randomPost();
            clock.advance(Duration.ofMillis(random.nextInt(2)));
            Post edited = chorus.posts().edit(post.id(), post.author(), post.text() + " (edited)");
            posts.put(edited.id(), edited);
        }

        Optional<PostId> deleteRandom(Set<PostId> alreadyDeleted) {
            Post post = randomPost();
            if (alreadyDeleted.contains(post.id())) {
                return Optional.empty();
            }
            chorus.posts().delete(post.id(), post.author());
            posts.remove(post.id());
            return Optional.of(post.id());
        }

        Post randomPost() {
            List<Post> all = new ArrayList<>(posts.values());
            return all.get(random.nextInt(all.size()));
        }

        List<Post> matching(Filter filter) {
            return posts.values().stream().filter(filter.predicate(this))
                    .sorted((a, b) -> b.id().compareTo(a.id())).toList();
        }

        Member author(Post post) {
            return members.stream().filter(m -> m.id().equals(post.author())).findFirst().orElseThrow();
        }
    }

    /** One random combination of the timeline's filters. */
    private record Filter(Optional<String> member, Optional<String> organisation, Optional<String> tag,
            boolean includeReplies) {

        static Filter random(Random random, List<Member> members) {
            Optional<String> member = random.nextInt(4) == 0
                    ? Optional.of(members.get(random.nextInt(members.size())).handle()) : Optional.empty();
            Optional<String> org = random.nextInt(4) == 0 ? Optional.of(ORGS[random.nextInt(ORGS.length)]) : Optional.empty();
            Optional<String> tag = random.nextInt(3) == 0 ? Optional.of(TAGS[random.nextInt(TAGS.length)]) : Optional.empty();
            return new Filter(member, org, tag, random.nextInt(3) > 0);
        }

        TimelineQuery apply(TimelineQuery query) {
            TimelineQuery q = query.replies(includeReplies);
            q = member.map(q::member).orElse(q);
            q = organisation.map(q::organisation).orElse(q);
            return tag.map(q::tag).orElse(q);
        }

        Predicate<Post> predicate(Model model) {
            return post -> member.map(h -> model.author(post).handle().equals(h)).orElse(true)
                    && organisation.map(o -> model.author(post).organisation().equals(Optional.of(o))).orElse(true)
                    && tag.map(t -> post.text().toLowerCase(Locale.ROOT).matches(
                            "(?s).*#" + java.util.regex.Pattern.quote(t.toLowerCase(Locale.ROOT)) + "(\\s.*|$)")).orElse(true)
                    && (includeReplies || post.inReplyTo().isEmpty());
        }
    }
}
