package org.chorusfeed.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.blogs.EntryKeys;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.post.PostId;
import org.chorusfeed.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the {@link BlogFeedStore} part of the {@link Store} SPI, run against every store: extend it and
 * open a fresh, empty store in {@link #openStore}.
 */
public abstract class BlogFeedStoreContract {
    /** A time with nanoseconds, to show that stored times come back exactly. */
    protected static final Instant T0 = Instant.parse("2026-11-30T10:00:00.123456789Z");
    private static final URI BLOG = URI.create("https://ada.example/");
    private static final URI FEED = URI.create("https://ada.example/feed/");

    private final MutableClock clock = new MutableClock(T0);
    /** The store under test, fresh for each test. */
    protected Store store;
    private Member ada;
    private Member bob;

    /** Opens a new, empty store. */
    protected abstract Store openStore(Clock clock);

    @BeforeEach
    void open() {
        store = openStore(clock);
        ada = store.insertMember(NewMember.handle("ada").name("Ada"), MemberStatus.ACTIVE, T0);
        bob = store.insertMember(NewMember.handle("bob").name("Bob"), MemberStatus.ACTIVE, T0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static BlogFeedState everyField(MemberId member) {
        return new BlogFeedState(member, BLOG, Optional.of(FEED), Optional.of("\"v1\""),
                Optional.of("Mon, 30 Nov 2026 09:00:00 GMT"), Optional.of(T0), Optional.of("it failed once"),
                Optional.of(T0.minusSeconds(60)), 2, T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aFeedPut_comesBackWithEveryFieldExact_andNoFeedIsEmpty() {
        BlogFeedState full = everyField(ada.id());
        BlogFeedState fresh = BlogFeedState.fresh(bob.id(), BLOG, T0);

        store.putBlogFeed(full);
        store.putBlogFeed(fresh);

        assertThat(store.findBlogFeed(ada.id())).contains(full);
        assertThat(store.findBlogFeed(bob.id())).contains(fresh);
        assertThat(store.blogFeeds()).containsExactly(full, fresh);
        assertThat(store.findBlogFeed(new MemberId(999))).isEmpty();
    }

    @Test
    void puttingAgain_replacesTheMembersFeed() {
        store.putBlogFeed(everyField(ada.id()));
        BlogFeedState other = BlogFeedState.fresh(ada.id(), URI.create("https://ada.example/other.xml"), T0);

        store.putBlogFeed(other);

        assertThat(store.blogFeeds()).containsExactly(other);
    }

    @Test
    void aFeedOfNoMember_isRefused() {
        assertThatThrownBy(() -> store.putBlogFeed(BlogFeedState.fresh(new MemberId(999), BLOG, T0)))
                .isInstanceOf(NoSuchMemberException.class);
        assertThat(store.blogFeeds()).isEmpty();
    }

    @Test
    void dueFeeds_areThoseDueAtOrBeforeNow_longestDueFirst_upToTheLimit() {
        store.putBlogFeed(BlogFeedState.fresh(ada.id(), BLOG, T0.plusSeconds(1)));
        store.putBlogFeed(BlogFeedState.fresh(bob.id(), BLOG, T0.minusSeconds(1)));

        assertThat(store.dueBlogFeeds(T0.minusNanos(1_000_000_001), 10)).isEmpty();
        assertThat(store.dueBlogFeeds(T0, 10)).extracting(BlogFeedState::member).containsExactly(bob.id());
        assertThat(store.dueBlogFeeds(T0.plusSeconds(1), 10)).extracting(BlogFeedState::member)
                .containsExactly(bob.id(), ada.id());
        assertThat(store.dueBlogFeeds(T0.plusSeconds(1), 1)).extracting(BlogFeedState::member).containsExactly(bob.id());
        assertThat(store.dueBlogFeeds(T0.plusSeconds(1), 0)).isEmpty();
    }

    @Test
    void anUpdate_replacesTheState_onlyWhileTheUrlIsTheSame() {
        BlogFeedState fresh = BlogFeedState.fresh(ada.id(), BLOG, T0);
        store.putBlogFeed(fresh);
        BlogFeedState read = fresh.succeeded(FEED, Optional.of("\"e\""), Optional.empty(), T0, T0.plusSeconds(900));

        assertThat(store.updateBlogFeed(read)).isTrue();
        assertThat(store.findBlogFeed(ada.id())).contains(read);

        store.putBlogFeed(BlogFeedState.fresh(ada.id(), URI.create("https://ada.example/moved"), T0));
        assertThat(store.updateBlogFeed(read.failed("late", T0, T0))).isFalse();
        assertThat(store.findBlogFeed(ada.id()).orElseThrow().url()).isEqualTo(URI.create("https://ada.example/moved"));
        assertThat(store.updateBlogFeed(BlogFeedState.fresh(bob.id(), BLOG, T0))).isFalse();
        assertThat(store.findBlogFeed(bob.id())).isEmpty();
    }

    @Test
    void removingAFeed_keepsTheEntriesSeen() {
        store.putBlogFeed(everyField(ada.id()));
        ImportedEntry entry = store.saveImportedEntry(new ImportedEntry(0, ada.id(), Optional.of(new PostId(1L << 40)),
                keys("guid-1", "ada.example/one", "One|2026-11-30T09:00:00Z"), "fp1"));

        store.removeBlogFeed(ada.id());
        store.removeBlogFeed(ada.id());

        assertThat(store.findBlogFeed(ada.id())).isEmpty();
        assertThat(store.importedEntries(ada.id())).containsExactly(entry);
    }

    @Test
    void entries_getIncreasingIds_comeBackExact_perMember_inTheOrderSeen() {
        ImportedEntry one = store.saveImportedEntry(new ImportedEntry(0, ada.id(), Optional.of(new PostId(1L << 40)),
                keys("guid-1", "ada.example/one", "One|2026-11-30T09:00:00Z"), "fp1"));
        ImportedEntry passedOver = store.saveImportedEntry(new ImportedEntry(0, ada.id(), Optional.empty(),
                new EntryKeys(Optional.empty(), Optional.empty(), Optional.of("Two|undated")), "fp2"));
        ImportedEntry bobs = store.saveImportedEntry(new ImportedEntry(0, bob.id(), Optional.empty(),
                keys("guid-1", "bob.example/one", "One|undated"), "fp3"));

        assertThat(one.id()).isPositive();
        assertThat(passedOver.id()).isGreaterThan(one.id());
        assertThat(bobs.id()).isGreaterThan(passedOver.id());
        assertThat(store.importedEntries(ada.id())).containsExactly(one, passedOver);
        assertThat(store.importedEntries(bob.id())).containsExactly(bobs);
    }

    @Test
    void savingAnEntryWithItsId_replacesItsKeysAndFingerprint_keepingItsPost() {
        ImportedEntry one = store.saveImportedEntry(new ImportedEntry(0, ada.id(), Optional.of(new PostId(1L << 40)),
                keys("old-guid", "ada.example/one", "One|2026-11-30T09:00:00Z"), "fp1"));

        ImportedEntry seen = store.saveImportedEntry(one.seenAs(keys("new-guid", "ada.example/one", "One!|undated"),
                "fp2"));

        assertThat(seen.id()).isEqualTo(one.id());
        assertThat(store.importedEntries(ada.id())).containsExactly(seen);
        assertThat(seen.post()).isEqualTo(one.post());
    }

    @Test
    void anEntryOfAnotherMemberOrNoneStored_isRefused() {
        ImportedEntry one = store.saveImportedEntry(new ImportedEntry(0, ada.id(), Optional.empty(),
                keys("g", "ada.example/g", "G|undated"), "fp"));

        assertThatThrownBy(() -> store.saveImportedEntry(new ImportedEntry(one.id(), bob.id(), Optional.empty(),
                one.keys(), "fp"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.saveImportedEntry(new ImportedEntry(one.id() + 100, ada.id(), Optional.empty(),
                one.keys(), "fp"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.saveImportedEntry(new ImportedEntry(0, new MemberId(999), Optional.empty(),
                one.keys(), "fp"))).isInstanceOf(NoSuchMemberException.class);
        assertThat(store.importedEntries(ada.id())).containsExactly(one);
    }

    @Test
    void blogState_isNoChangeLogEvent() {
        long seq = store.lastSeq();

        store.putBlogFeed(everyField(ada.id()));
        store.saveImportedEntry(new ImportedEntry(0, ada.id(), Optional.empty(), keys("g", "l", "t"), "fp"));

        assertThat(store.lastSeq()).isEqualTo(seq);
    }

    private static EntryKeys keys(String id, String link, String titleAndDate) {
        return new EntryKeys(Optional.of(id), Optional.of(link), Optional.of(titleAndDate));
    }
}
