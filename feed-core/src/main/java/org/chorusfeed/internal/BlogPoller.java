package org.chorusfeed.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorusfeed.blogs.BlogFeeds;
import org.chorusfeed.blogs.BlogStatus;
import org.chorusfeed.blogs.Blogs;
import org.chorusfeed.blogs.FeedDocument;
import org.chorusfeed.blogs.FeedFormatException;
import org.chorusfeed.blogs.FeedLinks;
import org.chorusfeed.blogs.ParsedFeed;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.outside.FetchRefusedException;
import org.chorusfeed.outside.FetchRequest;
import org.chorusfeed.outside.FetchResult;
import org.chorusfeed.outside.SafeFetcher;
import org.chorusfeed.store.BlogFeedState;
import org.chorusfeed.store.Store;
import org.chorusfeed.text.TextRules;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls members' blog feeds and imports their entries. The feeds to poll follow the members' profiles: each tick
 * (and each blog URL set through {@link #blogSet}) brings the kept feeds in line with the blog URLs members set, then
 * polls the feeds that are due on a small, bounded pool, one poll per feed at a time. A poll that fails records
 * its error and backs off; nothing a feed does reaches another feed or the poller.
 *
 * <p>With polling on, {@link #start()} starts one scheduler thread and up to
 * {@link #WORKERS} fetch threads (created when needed); {@link #close()} stops them all. With polling off nothing
 * runs by itself and {@link #pollDue()} polls on the caller's thread.
 */
public final class BlogPoller implements Blogs, AutoCloseable {
    /** The most feeds fetched at once. */
    static final int WORKERS = 4;
    /** The longest wait between polls of a failing feed. */
    static final Duration MAX_BACKOFF = Duration.ofDays(1);
    /**
     * The longest the scheduler waits before looking for due feeds: a blog URL set on another node, or written to
     * the store by other means than {@code Members}, is still read within a minute.
     */
    static final Duration MAX_TICK = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(BlogPoller.class);
    private static final int DUE_BATCH = 256;

    private final Store store;
    private final Clock clock;
    private final SafeFetcher fetcher;
    private final Duration interval;
    private final boolean polling;
    private final BlogFeeds feeds;
    private final BlogImport importer;
    private final Set<MemberId> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private @Nullable ScheduledThreadPoolExecutor scheduler;
    private @Nullable ThreadPoolExecutor workers;
    private volatile boolean closed;

    /**
     * A poller over this store, fetching through this fetcher.
     *
     * @param interval how often a healthy feed is polled
     * @param polling  whether to poll by itself once {@link #start()}ed
     */
    public BlogPoller(Store store, Clock clock, SafeFetcher fetcher, TextRules rules, Duration interval,
            boolean polling) {
        this.store = store;
        this.clock = clock;
        this.fetcher = fetcher;
        this.interval = interval;
        this.polling = polling;
        this.feeds = BlogFeeds.builder().textRules(rules).build();
        this.importer = new BlogImport(store, rules);
    }

    /** Starts polling, when it is on: the scheduler and the (lazily filled) pool. */
    public synchronized void start() {
        if (!polling || scheduler != null || closed) {
            return;
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "chorus-blogs-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        scheduler = new ScheduledThreadPoolExecutor(1, threads);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        // lookups of host names have no timeout of their own: a bounded pool keeps slow ones from piling up
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(DUE_BATCH),
                threads);
        workers.allowCoreThreadTimeOut(true);
        long tick = Math.min(interval.toMillis(), MAX_TICK.toMillis());
        scheduler.scheduleWithFixedDelay(this::tick, 0, tick, TimeUnit.MILLISECONDS);
    }

    /** Hears that a member's blog URL was stored: the next round runs now, so the blog is read at once. */
    public void blogSet(MemberId member) {
        requestTick();
    }

    @Override
    public Optional<BlogStatus> status(MemberId member) {
        Optional<URI> url = store.findMember(member).flatMap(Member::blogFeedUrl);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Optional<BlogFeedState> kept = store.findBlogFeed(member).filter(feed -> feed.url().equals(url.get()));
        Instant next = kept.map(BlogFeedState::nextPollAt).orElseGet(clock::instant);
        // every entry of the member's blog that became a post, whatever URL it was read from
        int imported = (int) store.importedEntries(member).stream().filter(entry -> entry.post().isPresent()).count();
        if (kept.isEmpty()) {
            return Optional.of(new BlogStatus(url.get(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), next, imported));
        }
        BlogFeedState feed = kept.get();
        return Optional.of(new BlogStatus(feed.url(), feed.feedUrl(), feed.lastSuccessAt(), feed.lastError(),
                feed.lastErrorAt(), next, imported));
    }

    @Override
    public int pollDue() {
        reconcile();
        List<BlogFeedState> due = store.dueBlogFeeds(clock.instant(), DUE_BATCH);
        ThreadPoolExecutor pool = workers;
        if (pool == null) {
            int polled = 0;
            for (BlogFeedState feed : due) {
                polled += pollExclusively(feed) ? 1 : 0;
            }
            return polled;
        }
        List<Future<Boolean>> polls = new ArrayList<>();
        for (BlogFeedState feed : due) {
            FutureTask<Boolean> poll = new FutureTask<>(() -> pollExclusively(feed));
            try {
                pool.execute(poll);
                polls.add(poll);
            } catch (RejectedExecutionException e) {
                break; // closing, or the pool is full: the rest stay due for the next tick
            }
        }
        int polled = 0;
        for (Future<Boolean> poll : polls) {
            try {
                polled += poll.get() ? 1 : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return polled;
            } catch (ExecutionException e) {
                LOG.warn("[chorus] a blog poll failed unexpectedly", e.getCause());
            }
        }
        return polled;
    }

    private void requestTick() {
        ScheduledThreadPoolExecutor ticks = scheduler;
        if (ticks != null && tickQueued.compareAndSet(false, true)) {
            try {
                ticks.execute(this::tick);
            } catch (RejectedExecutionException e) {
                tickQueued.set(false);
            }
        }
    }

    /** One round on the scheduler thread: line the feeds up with the profiles, hand due feeds to the pool. */
    private void tick() {
        tickQueued.set(false);
        ThreadPoolExecutor pool = workers;
        if (closed || pool == null) {
            return;
        }
        try {
            reconcile();
            for (BlogFeedState feed : store.dueBlogFeeds(clock.instant(), DUE_BATCH)) {
                if (pool.getQueue().remainingCapacity() == 0) {
                    return;
                }
                pool.execute(() -> pollExclusively(feed));
            }
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.warn("[chorus] looking for due blog feeds failed; trying again next round", e);
            }
        }
    }

    /**
     * Brings the kept feeds in line with the members' blog URLs: a new or changed URL gets a fresh feed due now;
     * a removed URL (or a member gone) loses its feed. Entries seen stay, so nothing is imported twice.
     */
    private synchronized void reconcile() {
        Map<MemberId, BlogFeedState> kept = new HashMap<>();
        for (BlogFeedState feed : store.blogFeeds()) {
            kept.put(feed.member(), feed);
        }
        Instant now = clock.instant();
        for (Member member : store.members()) {
            BlogFeedState feed = kept.remove(member.id());
            Optional<URI> url = member.blogFeedUrl();
            if (url.isEmpty() && feed != null) {
                store.removeBlogFeed(member.id());
            } else if (url.isPresent() && (feed == null || !feed.url().equals(url.get()))) {
                store.putBlogFeed(BlogFeedState.fresh(member.id(), url.get(), now));
            }
        }
        for (MemberId gone : kept.keySet()) {
            store.removeBlogFeed(gone);
        }
    }

    /** Polls the feed unless a poll of it is under way; false when one was. */
    private boolean pollExclusively(BlogFeedState due) {
        if (closed || !inFlight.add(due.member())) {
            return false;
        }
        try {
            // the feed as it is now: the member may have changed it since it was found due
            Optional<BlogFeedState> current = store.findBlogFeed(due.member())
                    .filter(feed -> !feed.nextPollAt().isAfter(clock.instant()));
            current.ifPresent(this::poll);
            return current.isPresent();
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.warn("[chorus] polling the blog of member {} failed unexpectedly", due.member(), e);
            }
            return false;
        } finally {
            inFlight.remove(due.member());
        }
    }

    private void poll(BlogFeedState feed) {
        Optional<Member> member = store.findMember(feed.member());
        if (member.isEmpty()) {
            return;
        }
        if (!member.get().isActive()) {
            Instant now = clock.instant();
            store.updateBlogFeed(feed.noting("@" + member.get().handle() + " is " + member.get().status().name()
                    .toLowerCase(java.util.Locale.ROOT) + "; the blog is not imported meanwhile", now)
                    .dueAt(next(now, interval)));
            return;
        }
        try {
            Fetched fetched = fetch(feed);
            Instant arrival = clock.instant();
            BlogImport.Result result = fetched.feed() == null ? new BlogImport.Result(0, 0, Optional.empty())
                    : importer.importEntries(member.get(), feed, fetched.feed(), arrival);
            BlogFeedState read = feed.succeeded(fetched.feedUrl(), fetched.etag(), fetched.lastModified(), arrival,
                    next(arrival, interval));
            store.updateBlogFeed(result.problem().map(problem -> read.noting(problem, arrival)).orElse(read));
            LOG.debug("[chorus] blog of member {}: {} new posts, {} edited", feed.member(), result.added(),
                    result.edited());
        } catch (FetchRefusedException e) {
            Duration wait = backoff(feed.failures(), e.isTransient());
            if (e.retryAfter().isPresent() && e.retryAfter().get().compareTo(wait) > 0) {
                wait = min(e.retryAfter().get(), MAX_BACKOFF);
            }
            fail(feed, e.getMessage(), wait);
        } catch (FeedFormatException e) {
            fail(feed, "the blog feed URL gives no feed Chorus can read: " + e.getMessage(),
                    backoff(feed.failures(), false));
        }
    }

    /** The outcome of fetching: the feed read (null when it had not changed) and the validators for next time. */
    private record Fetched(URI feedUrl, @Nullable ParsedFeed feed, Optional<String> etag, Optional<String> lastModified) {
    }

    private Fetched fetch(BlogFeedState feed) throws FetchRefusedException, FeedFormatException {
        URI target = feed.feedUrl().orElse(feed.url());
        FetchRequest request = FetchRequest.feed(target.toString());
        if (feed.feedUrl().isPresent()) {
            request = withValidators(request, feed);
        }
        FetchResult result = fetcher.fetch(request);
        if (result.notModified()) {
            return new Fetched(target, null, feed.etag(), feed.lastModified());
        }
        FeedDocument document = feeds.read(result.body(), result.contentType().orElse(""), result.url());
        if (document instanceof FeedLinks page) {
            // a blog's page: read the feed it names, and read that feed directly from now on
            target = page.feeds().get(0);
            result = fetcher.fetch(FetchRequest.feed(target.toString()));
            ParsedFeed parsed = feeds.parse(result.body(), result.contentType().orElse(""), result.url());
            return new Fetched(target, parsed, result.etag(), result.lastModified());
        }
        return new Fetched(target, (ParsedFeed) document, result.etag(), result.lastModified());
    }

    private static FetchRequest withValidators(FetchRequest request, BlogFeedState feed) {
        FetchRequest conditional = request;
        if (feed.etag().isPresent()) {
            conditional = conditional.withIfNoneMatch(feed.etag().get());
        }
        if (feed.lastModified().isPresent()) {
            conditional = conditional.withIfModifiedSince(feed.lastModified().get());
        }
        return conditional;
    }

    private void fail(BlogFeedState feed, @Nullable String error, Duration wait) {
        Instant now = clock.instant();
        String message = error == null ? "the blog could not be read" : error;
        store.updateBlogFeed(feed.failed(message, now, next(now, wait)));
    }

    /**
     * How long to wait after a failure: the interval, doubled for each failure before this one, four times that
     * for a refusal that will not go away by itself, at most {@link #MAX_BACKOFF}.
     */
    Duration backoff(int failuresBefore, boolean transientFailure) {
        Duration wait = interval.multipliedBy(transientFailure ? 1 : 4);
        for (int i = 0; i < failuresBefore && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return min(wait, MAX_BACKOFF);
    }

    /** The time after {@code wait}, plus up to a tenth of it at random, so feeds set together drift apart. */
    private static Instant next(Instant now, Duration wait) {
        long jitter = ThreadLocalRandom.current().nextLong(wait.toMillis() / 10 + 1);
        return now.plus(wait).plusMillis(jitter);
    }

    private static Duration min(Duration one, Duration other) {
        return one.compareTo(other) <= 0 ? one : other;
    }

    /** Stops the scheduler and the pool; fetches under way end when the fetcher closes. */
    @Override
    public void close() {
        closed = true;
        ScheduledThreadPoolExecutor ticks;
        ThreadPoolExecutor pool;
        synchronized (this) {
            ticks = scheduler;
            pool = workers;
        }
        if (ticks != null) {
            ticks.shutdownNow();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Waits (at most {@code timeout}) for the poller's threads to end, once closed and the fetcher closed too. */
    public void awaitStopped(Duration timeout) {
        ScheduledThreadPoolExecutor ticks;
        ThreadPoolExecutor pool;
        synchronized (this) {
            ticks = scheduler;
            pool = workers;
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            if (ticks != null) {
                ticks.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            if (pool != null) {
                pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
