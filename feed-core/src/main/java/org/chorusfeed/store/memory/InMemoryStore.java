package org.chorusfeed.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chorusfeed.HandleTakenException;
import org.chorusfeed.access.AccessToken;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.NoSuchOrganisationException;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostVersion;
import org.chorusfeed.store.PostDraft;
import org.chorusfeed.store.PostSelection;
import org.chorusfeed.store.Store;
import org.chorusfeed.text.PostText;

/** A store that keeps everything in memory behind one lock: simple and exact, for tests. */
public final class InMemoryStore implements Store {
    private final Object lock = new Object();
    private final Map<String, Organisation> organisations = new TreeMap<>();
    private final Map<MemberId, Member> members = new HashMap<>();
    private final NavigableMap<Long, Stored> posts = new TreeMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final List<StoredToken> tokens = new ArrayList<>();
    private long lastMemberId;
    private long lastMintedPostId;

    private record StoredToken(AccessToken token, byte[] hash) {
    }

    private record Stored(Post post, Set<String> tags, List<PostVersion> history, Set<MemberId> appreciatedBy) {
    }

    @Override
    public Organisation saveOrganisation(Organisation organisation, Instant at) {
        synchronized (lock) {
            organisations.put(organisation.slug(), organisation);
            append(at, ChangeKind.ORGANISATION_CHANGED, null, null, organisation.slug());
        }
        fire();
        return organisation;
    }

    @Override
    public Optional<Organisation> findOrganisation(String slug) {
        synchronized (lock) {
            return Optional.ofNullable(organisations.get(slug));
        }
    }

    @Override
    public List<Organisation> organisations() {
        synchronized (lock) {
            return List.copyOf(organisations.values());
        }
    }

    @Override
    public Member insertMember(NewMember m, MemberStatus status, Instant at) {
        Member member;
        synchronized (lock) {
            if (members.values().stream().anyMatch(existing -> existing.handle().equals(m.handle()))) {
                throw new HandleTakenException(m.handle());
            }
            requireOrganisation(m.organisation());
            member = new Member(new MemberId(++lastMemberId), m.handle(), m.name(), m.organisation(), m.bio(), m.links(),
                    m.blogFeedUrl(), m.role(), status, at);
            members.put(member.id(), member);
            append(at, ChangeKind.MEMBER_ADMITTED, null, member.id(), null);
        }
        fire();
        return member;
    }

    @Override
    public Member updateMember(Member member, Instant at) {
        Member updated;
        synchronized (lock) {
            Member old = members.get(member.id());
            if (old == null) {
                throw new NoSuchMemberException(member.id().toString());
            }
            requireOrganisation(member.organisation());
            updated = new Member(old.id(), old.handle(), member.name(), member.organisation(), member.bio(),
                    member.links(), member.blogFeedUrl(), member.role(), member.status(), old.joinedAt());
            members.put(updated.id(), updated);
            append(at, ChangeKind.MEMBER_CHANGED, null, updated.id(), null);
        }
        fire();
        return updated;
    }

    @Override
    public Optional<Member> findMember(MemberId id) {
        synchronized (lock) {
            return Optional.ofNullable(members.get(id));
        }
    }

    @Override
    public Optional<Member> findMemberByHandle(String handle) {
        synchronized (lock) {
            return members.values().stream().filter(m -> m.handle().equals(handle)).findFirst();
        }
    }

    @Override
    public List<Member> members() {
        synchronized (lock) {
            return members.values().stream().sorted((a, b) -> a.handle().compareTo(b.handle())).toList();
        }
    }

    @Override
    public Post insertPost(PostDraft draft) {
        Post post;
        synchronized (lock) {
            long id = mint(draft);
            post = new Post(new PostId(id), draft.author(), draft.text().text(), draft.text().segments(),
                    draft.inReplyTo(), draft.source(), Optional.empty(), 0);
            List<PostVersion> history = new ArrayList<>();
            history.add(new PostVersion(post.text(), post.segments(), post.publishedAt()));
            posts.put(id, new Stored(post, draft.text().tags(), history, new HashSet<>()));
            append(post.publishedAt(), ChangeKind.POST_CREATED, post.id(), post.author(), null);
        }
        fire();
        return post;
    }

    private long mint(PostDraft draft) {
        long floor = PostId.firstAt(draft.time()).value();
        if (!draft.backdated()) {
            lastMintedPostId = Math.max(lastMintedPostId + 1, floor);
            return lastMintedPostId;
        }
        long id = floor;
        while (posts.containsKey(id)) {
            id++;
        }
        if (id - floor > PostId.MAX_COUNTER) {
            throw new IllegalStateException("no free post id left in the millisecond of " + draft.time());
        }
        lastMintedPostId = Math.max(lastMintedPostId, id);
        return id;
    }

    @Override
    public Optional<Post> editPost(PostId id, PostText text, Instant at) {
        Post edited;
        synchronized (lock) {
            Stored stored = posts.get(id.value());
            if (stored == null) {
                return Optional.empty();
            }
            Post p = stored.post();
            edited = new Post(p.id(), p.author(), text.text(), text.segments(), p.inReplyTo(), p.source(),
                    Optional.of(at), p.appreciations(), p.preview(), p.hidden());
            stored.history().add(new PostVersion(text.text(), text.segments(), at));
            posts.put(id.value(), new Stored(edited, text.tags(), stored.history(), stored.appreciatedBy()));
            append(at, ChangeKind.POST_EDITED, id, p.author(), null);
        }
        fire();
        return Optional.of(edited);
    }

    @Override
    public boolean deletePost(PostId id, Instant at) {
        synchronized (lock) {
            Stored stored = posts.remove(id.value());
            if (stored == null) {
                return false;
            }
            append(at, ChangeKind.POST_DELETED, id, stored.post().author(), null);
        }
        fire();
        return true;
    }

    @Override
    public Optional<Post> setAppreciation(PostId id, MemberId member, boolean appreciates, Instant at) {
        boolean changed;
        Post result;
        synchronized (lock) {
            Stored stored = posts.get(id.value());
            if (stored == null) {
                return Optional.empty();
            }
            changed = appreciates ? stored.appreciatedBy().add(member) : stored.appreciatedBy().remove(member);
            Post p = stored.post();
            result = new Post(p.id(), p.author(), p.text(), p.segments(), p.inReplyTo(), p.source(), p.editedAt(),
                    stored.appreciatedBy().size(), p.preview(), p.hidden());
            posts.put(id.value(), new Stored(result, stored.tags(), stored.history(), stored.appreciatedBy()));
            if (changed) {
                append(at, ChangeKind.POST_APPRECIATED, id, p.author(), null);
            }
        }
        if (changed) {
            fire();
        }
        return Optional.of(result);
    }

    @Override
    public Optional<Post> findPost(PostId id) {
        synchronized (lock) {
            return Optional.ofNullable(posts.get(id.value())).map(Stored::post);
        }
    }

    // timeline reads (TimelineReads)

    @Override
    public Map<PostId, Post> findPosts(Collection<PostId> ids) {
        Map<PostId, Post> found = new HashMap<>();
        synchronized (lock) {
            for (PostId id : ids) {
                Stored stored = posts.get(id.value());
                if (stored != null) {
                    found.put(id, stored.post());
                }
            }
        }
        return Map.copyOf(found);
    }

    @Override
    public List<Post> posts(PostSelection s) {
        synchronized (lock) {
            NavigableMap<Long, Stored> range;
            if (s.after().isPresent()) {
                range = posts.tailMap(s.after().get().value(), false);
            } else if (s.before().isPresent()) {
                range = posts.headMap(s.before().get().value(), false).descendingMap();
            } else {
                range = posts.descendingMap();
            }
            List<Post> result = new ArrayList<>(s.limit());
            for (Stored stored : range.values()) {
                if (matches(stored, s)) {
                    result.add(stored.post());
                    if (result.size() == s.limit()) {
                        break;
                    }
                }
            }
            return result;
        }
    }

    private boolean matches(Stored stored, PostSelection s) {
        Post p = stored.post();
        return s.author().map(a -> a.equals(p.author())).orElse(true)
                && s.organisation().map(org -> members.get(p.author()).organisation().equals(Optional.of(org))).orElse(true)
                && s.tag().map(stored.tags()::contains).orElse(true)
                && (s.includeReplies() || p.inReplyTo().isEmpty())
                && s.source().map(kind -> p.source().kind() == kind).orElse(true);
    }

    @Override
    public List<PostVersion> history(PostId id) {
        synchronized (lock) {
            Stored stored = posts.get(id.value());
            return stored == null ? List.of() : List.copyOf(stored.history());
        }
    }

    @Override
    public Set<PostId> appreciatedBy(MemberId member, Collection<PostId> ids) {
        synchronized (lock) {
            Set<PostId> result = new HashSet<>();
            for (PostId id : ids) {
                Stored stored = posts.get(id.value());
                if (stored != null && stored.appreciatedBy().contains(member)) {
                    result.add(id);
                }
            }
            return Set.copyOf(result);
        }
    }

    @Override
    public AccessToken insertToken(MemberId member, String label, byte[] secretHash, Instant at) {
        synchronized (lock) {
            if (!members.containsKey(member)) {
                throw new NoSuchMemberException(member.toString());
            }
            AccessToken token = new AccessToken(tokens.size() + 1L, member, label, at, Optional.empty());
            tokens.add(new StoredToken(token, secretHash.clone()));
            return token;
        }
    }

    @Override
    public Optional<AccessToken> findTokenByHash(byte[] secretHash) {
        synchronized (lock) {
            return tokens.stream().filter(t -> java.util.Arrays.equals(t.hash(), secretHash)).map(StoredToken::token)
                    .findFirst();
        }
    }

    @Override
    public List<AccessToken> tokens(MemberId member) {
        synchronized (lock) {
            return tokens.stream().map(StoredToken::token).filter(t -> t.member().equals(member))
                    .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
        }
    }

    @Override
    public boolean revokeToken(MemberId member, long tokenId, Instant at) {
        synchronized (lock) {
            for (int i = 0; i < tokens.size(); i++) {
                AccessToken t = tokens.get(i).token();
                if (t.id() == tokenId && t.member().equals(member) && t.isActive()) {
                    tokens.set(i, new StoredToken(new AccessToken(t.id(), t.member(), t.label(), t.createdAt(),
                            Optional.of(at)), tokens.get(i).hash()));
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public List<Change> changesSince(long afterSeq, int limit) {
        synchronized (lock) {
            int from = (int) Math.min(Math.max(afterSeq, 0), changes.size());
            int to = (int) Math.min((long) from + limit, changes.size());
            return List.copyOf(changes.subList(from, to));
        }
    }

    @Override
    public long lastSeq() {
        synchronized (lock) {
            return changes.size();
        }
    }

    @Override
    public void onChanges(Runnable callback) {
        callbacks.add(callback);
    }

    @Override
    public void close() {
        callbacks.clear();
    }

    private void append(Instant at, ChangeKind kind, PostId post, MemberId member, String organisation) {
        changes.add(new Change(changes.size() + 1L, at, kind, Optional.ofNullable(post), Optional.ofNullable(member),
                Optional.ofNullable(organisation)));
    }

    private void requireOrganisation(Optional<String> slug) {
        if (slug.isPresent() && !organisations.containsKey(slug.get())) {
            throw new NoSuchOrganisationException(slug.get());
        }
    }

    private void fire() {
        callbacks.forEach(Runnable::run);
    }
}
