package org.chorusfeed.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.post.LinkPreview;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.post.PreviewImage;
import org.chorusfeed.text.TextRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PreviewStore}, run against every store: extend it and open a fresh, empty store in
 * {@link #openStore}.
 */
public abstract class PreviewStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00.123456789Z");
    private static final URI LINK = URI.create("https://site.example/kickoff");
    private static final URI OTHER_LINK = URI.create("https://other.example/");
    private static final PreviewImage PNG = PreviewImage.of("image/png",
            "\u0089PNG\r\n\u001a\n-one".getBytes(StandardCharsets.ISO_8859_1));
    private static final PreviewImage GIF = PreviewImage.of("image/gif",
            "GIF89a-two".getBytes(StandardCharsets.ISO_8859_1));

    private Store store;
    private Member ada;

    /** Opens a new, empty store of the kind under test. */
    protected abstract Store openStore(Clock clock);

    @BeforeEach
    void open() {
        store = openStore(Clock.fixed(T0, java.time.ZoneOffset.UTC));
        ada = store.insertMember(NewMember.handle("ada"), MemberStatus.ACTIVE, T0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Post publish(String text) {
        return store.insertPost(new PostDraft(ada.id(), T0, false, TextRules.defaults().parse(text, h -> true),
                Optional.empty(), PostSource.nativePost()));
    }

    private static LinkPreview preview(String title, Optional<PreviewImage> image) {
        return new LinkPreview(URI.create("https://site.example/kickoff/"), title, "What happened", "Site",
                image.map(PreviewImage::key));
    }

    private Change lastChange() {
        List<Change> changes = store.changesSince(store.lastSeq() - 1, 1);
        return changes.get(0);
    }

    @Test
    void attachPreview_isReadBackWithThePostEverywhere_andAnnouncedAsAPostChange() {
        Post post = publish("Kick-off #Kiel " + LINK);
        LinkPreview preview = preview("Kick-off", Optional.of(PNG));

        Optional<Post> attached = store.attachPreview(post.id(), LINK, preview, Optional.of(PNG), T0);

        assertThat(attached).map(Post::preview).contains(Optional.of(preview));
        assertThat(store.findPost(post.id()).orElseThrow().preview()).contains(preview);
        assertThat(store.posts(PostSelection.newest(10)).get(0).preview()).contains(preview);
        assertThat(store.posts(new PostSelection(Optional.empty(), Optional.empty(), 10,
                Optional.empty(), Optional.empty(), Optional.of("kiel"), true, Optional.empty())).get(0).preview()).contains(preview);
        assertThat(store.previewMark(post.id())).contains(new PreviewMark(LINK, false));
        assertThat(store.previewImage(PNG.key())).contains(PNG);
        assertThat(store.previewImage(PNG.key()).orElseThrow().bytes()).isEqualTo(PNG.bytes());
        Change change = lastChange();
        assertThat(change.kind()).isEqualTo(ChangeKind.POST_PREVIEWED);
        assertThat(change.kind().isPostChange()).isTrue();
        assertThat(change.post()).contains(post.id());
        assertThat(change.member()).contains(ada.id());
    }

    @Test
    void attachPreview_again_replacesIt_andDropsTheImageNoPreviewUses() {
        Post post = publish("see " + LINK);
        store.attachPreview(post.id(), LINK, preview("First", Optional.of(PNG)), Optional.of(PNG), T0);

        store.attachPreview(post.id(), LINK, preview("Second", Optional.of(GIF)), Optional.of(GIF), T0);

        assertThat(store.findPost(post.id()).orElseThrow().preview()).map(LinkPreview::title).contains("Second");
        assertThat(store.previewImage(GIF.key())).isPresent();
        assertThat(store.previewImage(PNG.key())).isEmpty();
    }

    @Test
    void oneImage_usedByTwoPosts_isKeptOnce_untilNeitherUsesIt() {
        Post first = publish("see " + LINK);
        Post second = publish("also " + LINK);
        store.attachPreview(first.id(), LINK, preview("One", Optional.of(PNG)), Optional.of(PNG), T0);
        store.attachPreview(second.id(), LINK, preview("One", Optional.of(PNG)), Optional.of(PNG), T0);

        store.deletePost(first.id(), T0);
        assertThat(store.prunePreviewImages()).isZero();
        assertThat(store.previewImage(PNG.key())).isPresent();

        store.deletePost(second.id(), T0);
        assertThat(store.previewMark(second.id())).isEmpty();
        assertThat(store.prunePreviewImages()).isEqualTo(1);
        assertThat(store.previewImage(PNG.key())).isEmpty();
    }

    @Test
    void attachPreview_forALinkThatIsNotThePostsFirstLink_changesNothing() {
        Post post = publish("first " + LINK + " then " + OTHER_LINK);
        long seq = store.lastSeq();

        Optional<Post> result = store.attachPreview(post.id(), OTHER_LINK, preview("Other", Optional.empty()),
                Optional.empty(), T0);

        assertThat(result).map(Post::preview).contains(Optional.empty());
        assertThat(store.previewMark(post.id())).isEmpty();
        assertThat(store.lastSeq()).isEqualTo(seq);
    }

    @Test
    void removePreview_takesItAway_andTheSameLinkIsNotAttachedAgain() {
        Post post = publish("see " + LINK);
        store.attachPreview(post.id(), LINK, preview("Card", Optional.of(PNG)), Optional.of(PNG), T0);

        Optional<Post> removed = store.removePreview(post.id(), LINK, T0);

        assertThat(removed).map(Post::preview).contains(Optional.empty());
        assertThat(lastChange().kind()).isEqualTo(ChangeKind.POST_PREVIEWED);
        assertThat(store.previewMark(post.id())).contains(new PreviewMark(LINK, true));
        assertThat(store.previewImage(PNG.key())).isEmpty();
        long seq = store.lastSeq();
        store.attachPreview(post.id(), LINK, preview("Card", Optional.of(PNG)), Optional.of(PNG), T0);
        assertThat(store.findPost(post.id()).orElseThrow().preview()).isEmpty();
        assertThat(store.lastSeq()).isEqualTo(seq);
    }

    @Test
    void removePreview_beforeAnyWasAttached_marksTheLink_withoutAChange() {
        Post post = publish("see " + LINK);
        long seq = store.lastSeq();

        store.removePreview(post.id(), LINK, T0);

        assertThat(store.lastSeq()).isEqualTo(seq);
        store.attachPreview(post.id(), LINK, preview("Late", Optional.empty()), Optional.empty(), T0);
        assertThat(store.findPost(post.id()).orElseThrow().preview()).isEmpty();
    }

    @Test
    void forgetPreview_dropsPreviewAndMark_soANewLinkCanBePreviewed() {
        Post post = publish("see " + LINK);
        store.removePreview(post.id(), LINK, T0);
        store.editPost(post.id(), TextRules.defaults().parse("now " + OTHER_LINK, h -> true), T0);

        store.forgetPreview(post.id(), T0);
        store.attachPreview(post.id(), OTHER_LINK, preview("Other", Optional.empty()), Optional.empty(), T0);

        assertThat(store.findPost(post.id()).orElseThrow().preview()).map(LinkPreview::title).contains("Other");
        assertThat(store.previewMark(post.id())).contains(new PreviewMark(OTHER_LINK, false));
    }

    @Test
    void editsAndAppreciations_keepThePreview() {
        Post post = publish("see " + LINK);
        Member bob = store.insertMember(NewMember.handle("bob"), MemberStatus.ACTIVE, T0);
        LinkPreview preview = preview("Card", Optional.empty());
        store.attachPreview(post.id(), LINK, preview, Optional.empty(), T0);

        assertThat(store.setAppreciation(post.id(), bob.id(), true, T0).orElseThrow().preview()).contains(preview);
        assertThat(store.editPost(post.id(), TextRules.defaults().parse("edited, still " + LINK, h -> true), T0)
                .orElseThrow().preview()).contains(preview);
        assertThat(store.findPost(post.id()).orElseThrow().preview()).contains(preview);
    }

    @Test
    void previewsOfPostsThatDoNotExist_areEmpty() {
        PostId missing = new PostId(12345);
        assertThat(store.previewMark(missing)).isEmpty();
        assertThat(store.attachPreview(missing, LINK, preview("x", Optional.empty()), Optional.empty(), T0)).isEmpty();
        assertThat(store.removePreview(missing, LINK, T0)).isEmpty();
        assertThat(store.forgetPreview(missing, T0)).isEmpty();
        assertThat(store.previewImage(PNG.key())).isEmpty();
    }

    @Test
    void attachPreview_whoseImageKeyDoesNotMatchTheImage_isRefused() {
        Post post = publish("see " + LINK);
        assertThatIllegalArgumentException().isThrownBy(() ->
                store.attachPreview(post.id(), LINK, preview("x", Optional.of(PNG)), Optional.of(GIF), T0))
                .withMessageContaining("names image");
        assertThatIllegalArgumentException().isThrownBy(() ->
                store.attachPreview(post.id(), LINK, preview("x", Optional.of(PNG)), Optional.empty(), T0));
        assertThat(store.findPost(post.id()).orElseThrow().preview()).isEmpty();
    }
}
