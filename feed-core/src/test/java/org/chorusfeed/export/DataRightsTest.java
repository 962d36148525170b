package org.chorusfeed.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.chorusfeed.Chorus;
import org.chorusfeed.HandleTakenException;
import org.chorusfeed.access.IssuedToken;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.changes.Subscription;
import org.chorusfeed.member.Erasure;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.Post;
import org.chorusfeed.syndication.FeedInfo;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.testing.StoreKind;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A member's export and erasure through the facade, on every store. */
class DataRightsTest {
    private static final String MARKER = "qx-export-marker";
    private static final FeedInfo FEED = FeedInfo.of("Test Hub: @ada", URI.create("https://hub.example/export"),
            URI.create("https://hub.example/"), Instant.EPOCH);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standing();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void export_holdsProfilePostsWithHistoryAppreciationsAndTokenMetadata_andTheArchiveParses(StoreKind kind)
            throws Exception {
        try (Chorus chorus = kind.open(dir, clock)) {
            chorus.organisations().save(Organisation.of("baltic-lab", "Baltic Lab"));
            Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada Example").organisation("baltic-lab")
                    .bio("Builds <b>things</b>").blogFeedUrl(URI.create("https://ada.example/feed.xml")));
            Member bob = chorus.members().admit(NewMember.handle("bob"));
            Post first = chorus.posts().publish(ada.id(), "first draft #Work");
            clock.advance(Duration.ofMinutes(1));
            chorus.posts().edit(first.id(), ada.id(), "second draft #Work " + MARKER);
            Post bobs = chorus.posts().publish(bob.id(), "bob's");
            Post reply = chorus.posts().reply(ada.id(), bobs.id(), "a reply <script>");
            chorus.posts().appreciate(bobs.id(), ada.id());
            IssuedToken token = chorus.tokens().issue(ada.id(), "newsletter script");
            chorus.tokens().issue(bob.id(), "bob's script");
            chorus.moderation().report(bobs.id(), ada.id(), "ada reports bob's post");
            chorus.moderation().report(first.id(), bob.id(), "bob reports ada's post");

            MemberExport export = chorus.members().export(ada.id());

            assertThat(export.member()).isEqualTo(chorus.members().get(ada.id()));
            assertThat(export.organisation()).map(Organisation::name).contains("Baltic Lab");
            assertThat(export.posts()).extracting(p -> p.post().id()).containsExactly(reply.id(), first.id());
            assertThat(export.posts().get(1).history()).extracting(v -> v.text())
                    .containsExactly("first draft #Work", "second draft #Work " + MARKER);
            assertThat(export.appreciationsGiven()).extracting(g -> g.post()).containsExactly(bobs.id());
            assertThat(export.tokens()).extracting(t -> t.label()).containsExactly("newsletter script");

            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            ExportArchive.write(export, FEED, id -> URI.create("https://hub.example/?post=" + id), zip);
            Map<String, byte[]> files = unzip(zip.toByteArray());
            assertThat(files).containsOnlyKeys("member.json", "posts.atom");
            assertThat(ExportArchive.fileName(export)).isEqualTo("chorus-export-ada.zip");

            JsonNode json = JsonMapper.builder().build().readTree(files.get("member.json"));
            assertThat(json.path("format").asString()).isEqualTo("chorus-export/1");
            assertThat(json.path("member").path("handle").asString()).isEqualTo("ada");
            assertThat(json.path("member").path("bio").asString()).isEqualTo("Builds <b>things</b>");
            assertThat(json.path("member").path("organisation").path("name").asString()).isEqualTo("Baltic Lab");
            assertThat(json.path("member").path("joinedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            JsonNode posts = json.path("posts");
            assertThat(posts).hasSize(2);
            assertThat(posts.get(0).path("inReplyTo").asString()).isEqualTo(bobs.id().toString());
            assertThat(posts.get(1).path("id").asString()).isEqualTo(first.id().toString());
            assertThat(posts.get(1).path("editedAt").isString()).isTrue();
            assertThat(posts.get(1).path("history")).hasSize(2);
            assertThat(posts.get(1).path("history").get(0).path("text").asString()).isEqualTo("first draft #Work");
            assertThat(json.path("appreciationsGiven").get(0).path("post").asString()).isEqualTo(bobs.id().toString());
            JsonNode tokens = json.path("tokens");
            assertThat(tokens).hasSize(1);
            assertThat(tokens.get(0).path("label").asString()).isEqualTo("newsletter script");
            assertThat(tokens.get(0).path("revokedAt").isNull()).isTrue();
            assertThat(new String(files.get("member.json"), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain(token.secret()).doesNotContain("bob's script").doesNotContain("bob's\"");
            assertThat(json.path("blogFeed").path("url").asString()).isEqualTo("https://ada.example/feed.xml");
            assertThat(json.path("blogFeed").path("nextPollAt").isString()).as("the blog's status").isTrue();
            assertThat(json.path("blogFeed").has("imported")).isTrue();
            JsonNode reports = json.path("reportsMade");
            assertThat(reports).hasSize(1);
            assertThat(reports.get(0).path("post").asString()).isEqualTo(bobs.id().toString());
            assertThat(reports.get(0).path("reason").asString()).isEqualTo("ada reports bob's post");
            assertThat(reports.get(0).path("status").asString()).isEqualTo("open");
            assertThat(new String(files.get("member.json"), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("bob reports ada's post");
            assertThat(json.path("member").has("language")).isTrue();

            SyndFeed atom = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(files.get("posts.atom"))));
            assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
            List<SyndEntry> entries = atom.getEntries();
            assertThat(entries).hasSize(2);
            assertThat(entries.get(1).getLink()).isEqualTo("https://hub.example/?post=" + first.id());
            assertThat(entries.get(1).getContents().get(0).getValue()).contains(MARKER);
            assertThat(entries.get(0).getContents().get(0).getValue()).doesNotContain("<script>");
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void export_ofAMemberWithNothing_isTheProfileAlone(StoreKind kind) throws IOException {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            MemberExport export = chorus.members().export(ada.id());
            assertThat(export.posts()).isEmpty();
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            ExportArchive.write(export, FEED, id -> URI.create("https://hub.example/?post=" + id), zip);
            JsonNode json = JsonMapper.builder().build().readTree(unzip(zip.toByteArray()).get("member.json"));
            assertThat(json.path("posts")).isEmpty();
            assertThat(json.path("member").path("organisation").isNull()).isTrue();
            assertThat(json.path("blogFeed").path("url").isNull()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void erase_withAnythingButTheirOwnHandle_isRefused_andRemovesNothing(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            chorus.members().admit(NewMember.handle("bob"));
            chorus.posts().publish(ada.id(), "still here");
            long seq = chorus.changes().lastSeq();
            for (String wrong : List.of("", "bob", "ADA", " ada", "@ada")) {
                assertThatThrownBy(() -> chorus.members().erase(ada.id(), wrong))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confirm");
            }
            assertThat(chorus.changes().lastSeq()).isEqualTo(seq);
            assertThat(chorus.members().find(ada.id())).isPresent();
            assertThat(chorus.timeline().read(TimelineQuery.latest()).items()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void erase_removesEverythingFromTheTimeline_andTellsSubscribersPostByPost(StoreKind kind) throws Exception {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada " + MARKER));
            Member bob = chorus.members().admit(NewMember.handle("bob"));
            Post one = chorus.posts().publish(ada.id(), "one " + MARKER);
            Post two = chorus.posts().publish(ada.id(), "two " + MARKER);
            Post bobs = chorus.posts().publish(bob.id(), "bob's");
            chorus.posts().appreciate(bobs.id(), ada.id());
            List<Change> seen = new CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch erased = new java.util.concurrent.CountDownLatch(1);
            try (Subscription subscription = chorus.changes().subscribe(chorus.changes().lastSeq(), change -> {
                seen.add(change);
                if (change.kind() == ChangeKind.MEMBER_ERASED) {
                    erased.countDown();
                }
            })) {
                Erasure erasure = chorus.members().erase(ada.id(), "ada");
                assertThat(erased.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(erasure.posts()).isEqualTo(2);
                assertThat(erasure.handleFreeFrom()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
            }
            assertThat(seen).extracting(Change::kind).containsExactly(ChangeKind.POST_DELETED, ChangeKind.POST_DELETED,
                    ChangeKind.POST_APPRECIATED, ChangeKind.MEMBER_ERASED);
            assertThat(seen).extracting(c -> c.post().orElse(null)).containsExactly(one.id(), two.id(), bobs.id(), null);
            assertThat(chorus.timeline().read(TimelineQuery.latest()).items()).extracting(Post::id)
                    .containsExactly(bobs.id());
            assertThat(chorus.posts().get(bobs.id()).appreciations()).isZero();
            assertThat(chorus.members().list()).extracting(Member::handle).containsExactly("bob");
            assertThat(chorus.members().list().toString()).doesNotContain(MARKER);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anErasedHandle_isRefusedToNewMembersForThirtyDays_toTheMillisecond(StoreKind kind) {
        try (Chorus chorus = kind.open(dir, clock)) {
            Member ada = chorus.members().admit(NewMember.handle("ada"));
            Instant erasedAt = clock.instant();
            chorus.members().erase(ada.id(), "ada");

            clock.set(erasedAt.plus(Duration.ofDays(30)).minusMillis(1));
            assertThatThrownBy(() -> chorus.members().admit(NewMember.handle("ada")))
                    .isInstanceOfSatisfying(HandleTakenException.class, e -> assertThat(e.freeFrom())
                            .contains(erasedAt.plus(Duration.ofDays(30))));
            assertThatThrownBy(() -> chorus.members().invite(NewMember.handle("ada")))
                    .isInstanceOf(HandleTakenException.class).hasMessageContaining("erased");

            clock.set(erasedAt.plus(Duration.ofDays(30)));
            Member newAda = chorus.members().admit(NewMember.handle("ada"));
            assertThat(newAda.id()).isNotEqualTo(ada.id());
            assertThat(chorus.members().export(newAda.id()).posts()).isEmpty();
        }
    }
}
