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
 * Each post's JSON ({@link Representations#post}) rendered once and kept as bytes, so that a timeline page is
 * assembled by copying bytes instead of building and serialising a tree per request. Shared by every response.
 *
 * <p>A kept rendering is served only when all three of these hold; whoever changes what a post's JSON shows must
 * keep them true:
 * <ol>
 * <li><b>The same post.</b> Only for a {@link Post} <em>equal</em> to the one it was rendered from. {@code Post} is
 *     a record, so every component takes part, including those added later (text, segments, edit time,
 *     appreciation count, preview, hiding): a field computed from the {@code Post} alone needs nothing more.</li>
 * <li><b>The same generation.</b> What a post's JSON reads from outside its {@code Post} (the author's name and
 *     organisation through {@link People}, the replied-to post and its author) changes only with an entry in the
 *     change log. Every change starts a new generation except the kinds in {@link #OWN_POST_ONLY}, which change
 *     nothing but their own post (caught by the first rule). A new {@link ChangeKind} is therefore safe by
 *     default; list it there only if no other post's JSON can change with it. Renderings of an older generation
 *     are never served. {@link #invalidate} must run after {@link People#invalidate} for each change.</li>
 * <li><b>The same view.</b> The JSON may differ by who reads it only through the {@link View} in the key. Today
 *     there is one, {@link View#PUBLIC}: what anonymous readers see; a field for one reader (like
 *     {@code appreciatedByMe}) is appended to a shared rendering by {@link #withField}. A post shown differently
 *     to some readers (say, hidden posts to admins) gets its own view, passed in by the caller.</li>
 * </ol>
 * Bounded by a capacity: past it, an arbitrary eighth of the entries is dropped (no order is kept, so a hit costs
 * one map lookup and one equality check).
 */
final class PostJson {
    /** Change kinds that change no post's JSON but their own post's (whose new value the first rule catches). */
    static final Set<ChangeKind> OWN_POST_ONLY =
            EnumSet.of(ChangeKind.POST_CREATED, ChangeKind.POST_EDITED, ChangeKind.POST_APPRECIATED);

    /** Who a rendering is for. */
    enum View {
        /** What anonymous readers see; members see it too, with their own fields appended. */
        PUBLIC
    }

    private record Key(PostId id, View view) {
    }

    private record Entry(long generation, Post post, byte[] json) {
    }

    private final int capacity;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /** A cache of at most about {@code capacity} renderings. */
    PostJson(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity is " + capacity + "; give at least 1");
        }
        this.capacity = capacity;
    }

    /** The current generation: read it once, before reading the posts of a response. */
    long generation() {
        return generation.get();
    }

    /** The kept JSON of exactly this post in this view, rendered in this generation; null when there is none. */
    byte @Nullable [] cached(Post post, View view, long generation) {
        Entry entry = entries.get(new Key(post.id(), view));
        return entry != null && entry.generation == generation && entry.post.equals(post) ? entry.json : null;
    }

    /**
     * Renders the post in this view and keeps the bytes for the generation read before the post was.
     *
     * @param directory where the author and the replied-to post are looked up
     */
    byte[] render(Post post, View view, Directory directory, long generation) {
        byte[] json = Representations.MAPPER.writeValueAsBytes(Representations.post(post, directory, null));
        if (generation == this.generation.get()) {
            if (entries.size() >= capacity) {
                evictSome();
            }
            entries.put(new Key(post.id(), view), new Entry(generation, post, json));
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

    /** Starts a new generation unless the change alters only its own post; called for each change in the log. */
    void invalidate(Change change) {
        if (!OWN_POST_ONLY.contains(change.kind())) {
            generation.incrementAndGet();
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
