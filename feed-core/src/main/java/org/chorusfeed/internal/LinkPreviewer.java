package org.chorusfeed.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.changes.ChangeLog;
import org.chorusfeed.changes.Subscription;
import org.chorusfeed.outside.FetchRefusedException;
import org.chorusfeed.outside.FetchRequest;
import org.chorusfeed.outside.FetchResult;
import org.chorusfeed.outside.SafeFetcher;
import org.chorusfeed.post.LinkPreview;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PreviewImage;
import org.chorusfeed.store.PreviewMark;
import org.chorusfeed.store.Store;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches link previews in the background, never in the request that publishes. It follows the change log: a post
 * created, or edited so that its first link changed, gets its link's page read (through the one
 * {@link SafeFetcher}) and the preview attached in the store, which announces it as {@code POST_PREVIEWED}.
 * A few threads and a bounded queue; a link's preview is remembered a while, so a link posted many times is
 * fetched once. Failures leave the post without a preview. Threads start with {@link #start()} and stop on
 * {@link #close()}.
 */
public final class LinkPreviewer implements AutoCloseable {
    /** The largest preview image kept: 1 MiB. */
    public static final long MAX_IMAGE_BYTES = 1L << 20;
    /** Posts waiting for a preview at most; more are left without one. */
    static final int QUEUE = 1000;
    private static final int THREADS = 2;
    private static final int MEMO_ENTRIES = 512;
    private static final Duration MEMO_TTL = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(LinkPreviewer.class);

    private final Store store;
    private final ChangeLog changes;
    private final SafeFetcher fetcher;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Map<URI, Memo> memo = new LinkedHashMap<>(64, 0.75f, true);
    private @Nullable Subscription subscription;

    /** What a link showed, shared by every post that links it while it is remembered. */
    private record Found(LinkPreview preview, Optional<URI> imageSource) {
    }

    private record Memo(CompletableFuture<Optional<Found>> found, Instant expires) {
    }

    /** A previewer over this store and change log, fetching through this fetcher; call {@link #start()}. */
    public LinkPreviewer(Store store, ChangeLog changes, SafeFetcher fetcher, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.fetcher = fetcher;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), task -> {
                    Thread thread = new Thread(task, "chorus-previews-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Follows the change log from now on. */
    public void start() {
        subscription = changes.subscribe(this::onChange);
    }

    private void onChange(Change change) {
        if (change.post().isEmpty()) {
            return;
        }
        PostId id = change.post().get();
        if (change.kind() == ChangeKind.POST_CREATED || change.kind() == ChangeKind.POST_EDITED) {
            submit(() -> preview(id), id);
        } else if (change.kind() == ChangeKind.POST_DELETED) {
            submit(store::prunePreviewImages, id);
        }
    }

    private void submit(Runnable task, PostId id) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("[chorus] the link preview of post {} failed; the post stays without one", id, e);
                }
            });
        } catch (RejectedExecutionException e) {
            if (executor.isShutdown()) {
                return;   // closing: nothing more is previewed
            }
            LOG.info("[chorus] {} posts wait for link previews already; post {} gets none", QUEUE, id);
        }
    }

    /** Brings the post's preview up to date with its first link. */
    void preview(PostId id) {
        Optional<Post> post = store.findPost(id);
        if (post.isEmpty()) {
            return;
        }
        Optional<URI> link = PreviewLinks.firstLink(post.get());
        Optional<PreviewMark> mark = store.previewMark(id);
        if (mark.isPresent()) {
            if (link.isPresent() && mark.get().link().equals(link.get())) {
                return;   // previewed already, or removed by its author
            }
            store.forgetPreview(id, clock.instant());
        }
        if (link.isEmpty()) {
            return;
        }
        Optional<Found> found = found(link.get());
        if (found.isEmpty()) {
            return;
        }
        LinkPreview preview = found.get().preview();
        Optional<PreviewImage> image = preview.image().flatMap(store::previewImage);
        if (preview.image().isPresent() && image.isEmpty()) {
            image = found.get().imageSource().flatMap(this::image);
            preview = withImage(preview, image);
        }
        store.attachPreview(id, link.get(), preview, image, clock.instant());
    }

    /** What the link shows: remembered, being fetched by another post's task, or fetched now. */
    private Optional<Found> found(URI link) {
        CompletableFuture<Optional<Found>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Found>> theirs;
        synchronized (memo) {
            Memo known = memo.get(link);
            theirs = known != null && known.expires().isAfter(clock.instant()) ? known.found() : null;
            if (theirs == null) {
                memo.put(link, new Memo(mine, clock.instant().plus(MEMO_TTL)));
                if (memo.size() > MEMO_ENTRIES) {
                    memo.remove(memo.keySet().iterator().next());
                }
            }
        }
        if (theirs != null) {
            return theirs.join();
        }
        Optional<Found> found = Optional.empty();
        try {
            found = fetch(link);
        } catch (FetchRefusedException e) {
            LOG.debug("[chorus] no link preview: {}", e.getMessage());
            if (e.reason() == FetchRefusedException.Reason.CLOSED) {
                synchronized (memo) {
                    Memo known = memo.get(link);
                    if (known != null && known.found() == mine) {
                        memo.remove(link);   // a closing fetcher says nothing about the link
                    }
                }
            }
        } finally {
            mine.complete(found);
        }
        return found;
    }

    private Optional<Found> fetch(URI link) throws FetchRefusedException {
        FetchResult page = fetcher.fetch(FetchRequest.page(link.toString()));
        Optional<PreviewPages.Card> card = PreviewPages.read(page);
        if (card.isEmpty()) {
            return Optional.empty();
        }
        Optional<PreviewImage> image = card.get().image().flatMap(this::image);
        return Optional.of(new Found(withImage(card.get().preview(), image), card.get().image()));
    }

    /** The image at {@code url}, if it can be fetched and its bytes are a PNG, JPEG, GIF or WebP image. */
    private Optional<PreviewImage> image(URI url) {
        try {
            FetchResult result = fetcher.fetch(FetchRequest.image(url.toString()).withMaxBytes(MAX_IMAGE_BYTES));
            byte[] bytes = result.body();
            Optional<String> type = ImageFormats.typeOf(bytes);
            if (type.isEmpty()) {
                LOG.debug("[chorus] no preview image: {} is not a PNG, JPEG, GIF or WebP image", url);
            }
            return type.map(t -> PreviewImage.of(t, bytes));
        } catch (FetchRefusedException e) {
            LOG.debug("[chorus] no preview image: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static LinkPreview withImage(LinkPreview preview, Optional<PreviewImage> image) {
        return new LinkPreview(preview.url(), preview.title(), preview.description(), preview.siteName(),
                image.map(PreviewImage::key));
    }

    /** Stops following the change log, drops waiting posts and waits briefly for fetches under way to end. */
    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("[chorus] link preview threads did not stop within 5 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
