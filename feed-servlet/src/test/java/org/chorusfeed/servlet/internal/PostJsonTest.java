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

/** Posts' kept JSON: the same bytes as the tree, dropped by the changes that may alter them. */
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
    void aRendering_isTheTreesBytes_andIsKeptByPostId() {
        Post parent = chorus.posts().publish(ada.id(), "Kick-off at #BalticLab https://example.org/k with @ada");
        Post reply = chorus.posts().reply(ada.id(), parent.id(), "An \"answer\" \u2028 with odd characters <b>");

        byte[] rendered = json.render(reply, PostJson.View.PUBLIC, directory(), json.stamp());

        assertThat(rendered).isEqualTo(tree(reply));
        assertThat(json.cached(reply.id(), PostJson.View.PUBLIC)).isSameAs(rendered);
        assertThat(json.cached(parent.id(), PostJson.View.PUBLIC)).isNull();
    }

    @Test
    void aChangeToAPost_dropsOnlyThatPostsRendering() {
        Post post = chorus.posts().publish(ada.id(), "First words");
        Post other = chorus.posts().publish(ada.id(), "Other words");
        json.render(post, PostJson.View.PUBLIC, directory(), json.stamp());
        json.render(other, PostJson.View.PUBLIC, directory(), json.stamp());

        json.invalidate(change(ChangeKind.POST_APPRECIATED, chorus.posts().appreciate(post.id(), ada.id())));

        assertThat(json.cached(post.id(), PostJson.View.PUBLIC)).isNull();
        assertThat(json.cached(other.id(), PostJson.View.PUBLIC)).isEqualTo(tree(other));
    }

    @Test
    void everyChangeThatMayTouchOtherPosts_dropsEveryRendering() {
        Post post = chorus.posts().publish(ada.id(), "Words");
        Post other = chorus.posts().publish(ada.id(), "Other words");
        for (ChangeKind kind : ChangeKind.values()) {
            json.render(post, PostJson.View.PUBLIC, directory(), json.stamp());
            json.render(other, PostJson.View.PUBLIC, directory(), json.stamp());

            json.invalidate(change(kind, post));

            assertThat(json.cached(post.id(), PostJson.View.PUBLIC)).as("%s", kind).isNull();
            assertThat(json.cached(other.id(), PostJson.View.PUBLIC) == null).as("%s drops the other post's", kind)
                    .isEqualTo(!PostJson.OWN_POST_ONLY.contains(kind));
        }
    }

    @Test
    void aRenderingOfAPostReadBeforeAChange_isNotKept() {
        Post post = chorus.posts().publish(ada.id(), "Words");
        long stamp = json.stamp();
        Post edited = chorus.posts().edit(post.id(), ada.id(), "New words");
        json.invalidate(change(ChangeKind.POST_EDITED, edited));

        byte[] stale = json.render(post, PostJson.View.PUBLIC, directory(), stamp);

        assertThat(stale).isEqualTo(tree(post));
        assertThat(json.size()).isZero();
        assertThat(json.cached(post.id(), PostJson.View.PUBLIC)).isNull();
    }

    @Test
    void theCache_staysWithinItsCapacity() {
        for (int i = 0; i < 250; i++) {
            json.render(chorus.posts().publish(ada.id(), "Post " + i), PostJson.View.PUBLIC, directory(), json.stamp());
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
