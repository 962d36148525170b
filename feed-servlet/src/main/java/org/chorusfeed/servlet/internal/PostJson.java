package org.chorusfeed.servlet.internal;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.jspecify.annotations.Nullable;

/**
 * Each post's JSON ({@link Representations#post}) rendered once and kept as bytes by post id, so that a timeline
 * page is its post ids read from the store and the kept bytes copied out, instead of whole posts read, built into
 * a tree and serialised per request. Shared by every response.
 *
 * <p>Only the change log takes renderings out (DESIGN rule 5: every mutation is in it, and the live stream relies
 * on the same), so whoever changes what a post's JSON shows must keep these true:
 * <ol>
 * <li><b>A change to a post names it.</b> The kinds in {@link #OWN_POST_ONLY} change nothing but the post they
 *     name, whose renderings are dropped. Every other kind drops every rendering: what a post's JSON reads from
 *     outside its own row (the author's name and organisation through {@link People}, the replied-to post and its
 *     author) can change with it. A new {@link ChangeKind} is therefore safe by default; list it there only if
 *     no other post's JSON can change with it (a new field of the post's own, like a preview, can).</li>
 * <li><b>A rendering is kept only if no change came while it was made.</b> Callers read {@link #stamp()} before
 *     reading the post; {@link #render} keeps the bytes only if no change was handled since, so a post read just
 *     before a change cannot outlive it. {@link #invalidate} must run after {@link People#invalidate}.</li>
 * <li><b>The view is in the key.</b> The JSON may differ by who reads it only through the {@link View}. Today
 *     there is one, {@link View#PUBLIC}: what anonymous readers see; a field for one reader (like
 *     {@code appreciatedByMe}) is appended to a shared rendering by {@link #withField}. A post shown differently
 *     to some readers (say, hidden posts to admins) gets its own view, passed in by the caller.</li>
 * </ol>
 * Bounded by a capacity: past it, an arbitrary eighth of the renderings is dropped (no order is kept, so a hit
 * costs one map lookup).
 */
final class PostJson {
    /** Change kinds that change no post's JSON but the one post they name. */
    static final Set<ChangeKind> OWN_POST_ONLY =
            EnumSet.of(ChangeKind.POST_CREATED, ChangeKind.POST_EDITED, ChangeKind.POST_APPRECIATED);

    /** Who a rendering is for. */
    enum View {
        /** What anonymous readers see; members see it too, with their own fields appended. */
        PUBLIC
    }

    private record Key(PostId id, View view) {
    }

    private final int capacity;
    /** How many changes have been handled: a rendering made across a change is not kept. */
    private final AtomicLong changes = new AtomicLong();
    private final Map<Key, byte[]> entries = new ConcurrentHashMap<>();

    /** A cache of at most about {@code capacity} renderings. */
    PostJson(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity is " + capacity + "; give at least 1");
        }
        this.capacity = capacity;
    }

    /** Where the change log stands for this cache: read it before reading the posts to render. */
    long stamp() {
        return changes.get();
    }

    /** The kept JSON of this post in this view; null when there is none. */
    byte @Nullable [] cached(PostId id, View view) {
        return entries.get(new Key(id, view));
    }

    /**
     * Renders the post in this view, and keeps the bytes unless a change was handled since {@code stamp}.
     *
     * @param directory where the author and the replied-to post are looked up
     * @param stamp     {@link #stamp()} read before the post was
     */
    byte[] render(Post post, View view, Directory directory, long stamp) {
        byte[] json = Representations.MAPPER.writeValueAsBytes(Representations.post(post, directory, null));
        if (stamp == changes.get()) {
            if (entries.size() >= capacity) {
                evictSome();
            }
            Key key = new Key(post.id(), view);
            entries.put(key, json);
            // A change handled between the check and the put has already dropped what it concerns: undo the put.
            if (stamp != changes.get()) {
                entries.remove(key, json);
            }
        }
        return json;
    }

    private void evictSome() {
        int drop = Math.max(1, capacity / 8);
        Iterator<Key> keys = entries.keySet().iterator();
        while (drop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    /** Drops the renderings a change may alter; called for each change in the log, in order. */
    void invalidate(Change change) {
        changes.incrementAndGet();
        if (!OWN_POST_ONLY.contains(change.kind())) {
            entries.clear();
        } else {
            change.post().ifPresent(id -> {
                for (View view : View.values()) {
                    entries.remove(new Key(id, view));
                }
            });
        }
    }

    /** How many renderings are kept (for tests). */
    int size() {
        return entries.size();
    }

    /**
     * A post's JSON object with one more field at its end: {@code {...,"name":true}}. The name must be a plain
     * ASCII field name that needs no escaping.
     */
    static byte[] withField(byte[] object, String name, boolean value) {
        byte[] field = (",\"" + name + "\":" + value + "}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (object.length < 2 || object[object.length - 1] != '}') {
            throw new IllegalArgumentException("not a JSON object: " + object.length + " bytes");
        }
        byte[] joined = new byte[object.length - 1 + field.length];
        System.arraycopy(object, 0, joined, 0, object.length - 1);
        System.arraycopy(field, 0, joined, object.length - 1, field.length);
        return joined;
    }
}
