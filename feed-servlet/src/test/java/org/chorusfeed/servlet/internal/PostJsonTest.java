package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.post.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Posts' kept JSON: the same bytes as the tree, served only for the same post in the same generation. */
class PostJsonTest {
    private final Chorus chorus = Chorus.builder().inMemory().build();
    private final People people = new People(chorus);
    private final PostJson json = new PostJson(100);
    private final Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada Example"));

    @AfterEach
    void close() {
        chorus.close();
    }

    private Directory directory() {
        return new Directory(chorus, people);
    }

    private byte[] tree(Post post) {
        return Representations.MAPPER.writeValueAsBytes(Representations.post(post, directory(), null));
    }

    private static Change change(ChangeKind kind, Post post) {
        return new Change(99, Instant.EPOCH, kind, Optional.of(post.id()), Optional.empty(), Optional.empty());
    }

    @Test
    void aRendering_isTheTreesBytes_andIsServedAgainForAnEqualPost() {
        Post parent = chorus.posts().publish(ada.id(), "Kick-off at #BalticLab https://example.org/k with @ada");
        Post reply = chorus.posts().reply(ada.id(), parent.id(), "An \"answer\" \u2028 with odd characters <b>");
        long generation = json.generation();

        byte[] rendered = json.render(reply, PostJson.View.PUBLIC, directory(), generation);

        assertThat(rendered).isEqualTo(tree(reply));
        assertThat(json.cached(chorus.posts().get(reply.id()), PostJson.View.PUBLIC, generation)).isSameAs(rendered);
    }

    @Test
    void aChangedPost_isNeverServedItsOldRendering() {
        Post post = chorus.posts().publish(ada.id(), "First words");
        long generation = json.generation();
        json.render(post, PostJson.View.PUBLIC, directory(), generation);

        Post appreciated = chorus.posts().appreciate(post.id(), ada.id());

        assertThat(json.cached(appreciated, PostJson.View.PUBLIC, generation)).isNull();
        json.invalidate(change(ChangeKind.POST_APPRECIATED, appreciated));
        assertThat(json.generation()).as("an appreciation changes only its own post").isEqualTo(generation);
        assertThat(json.cached(post, PostJson.View.PUBLIC, generation)).isNull();
    }

    @Test
    void everyChangeThatMayTouchOtherPosts_startsANewGeneration() {
        Post post = chorus.posts().publish(ada.id(), "Words");
        for (ChangeKind kind : ChangeKind.values()) {
            long generation = json.generation();
            json.render(post, PostJson.View.PUBLIC, directory(), generation);

            json.invalidate(change(kind, post));

            boolean newGeneration = json.generation() != generation;
            assertThat(newGeneration).as("%s starts a new generation", kind)
                    .isEqualTo(!PostJson.OWN_POST_ONLY.contains(kind));
            assertThat(json.cached(post, PostJson.View.PUBLIC, json.generation())).as("%s", kind).isNull();
        }
    }

    @Test
    void aRenderingFromBeforeAnInvalidation_isNotKept() {
        Post post = chorus.posts().publish(ada.id(), "Words");
        long before = json.generation();
        json.invalidate(change(ChangeKind.MEMBER_CHANGED, post));

        json.render(post, PostJson.View.PUBLIC, directory(), before);

        assertThat(json.size()).isZero();
        assertThat(json.cached(post, PostJson.View.PUBLIC, json.generation())).isNull();
    }

    @Test
    void theCache_staysWithinItsCapacity() {
        long generation = json.generation();
        for (int i = 0; i < 250; i++) {
            json.render(chorus.posts().publish(ada.id(), "Post " + i), PostJson.View.PUBLIC, directory(), generation);
            assertThat(json.size()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void withField_appendsAFieldAsJacksonWould() {
        Post post = chorus.posts().publish(ada.id(), "Words");
        ObjectNode node = Representations.post(post, directory(), true);

        assertThat(PostJson.withField(tree(post), "appreciatedByMe", true))
                .isEqualTo(Representations.MAPPER.writeValueAsBytes(node));
        assertThatThrownBy(() -> PostJson.withField("[1]".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "x", true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
