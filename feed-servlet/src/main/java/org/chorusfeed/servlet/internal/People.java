package org.chorusfeed.servlet.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.chorusfeed.Chorus;
import org.chorusfeed.changes.Change;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.Organisation;

/**
 * Members by id and organisations by slug, shared by every response. Only the change log invalidates it (there
 * is no expiry and no bound: members and organisations are few). A lookup read before an invalidation is not kept,
 * so a member read just before a change cannot outlive it.
 */
final class People {
    private final Chorus chorus;
    private final PreviewLinks previewLinks;
    private final AtomicLong generation = new AtomicLong();
    private final Map<MemberId, Optional<Member>> members = new ConcurrentHashMap<>();
    private final Map<String, Optional<Organisation>> organisations = new ConcurrentHashMap<>();

    People(Chorus chorus) {
        this(chorus, new PreviewLinks(Optional.empty()));
    }

    /** Also carries where preview images are served, which every rendered post needs. */
    People(Chorus chorus, PreviewLinks previewLinks) {
        this.chorus = chorus;
        this.previewLinks = previewLinks;
    }

    /** Where preview images are served. */
    PreviewLinks previewLinks() {
        return previewLinks;
    }

    /** The member with this id, read from the store only when not cached. */
    Optional<Member> member(MemberId id) {
        return lookup(members, id, chorus.members()::find);
    }

    /** The organisation with this slug, read from the store only when not cached. */
    Optional<Organisation> organisation(String slug) {
        return lookup(organisations, slug, chorus.organisations()::find);
    }

    private <K, V> Optional<V> lookup(Map<K, Optional<V>> cache, K key, Function<K, Optional<V>> read) {
        Optional<V> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        Optional<V> value = read.apply(key);
        cache.putIfAbsent(key, value);
        // An invalidation since the read may have removed the key before the put: undo it (a racing newer put
        // is at worst dropped, never a stale one kept).
        if (generation.get() != before) {
            cache.remove(key, value);
        }
        return value;
    }

    /** Forgets the member or organisation a change concerns; called for each change in the change log. */
    void invalidate(Change change) {
        switch (change.kind()) {
            case MEMBER_ADMITTED, MEMBER_CHANGED, MEMBER_ERASED -> {
                generation.incrementAndGet();
                change.member().ifPresent(members::remove);
            }
            case ORGANISATION_CHANGED -> {
                generation.incrementAndGet();
                change.organisation().ifPresent(organisations::remove);
            }
            default -> {
            }
        }
    }
}
