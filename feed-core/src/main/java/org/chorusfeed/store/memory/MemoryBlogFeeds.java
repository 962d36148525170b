package org.chorusfeed.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.store.BlogFeedState;
import org.chorusfeed.store.BlogFeedStore;
import org.chorusfeed.store.ImportedEntry;

/** The {@link BlogFeedStore} part of the {@link InMemoryStore}, behind a lock of its own. */
final class MemoryBlogFeeds implements BlogFeedStore {
    private final Object lock = new Object();
    private final Predicate<MemberId> memberExists;
    private final Map<MemberId, BlogFeedState> feeds = new TreeMap<>(Comparator.comparingLong(MemberId::value));
    private final Map<Long, ImportedEntry> entries = new TreeMap<>();
    private long lastEntryId;

    MemoryBlogFeeds(Predicate<MemberId> memberExists) {
        this.memberExists = memberExists;
    }

    @Override
    public Optional<BlogFeedState> findBlogFeed(MemberId member) {
        synchronized (lock) {
            return Optional.ofNullable(feeds.get(member));
        }
    }

    @Override
    public List<BlogFeedState> blogFeeds() {
        synchronized (lock) {
            return List.copyOf(feeds.values());
        }
    }

    @Override
    public List<BlogFeedState> dueBlogFeeds(Instant now, int limit) {
        synchronized (lock) {
            return feeds.values().stream().filter(feed -> !feed.nextPollAt().isAfter(now))
                    .sorted(Comparator.comparing(BlogFeedState::nextPollAt)
                            .thenComparingLong(feed -> feed.member().value()))
                    .limit(Math.max(0, limit)).toList();
        }
    }

    @Override
    public void putBlogFeed(BlogFeedState feed) {
        requireMember(feed.member());
        synchronized (lock) {
            feeds.put(feed.member(), feed);
        }
    }

    @Override
    public boolean updateBlogFeed(BlogFeedState feed) {
        synchronized (lock) {
            BlogFeedState old = feeds.get(feed.member());
            if (old == null || !old.url().equals(feed.url())) {
                return false;
            }
            feeds.put(feed.member(), feed);
            return true;
        }
    }

    @Override
    public void removeBlogFeed(MemberId member) {
        synchronized (lock) {
            feeds.remove(member);
        }
    }

    @Override
    public List<ImportedEntry> importedEntries(MemberId member) {
        synchronized (lock) {
            List<ImportedEntry> found = new ArrayList<>();
            for (ImportedEntry entry : entries.values()) {
                if (entry.member().equals(member)) {
                    found.add(entry);
                }
            }
            return List.copyOf(found);
        }
    }

    @Override
    public ImportedEntry saveImportedEntry(ImportedEntry entry) {
        requireMember(entry.member());
        synchronized (lock) {
            if (entry.id() == 0) {
                ImportedEntry stored = new ImportedEntry(++lastEntryId, entry.member(), entry.post(), entry.keys(),
                        entry.fingerprint());
                entries.put(stored.id(), stored);
                return stored;
            }
            ImportedEntry old = entries.get(entry.id());
            if (old == null || !old.member().equals(entry.member())) {
                throw new IllegalArgumentException("no blog entry " + entry.id() + " is stored for member "
                        + entry.member());
            }
            entries.put(entry.id(), entry);
            return entry;
        }
    }

    // data rights: an erased member's feed state and imported entries go with them
    void forget(MemberId member) {
        synchronized (lock) {
            feeds.remove(member);
            entries.values().removeIf(entry -> entry.member().equals(member));
        }
    }

    private void requireMember(MemberId member) {
        if (!memberExists.test(member)) {
            throw new NoSuchMemberException(member.toString());
        }
    }
}
