package org.chorusfeed.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chorusfeed.blogs.BlogEntry;
import org.chorusfeed.blogs.ParsedFeed;
import org.chorusfeed.member.Member;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.store.BlogFeedState;
import org.chorusfeed.store.ImportedEntry;
import org.chorusfeed.store.PostDraft;
import org.chorusfeed.store.Store;
import org.chorusfeed.text.PostText;
import org.chorusfeed.text.TextRules;
import org.jspecify.annotations.Nullable;

/**
 * Turns the entries of one fetched feed into posts of its member: new entries become posts dated by the entry
 * (never later than their arrival), entries seen before are recognised by any of their keys, and an entry that
 * changed (edited, or with a new id) edits its post, keeping the history, instead of adding a second.
 */
final class BlogImport {
    /** The most entries a feed's first import turns into posts: the newest ones. */
    static final int FIRST_IMPORT = 5;

    private final Store store;
    private final TextRules rules;

    BlogImport(Store store, TextRules rules) {
        this.store = store;
        this.rules = rules;
    }

    /** What an import did: posts added and edited, and the first entry that could not be imported, if any. */
    record Result(int added, int edited, Optional<String> problem) {
    }

    /**
     * Imports the feed's entries for the member.
     *
     * @param feed    the feed's state before this poll: a feed never read imports only its {@value #FIRST_IMPORT}
     *                newest entries and passes over the rest for good
     * @param parsed  the feed as read
     * @param arrival when the entries reached the network
     */
    Result importEntries(Member member, BlogFeedState feed, ParsedFeed parsed, Instant arrival) {
        List<ImportedEntry> known = new ArrayList<>(store.importedEntries(member.id()));
        @Nullable Set<BlogEntry> chosen = feed.neverRead() ? new HashSet<>(parsed.newest(FIRST_IMPORT)) : null;
        Set<Long> handled = new HashSet<>();
        URI fallbackLink = parsed.siteLink().orElse(feed.feedUrl().orElse(feed.url()));
        int added = 0;
        int edited = 0;
        @Nullable String problem = null;
        for (BlogEntry entry : parsed.entries()) {
            try {
                String text = entry.toPostText(rules);
                String fingerprint = fingerprint(text);
                Optional<ImportedEntry> match = known.stream().filter(k -> k.keys().matches(entry.keys())).findFirst();
                if (match.isPresent()) {
                    if (handled.add(match.get().id()) && changed(match.get(), entry, fingerprint)) {
                        edited += update(match.get(), entry, text, fingerprint, arrival, known);
                    }
                    continue;
                }
                Optional<PostId> post = Optional.empty();
                if (chosen == null || chosen.contains(entry)) {
                    post = Optional.of(publish(member, entry, text, arrival, fallbackLink).id());
                    added++;
                }
                ImportedEntry saved = store.saveImportedEntry(new ImportedEntry(0, member.id(), post, entry.keys(),
                        fingerprint));
                known.add(saved);
                handled.add(saved.id());
            } catch (IllegalArgumentException e) {
                // one entry the text rules or the model refuse does not keep the others out
                if (problem == null) {
                    problem = "the entry \"" + shortTitle(entry) + "\" could not be imported: " + e.getMessage();
                }
            }
        }
        return new Result(added, edited, Optional.ofNullable(problem));
    }

    private static boolean changed(ImportedEntry seen, BlogEntry entry, String fingerprint) {
        return !seen.fingerprint().equals(fingerprint) || !seen.keys().equals(entry.keys());
    }

    /** Records the entry's new keys; edits its post when its text changed. Returns 1 when a post was edited. */
    private int update(ImportedEntry seen, BlogEntry entry, String text, String fingerprint, Instant arrival,
            List<ImportedEntry> known) {
        int edited = 0;
        if (!seen.fingerprint().equals(fingerprint) && seen.post().isPresent()) {
            // a post its author deleted stays deleted: editPost finds nothing
            edited = store.editPost(seen.post().get(), parse(text), arrival).isPresent() ? 1 : 0;
        }
        ImportedEntry updated = store.saveImportedEntry(seen.seenAs(entry.keys(), fingerprint));
        known.set(known.indexOf(seen), updated);
        return edited;
    }

    private Post publish(Member member, BlogEntry entry, String text, Instant arrival, URI fallbackLink) {
        Instant time = entry.timeIn(arrival);
        PostSource source = new PostSource.Blog(entry.link().orElse(fallbackLink), entry.title());
        return store.insertPost(new PostDraft(member.id(), time, time.isBefore(arrival), parse(text), Optional.empty(),
                source));
    }

    private PostText parse(String text) {
        return rules.parse(text, handle -> store.findMemberByHandle(handle).isPresent());
    }

    private static String shortTitle(BlogEntry entry) {
        String title = entry.title().isBlank() ? entry.key() : entry.title();
        return title.codePointCount(0, title.length()) <= 80 ? title
                : title.substring(0, title.offsetByCodePoints(0, 79)) + "…";
    }

    /** A digest of the post text an entry gives: equal texts, equal fingerprints. */
    static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
