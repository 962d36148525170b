package org.chorusfeed.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Role;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.testing.StoreKind;
import org.chorusfeed.timeline.Page;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded random scenarios: posts hidden and shown again at random, also while a reader pages. Paging must visit
 * every post that stayed public exactly once, in strictly descending order, never a post that stayed hidden, and
 * fill every page that has older posts beyond it. A failure prints its seed; replay it with {@code -Dchorus.seed=...}.
 */
class HidingPagingPropertyTest {
    private static final int SCENARIOS = Integer.getInteger("chorus.scenarios", 20);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void paging_whilePostsAreHiddenAndShown_visitsEveryPublicPostOnce_andNoHiddenOne(StoreKind kind) {
        long base = Long.getLong("chorus.seed", new Random().nextLong());
        int scenarios = Long.getLong("chorus.seed") != null ? 1 : kind == StoreKind.SQLITE ? SCENARIOS / 4 : SCENARIOS;
        for (int i = 0; i < scenarios; i++) {
            long seed = base + i;
            try {
                run(kind, dir.resolve(kind + "-" + i), new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("scenario failed on " + kind + "; replay with -Dchorus.seed=" + seed, e);
            }
        }
    }

    private void run(StoreKind kind, Path scenarioDir, Random random) {
        try (Chorus chorus = kind.open(scenarioDir, MutableClock.standing())) {
            Member admin = chorus.members().admit(NewMember.handle("admin").role(Role.ADMIN));
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            List<PostId> posts = new ArrayList<>();
            Set<PostId> hidden = new HashSet<>();
            int count = 30 + random.nextInt(60);
            for (int i = 0; i < count; i++) {
                posts.add(chorus.posts().publish(ada.id(), "post " + i + (random.nextBoolean() ? " #lab" : "")).id());
            }
            for (PostId id : posts) {
                if (random.nextInt(3) == 0) {
                    chorus.moderation().hide(id, admin.id(), "random");
                    hidden.add(id);
                }
            }
            boolean tagged = random.nextBoolean();
            int limit = 1 + random.nextInt(12);
            Set<PostId> toggled = new HashSet<>();
            List<PostId> visited = new ArrayList<>();
            Page<Post> page = chorus.timeline().read(query(tagged, limit, Optional.empty()));
            while (true) {
                if (page.hasOlder()) {
                    assertThat(page.items()).as("a page with older posts beyond it is full").hasSize(limit);
                }
                page.items().forEach(post -> visited.add(post.id()));
                if (page.next().isEmpty()) {
                    break;
                }
                PostId toggle = posts.get(random.nextInt(posts.size()));
                toggled.add(toggle);
                if (hidden.remove(toggle)) {
                    chorus.moderation().unhide(toggle, admin.id());
                } else {
                    chorus.moderation().hide(toggle, admin.id(), "while paging");
                    hidden.add(toggle);
                }
                page = chorus.timeline().read(query(tagged, limit, page.next()));
            }

            for (int i = 1; i < visited.size(); i++) {
                assertThat(visited.get(i)).as("strictly descending").isLessThan(visited.get(i - 1));
            }
            Set<PostId> matching = new HashSet<>();
            for (Post post : chorus.moderation().hidden(Optional.empty(), 100)) {
                assertThat(hidden).contains(post.id());
            }
            for (PostId id : posts) {
                boolean inTag = !tagged || chorus.posts().get(id).text().endsWith("#lab");
                if (inTag && !toggled.contains(id)) {
                    matching.add(id);
                }
            }
            Set<PostId> expected = new HashSet<>(matching);
            expected.removeIf(hidden::contains);
            Set<PostId> stable = new HashSet<>(visited);
            stable.removeAll(toggled);
            assertThat(stable).as("every post that stayed public, no post that stayed hidden").isEqualTo(expected);
            assertThat(new HashSet<>(visited)).hasSize(visited.size());
        }
    }

    private static TimelineQuery query(boolean tagged, int limit, Optional<String> before) {
        TimelineQuery query = TimelineQuery.latest().limit(limit);
        if (tagged) {
            query = query.tag("lab");
        }
        return before.isPresent() ? query.before(before.get()) : query;
    }
}
