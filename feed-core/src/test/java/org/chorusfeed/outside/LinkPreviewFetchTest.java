package org.chorusfeed.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.chorusfeed.Chorus;
import org.chorusfeed.NotPermittedException;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Role;
import org.chorusfeed.post.LinkPreview;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PreviewImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Link previews as a hub sees them, on both stores: fetched after publishing through the one SafeFetcher from a
 * real server on 127.0.0.1 (allowed explicitly), attached to the post, announced, and removable by the author.
 */
class LinkPreviewFetchTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
            'R'};

    @TempDir
    Path dir;
    private LocalServer site;
    private Chorus chorus;
    private Member ada;
    private final Set<Thread> threadsBefore = new HashSet<>();

    @BeforeEach
    void startSite() {
        site = LocalServer.http();
    }

    @AfterEach
    void stop() {
        if (chorus != null) {
            chorus.close();
        }
        site.close();
    }

    private void open(String store) {
        open(store, true);
    }

    private void open(String store, boolean previews) {
        threadsBefore.addAll(Thread.getAllStackTraces().keySet());
        Chorus.Builder builder = Chorus.builder().linkPreviews(previews)
                .fetcher(SafeFetcher.builder().allow(site.allowEntry()).build());
        chorus = (store.equals("memory") ? builder.inMemory() : builder.dataDirectory(dir)).build();
        ada = chorus.members().admit(NewMember.handle("ada"));
    }

    private void page(String path, String head) {
        site.route(path, x -> x.respond(200, "text/html; charset=utf-8",
                "<!doctype html><html><head>" + head + "</head><body>page</body></html>"));
    }

    private void image(String path, String type, byte[] bytes) {
        site.route(path, x -> x.respond(200, type, bytes));
    }

    private Post awaitPost(Post post, Predicate<Post> condition) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            Post now = chorus.posts().get(post.id());
            if (condition.test(now)) {
                return now;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("post " + post.id() + " did not get there within " + DEADLINE + ": "
                + chorus.posts().get(post.id()));
    }

    private Post awaitPreview(Post post) throws InterruptedException {
        return awaitPost(post, p -> p.preview().isPresent());
    }

    /** The live preview threads this test's Chorus started. */
    private Set<Thread> previewThreads() {
        Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(t -> !t.isAlive() || !t.getName().startsWith("chorus-previews-"));
        threads.removeAll(threadsBefore);
        return threads;
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite"})
    void publish_returnsAtOnce_andThePreviewFollowsInTheBackground_withTheImageKeptByTheHub(String store)
            throws Exception {
        open(store);
        page("/article", "<meta property='og:title' content='Kick-off in Kiel'>"
                + "<meta property='og:description' content='What we start'>"
                + "<meta property='og:site_name' content='Baltic Lab'><meta property='og:image' content='/cover.png'>");
        image("/cover.png", "image/png", PNG);

        Post published = chorus.posts().publish(ada.id(), "Kick-off " + site.url("/article"));
        assertThat(published.preview()).isEmpty();

        LinkPreview preview = awaitPreview(published).preview().orElseThrow();
        assertThat(preview.title()).isEqualTo("Kick-off in Kiel");
        assertThat(preview.description()).isEqualTo("What we start");
        assertThat(preview.siteName()).isEqualTo("Baltic Lab");
        assertThat(preview.url().toString()).isEqualTo(site.url("/article"));
        PreviewImage image = chorus.previews().image(preview.image().orElseThrow()).orElseThrow();
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.bytes()).isEqualTo(PNG);
        assertThat(chorus.changes().since(0, 100)).extracting(Change::kind).contains(ChangeKind.POST_PREVIEWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite"})
    void oneLinkPostedManyTimes_isFetchedOnce(String store) throws Exception {
        open(store);
        page("/popular", "<title>Popular</title><meta property='og:image' content='/p.png'>");
        image("/p.png", "image/png", PNG);

        Post[] posts = new Post[6];
        for (int i = 0; i < posts.length; i++) {
            posts[i] = chorus.posts().publish(ada.id(), "number " + i + " " + site.url("/popular"));
        }
        for (Post post : posts) {
            assertThat(awaitPreview(post).preview().orElseThrow().image()).isPresent();
        }
        assertThat(site.requests()).as("one page fetch and one image fetch").isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite"})
    void pagesThatAreRefusedOrSayNothing_leaveNoPreview_andBreakNothing(String store) throws Exception {
        open(store);
        page("/nothing", "<meta name='keywords' content='no title anywhere'>");
        site.route("/missing", x -> x.respond(404, "text/html", "gone"));
        site.route("/pdf", x -> x.respond(200, "application/pdf", "%PDF-1.7"));
        page("/good", "<title>Good</title>");

        Post refused = chorus.posts().publish(ada.id(), "private http://127.0.0.1:1/admin");
        Post metadataLess = chorus.posts().publish(ada.id(), "nothing " + site.url("/nothing"));
        Post missing = chorus.posts().publish(ada.id(), "missing " + site.url("/missing"));
        Post pdf = chorus.posts().publish(ada.id(), "pdf " + site.url("/pdf"));
        Post cloud = chorus.posts().publish(ada.id(), "cloud http://169.254.169.254/latest/meta-data/");
        Post good = chorus.posts().publish(ada.id(), "good " + site.url("/good"));

        awaitPreview(good);
        awaitPost(good, p -> site.requests() >= 4);
        Thread.sleep(100);
        for (Post post : new Post[] {refused, metadataLess, missing, pdf, cloud}) {
            assertThat(chorus.posts().get(post.id()).preview()).as(post.text()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite"})
    void imagesThatAreNotRealImages_orTooLarge_areNotKept_butTheCardStays(String store) throws Exception {
        open(store);
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        image("/html.png", "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        image("/svg.png", "image/svg+xml", svg);
        image("/disguised.png", "image/png", svg);
        image("/big.png", "image/png", Arrays.copyOf(PNG, (1 << 20) + 1));
        image("/limit.png", "image/png", Arrays.copyOf(PNG, 1 << 20));
        for (String name : new String[] {"html", "svg", "disguised", "big", "limit"}) {
            page("/" + name, "<title>" + name + "</title><meta property='og:image' content='/" + name + ".png'>");
        }

        for (String name : new String[] {"html", "svg", "disguised", "big"}) {
            Post post = chorus.posts().publish(ada.id(), name + " " + site.url("/" + name));
            assertThat(awaitPreview(post).preview().orElseThrow().image()).as(name).isEmpty();
        }
        Post limit = chorus.posts().publish(ada.id(), "limit " + site.url("/limit"));
        String key = awaitPreview(limit).preview().orElseThrow().image().orElseThrow();
        assertThat(chorus.previews().image(key).orElseThrow().size()).isEqualTo(1 << 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite"})
    void theAuthorRemovesAPreview_andItIsNotFetchedAgain_untilTheLinkChanges(String store) throws Exception {
        open(store);
        page("/first", "<title>First</title>");
        page("/second", "<title>Second</title>");
        Post post = awaitPreview(chorus.posts().publish(ada.id(), "see " + site.url("/first")));

        assertThat(chorus.previews().remove(post.id(), ada.id()).preview()).isEmpty();
        chorus.posts().edit(post.id(), ada.id(), "still " + site.url("/first"));
        awaitPreview(chorus.posts().publish(ada.id(), "later " + site.url("/second")));
        assertThat(chorus.posts().get(post.id()).preview()).isEmpty();

        chorus.posts().edit(post.id(), ada.id(), "now " + site.url("/second"));
        assertThat(awaitPreview(post).preview().orElseThrow().title()).isEqualTo("Second");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite"})
    void editingAwayTheLink_takesThePreviewAway(String store) throws Exception {
        open(store);
        page("/first", "<title>First</title>");
        Post post = awaitPreview(chorus.posts().publish(ada.id(), "see " + site.url("/first")));

        chorus.posts().edit(post.id(), ada.id(), "no link any more");

        awaitPost(post, p -> p.preview().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite"})
    void onlyTheAuthorOrAnAdmin_removesAPreview(String store) throws Exception {
        open(store);
        page("/first", "<title>First</title>");
        Member bob = chorus.members().admit(NewMember.handle("bob"));
        Member admin = chorus.members().admit(NewMember.handle("root").role(Role.ADMIN));
        Post post = awaitPreview(chorus.posts().publish(ada.id(), "see " + site.url("/first")));

        assertThatThrownBy(() -> chorus.previews().remove(post.id(), bob.id()))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("only the author or a hub admin");
        assertThat(chorus.posts().get(post.id()).preview()).isPresent();
        assertThat(chorus.previews().remove(post.id(), admin.id()).preview()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite"})
    void withPreviewsTurnedOff_nothingIsFetched_andNoThreadRuns(String store) throws Exception {
        open(store, false);
        page("/first", "<title>First</title>");
        Post post = chorus.posts().publish(ada.id(), "see " + site.url("/first"));
        Thread.sleep(300);

        assertThat(chorus.previews().enabled()).isFalse();
        assertThat(site.requests()).isZero();
        assertThat(chorus.posts().get(post.id()).preview()).isEmpty();
        assertThat(previewThreads()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite"})
    void close_stopsThePreviewThreads(String store) throws Exception {
        open(store);
        page("/first", "<title>First</title>");
        awaitPreview(chorus.posts().publish(ada.id(), "see " + site.url("/first")));
        assertThat(chorus.previews().enabled()).isTrue();
        assertThat(previewThreads()).isNotEmpty();

        chorus.close();
        chorus = null;

        assertThat(previewThreads()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite"})
    void unknownOrMalformedImageKeys_findNothing(String store) {
        open(store);
        assertThat(chorus.previews().image("0".repeat(64))).isEmpty();
        assertThat(chorus.previews().image("../../etc/passwd")).isEmpty();
        assertThat(chorus.previews().image("")).isEmpty();
    }
}
