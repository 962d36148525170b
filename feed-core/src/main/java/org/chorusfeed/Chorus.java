package org.chorusfeed;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.chorusfeed.access.AccessTokens;
import org.chorusfeed.blogs.Blogs;
import org.chorusfeed.changes.ChangeLog;
import org.chorusfeed.internal.BlogPoller;
import org.chorusfeed.internal.BlogUrlCheck;
import org.chorusfeed.internal.ChangeFeed;
import org.chorusfeed.internal.LinkPreviewer;
import org.chorusfeed.internal.StoreAccessTokens;
import org.chorusfeed.internal.StoreAuditLog;
import org.chorusfeed.internal.StoreDataRights;
import org.chorusfeed.internal.StoreModeration;
import org.chorusfeed.internal.StoreInvitations;
import org.chorusfeed.internal.StoreJoinRequests;
import org.chorusfeed.internal.StoreMembers;
import org.chorusfeed.internal.StoreOrganisations;
import org.chorusfeed.internal.StorePosts;
import org.chorusfeed.internal.StorePreviews;
import org.chorusfeed.internal.StoreTimeline;
import org.chorusfeed.joining.Invitations;
import org.chorusfeed.joining.JoinRequests;
import org.chorusfeed.member.Members;
import org.chorusfeed.member.Organisations;
import org.chorusfeed.moderation.AuditLog;
import org.chorusfeed.moderation.Moderation;
import org.chorusfeed.outside.SafeFetcher;
import org.chorusfeed.post.Posts;
import org.chorusfeed.post.Previews;
import org.chorusfeed.store.Store;
import org.chorusfeed.store.memory.InMemoryStore;
import org.chorusfeed.store.sqlite.SqliteStore;
import org.chorusfeed.text.TextRules;
import org.chorusfeed.timeline.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * A hub's Chorus: its members, their posts, the one timeline and the change log, over one store.
 * Thread-safe; open one per hub and close it when the application stops.
 *
 * <pre>{@code
 * try (Chorus chorus = Chorus.builder().dataDirectory(Path.of("chorus-data")).build()) {
 *     chorus.organisations().save(Organisation.of("baltic-lab", "Baltic Lab"));
 *     Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada Example").organisation("baltic-lab"));
 *     chorus.posts().publish(ada.id(), "Kick-off at #BalticLab today https://example.org/kickoff");
 *     Page<Post> page = chorus.timeline().read(TimelineQuery.latest().tag("BalticLab").limit(20));
 * }
 * }</pre>
 */
public final class Chorus implements AutoCloseable {
    private final Store store;
    private final Clock clock;
    private final TextRules textRules;
    private final ChangeFeed changes;
    private final Members members;
    private final Organisations organisations;
    private final Posts posts;
    private final Timeline timeline;
    private final AccessTokens tokens;
    private final SafeFetcher fetcher;
    // members' blogs
    private final BlogPoller blogs;
    // link previews
    private final Previews previews;
    private final @Nullable LinkPreviewer previewer;
    // moderation (issue 7)
    private final StoreAuditLog audit;
    private final Moderation moderation;
    // joining (members helper)
    private final Invitations invitations;
    private final JoinRequests joinRequests;

    private Chorus(Store store, Clock clock, TextRules textRules, SafeFetcher fetcher, Builder settings) {
        this.store = store;
        this.fetcher = fetcher;
        this.clock = clock;
        this.textRules = textRules;
        this.changes = new ChangeFeed(store);
        this.blogs = new BlogPoller(store, clock, fetcher, textRules, settings.blogPollInterval, settings.blogPolling);
        // data rights: a member's export carries their blog's status, which the blog poller knows
        this.members = new StoreMembers(store, clock, new BlogUrlCheck(fetcher), blogs::blogSet,
                new StoreDataRights(store, clock, blogs::status));
        this.organisations = new StoreOrganisations(store, clock);
        this.posts = new StorePosts(store, clock, textRules);
        this.timeline = new StoreTimeline(store);
        this.tokens = new StoreAccessTokens(store, clock);
        blogs.start();
        // link previews
        this.previews = new StorePreviews(store, clock, settings.linkPreviews);
        this.previewer = settings.linkPreviews ? new LinkPreviewer(store, changes, fetcher, clock) : null;
        if (previewer != null) {
            previewer.start();
        }
        this.audit = new StoreAuditLog(store, clock);
        this.moderation = new StoreModeration(store, clock, audit);
        // joining (members helper)
        this.invitations = new StoreInvitations(store, clock, audit);
        this.joinRequests = new StoreJoinRequests(store, clock, audit);
    }

    /** Starts configuring a Chorus. */
    public static Builder builder() {
        return new Builder();
    }

    /** The network's members. */
    public Members members() {
        return members;
    }

    /** The network's member organisations. */
    public Organisations organisations() {
        return organisations;
    }

    /** Publishing, editing, deleting and appreciating posts. */
    public Posts posts() {
        return posts;
    }

    /** The one timeline, newest first. */
    public Timeline timeline() {
        return timeline;
    }

    /** The change log: replay and live subscriptions. */
    public ChangeLog changes() {
        return changes;
    }

    /** Personal access tokens for scripts. */
    public AccessTokens tokens() {
        return tokens;
    }

    // moderation (issue 7)

    /** The append-only record of every admin act: who, what, when and why. */
    public AuditLog audit() {
        return audit;
    }

    /** Reports of posts, and hiding posts from every public read. */
    public Moderation moderation() {
        return moderation;
    }

    // joining (members helper)

    /** Invitations to join the network: created and revoked by admins, accepted through the host's login. */
    public Invitations invitations() {
        return invitations;
    }

    /** Requests to join, for hubs in approval mode: approved or declined by admins. */
    public JoinRequests joinRequests() {
        return joinRequests;
    }

    /** The rules post text is checked by. */
    public TextRules textRules() {
        return textRules;
    }

    /** The clock every time is read from. */
    public Clock clock() {
        return clock;
    }

    /** The one door to the outside: every outbound fetch (blog feeds, link previews) goes through it. */
    public SafeFetcher fetcher() {
        return fetcher;
    }

    /**
     * Members' blogs: their feeds' status, and polling due feeds now. Blog URLs are set on the profile
     * ({@link org.chorusfeed.member.ProfileUpdate#blogFeedUrl}).
     */
    public Blogs blogs() {
        return blogs;
    }

    /** Link previews: removing them from posts, and the hub's copies of their images. */
    public Previews previews() {
        return previews;
    }

    /** Stops every subscription, aborts outbound fetches, stops blog polling and the link-preview threads, and closes the store. */
    @Override
    public void close() {
        try {
            blogs.close();
            changes.close();
            fetcher.close();
            blogs.awaitStopped(Duration.ofSeconds(5));
            if (previewer != null) {
                previewer.close();
            }
        } finally {
            store.close();
        }
    }

    /** Configures a {@link Chorus}: where data lives, the clock, the text rules. */
    public static final class Builder {
        private @Nullable Function<Clock, Store> storeFactory;
        private Clock clock = Clock.systemUTC();
        private TextRules textRules = TextRules.defaults();
        private @Nullable SafeFetcher fetcher;
        // members' blogs
        private Duration blogPollInterval = Duration.ofMinutes(15);
        private boolean blogPolling = true;
        private boolean linkPreviews = true;

        private Builder() {
        }

        /** Polls each member's blog feed this often while it works (default 15 minutes): 1 second to 1 day. */
        public Builder blogPollInterval(Duration interval) {
            Objects.requireNonNull(interval, "blogPollInterval");
            if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("blogPollInterval is " + interval
                        + "; it must be between 1 second (PT1S) and 1 day (PT24H)");
            }
            this.blogPollInterval = interval;
            return this;
        }

        /**
         * Whether members' blogs are polled by themselves (default: on). Off, Chorus starts no polling threads and
         * {@link Blogs#pollDue()} polls when called; for tests, or for a node that leaves polling to another.
         */
        public Builder blogPolling(boolean on) {
            this.blogPolling = on;
            return this;
        }

        /** Keeps data in one SQLite file ({@code chorus.db}) in this directory, created if missing: the default store. */
        public Builder dataDirectory(Path directory) {
            Objects.requireNonNull(directory, "directory");
            this.storeFactory = clock -> SqliteStore.open(directory, clock);
            return this;
        }

        /** Keeps data in memory only, lost on close: for tests. */
        public Builder inMemory() {
            this.storeFactory = clock -> new InMemoryStore();
            return this;
        }

        /** Keeps data in the given store, which Chorus closes on {@link Chorus#close()}. */
        public Builder store(Store store) {
            Objects.requireNonNull(store, "store");
            this.storeFactory = clock -> store;
            return this;
        }

        /** Reads every time from this clock (default: the system clock in UTC). */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** Checks post text with these rules (default: {@link TextRules#defaults()}). */
        public Builder textRules(TextRules rules) {
            this.textRules = Objects.requireNonNull(rules, "textRules");
            return this;
        }

        /**
         * Fetches from the outside with this fetcher, which Chorus closes on {@link Chorus#close()} (default:
         * {@code SafeFetcher.builder().build()}, which refuses every address that is not public).
         */
        public Builder fetcher(SafeFetcher safeFetcher) {
            this.fetcher = Objects.requireNonNull(safeFetcher, "fetcher");
            return this;
        }

        /**
         * Whether posts' first links get previews, fetched in the background through the fetcher (default: yes).
         * Off, no page is fetched and no thread started for them; previews kept earlier are still shown.
         */
        public Builder linkPreviews(boolean enabled) {
            this.linkPreviews = enabled;
            return this;
        }

        /** Opens the store and returns the Chorus over it. */
        public Chorus build() {
            if (storeFactory == null) {
                throw new IllegalStateException(
                        "no store configured; call dataDirectory(Path) for the embedded store, or inMemory() for tests");
            }
            SafeFetcher outside = fetcher != null ? fetcher : SafeFetcher.builder().clock(clock).build();
            return new Chorus(storeFactory.apply(clock), clock, textRules, outside, this);
        }
    }
}
