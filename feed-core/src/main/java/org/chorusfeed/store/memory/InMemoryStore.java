package org.chorusfeed.store.memory;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
import org.chorusfeed.joining.AlreadyMemberException;
import org.chorusfeed.joining.Approval;
import org.chorusfeed.joining.Invitation;
import org.chorusfeed.joining.JoinRequest;
import org.chorusfeed.joining.JoinRequestPendingException;
import org.chorusfeed.joining.JoinRequestStatus;
import org.chorusfeed.joining.NewJoinRequest;
import org.chorusfeed.joining.NoSuchInvitationException;
import org.chorusfeed.NoSuchOrganisationException;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.Erasure;
import org.chorusfeed.internal.StorePosts;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.LinkPreview;
import org.chorusfeed.post.GivenAppreciation;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostVersion;
import org.chorusfeed.store.BlogFeedState;
import org.chorusfeed.store.ImportedEntry;
import org.chorusfeed.post.PreviewImage;
import org.chorusfeed.NoSuchPostException;
import org.chorusfeed.moderation.AlreadyReportedException;
import org.chorusfeed.moderation.AuditEntry;
import org.chorusfeed.moderation.Report;
import org.chorusfeed.moderation.ReportStatus;
import org.chorusfeed.post.Hiding;
import org.chorusfeed.store.AuditDraft;
import org.chorusfeed.store.DataRightsStore;
import org.chorusfeed.store.PostDraft;
import org.chorusfeed.store.PostSelection;
import org.chorusfeed.store.PreviewMark;
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
    // members' blogs
    private final MemoryBlogFeeds blogFeeds = new MemoryBlogFeeds(id -> findMember(id).isPresent());
    private final MemoryPreviews previews = new MemoryPreviews();

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
            member = admit(m, status, at);
        }
        fire();
        return member;
    }

    /** Admits a member; the caller holds the lock (and fires the callbacks after releasing it). */
    private Member admit(NewMember m, MemberStatus status, Instant at) {
        requireFreeHandle(m.handle());
        refuseErasedHandle(m.handle(), at);
        if (m.account().isPresent()) {
            Optional<Member> same = memberByAccount(m.account().get());
            if (same.isPresent()) {
                throw new AlreadyMemberException(same.get().handle());
            }
        }
        requireOrganisation(m.organisation());
        Member member = new Member(new MemberId(++lastMemberId), m.handle(), m.name(), m.organisation(), m.bio(),
                m.links(), m.blogFeedUrl(), m.role(), status, at, m.account(), m.language());
        members.put(member.id(), member);
        append(at, ChangeKind.MEMBER_ADMITTED, null, member.id(), null);
        return member;
    }

    private void requireFreeHandle(String handle) {
        if (members.values().stream().anyMatch(existing -> existing.handle().equals(handle))) {
            throw new HandleTakenException(handle);
        }
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
                    member.links(), member.blogFeedUrl(), member.role(), member.status(), old.joinedAt(), old.account(),
                    member.language());
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
            Optional.ofNullable(members.get(draft.author())).flatMap(author -> StorePosts.refusal(author, "publish"))
                    .ifPresent(refusal -> {
                        throw refusal;
                    });
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
            reports.removeIf(report -> report.post().equals(id));
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
            noteAppreciation(id, member, appreciates, at);
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
                && s.source().map(kind -> p.source().kind() == kind).orElse(true)
                && p.isPublic();
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
            AccessToken token = new AccessToken(++lastTokenId, member, label, at, Optional.empty());
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

    // members' blogs: kept by MemoryBlogFeeds

    @Override
    public Optional<BlogFeedState> findBlogFeed(MemberId member) {
        return blogFeeds.findBlogFeed(member);
    }

    @Override
    public List<BlogFeedState> blogFeeds() {
        return blogFeeds.blogFeeds();
    }

    @Override
    public List<BlogFeedState> dueBlogFeeds(Instant now, int limit) {
        return blogFeeds.dueBlogFeeds(now, limit);
    }

    @Override
    public void putBlogFeed(BlogFeedState feed) {
        blogFeeds.putBlogFeed(feed);
    }

    @Override
    public boolean updateBlogFeed(BlogFeedState feed) {
        return blogFeeds.updateBlogFeed(feed);
    }

    @Override
    public void removeBlogFeed(MemberId member) {
        blogFeeds.removeBlogFeed(member);
    }

    @Override
    public List<ImportedEntry> importedEntries(MemberId member) {
        return blogFeeds.importedEntries(member);
    }

    @Override
    public ImportedEntry saveImportedEntry(ImportedEntry entry) {
        return blogFeeds.saveImportedEntry(entry);
    }


    // link previews

    @Override
    public Optional<PreviewMark> previewMark(PostId post) {
        synchronized (lock) {
            return posts.containsKey(post.value()) ? previews.mark(post) : Optional.empty();
        }
    }

    @Override
    public Optional<Post> attachPreview(PostId post, URI link, LinkPreview preview, Optional<PreviewImage> image,
            Instant at) {
        synchronized (lock) {
            Stored stored = posts.get(post.value());
            if (stored == null) {
                return Optional.empty();
            }
            Post attached = previews.attach(stored.post(), link, preview, image);
            if (attached == null) {
                return Optional.of(stored.post());
            }
            changePreview(stored, attached, at);
        }
        fire();
        return findPost(post);
    }

    @Override
    public Optional<Post> removePreview(PostId post, URI link, Instant at) {
        return dropPreview(post, at, () -> previews.remove(post, link));
    }

    @Override
    public Optional<Post> forgetPreview(PostId post, Instant at) {
        return dropPreview(post, at, () -> previews.forget(post));
    }

    private Optional<Post> dropPreview(PostId post, Instant at, Runnable markChange) {
        boolean changed;
        synchronized (lock) {
            Stored stored = posts.get(post.value());
            if (stored == null) {
                return Optional.empty();
            }
            markChange.run();
            changed = stored.post().preview().isPresent();
            if (changed) {
                changePreview(stored, stored.post().withPreview(Optional.empty()), at);
            }
        }
        if (changed) {
            fire();
        }
        return findPost(post);
    }

    private void changePreview(Stored stored, Post changed, Instant at) {
        posts.put(changed.id().value(), new Stored(changed, stored.tags(), stored.history(), stored.appreciatedBy()));
        previews.prune(id -> posts.containsKey(id.value()), posts.values().stream().map(Stored::post).toList());
        append(at, ChangeKind.POST_PREVIEWED, changed.id(), changed.author(), null);
    }

    @Override
    public Optional<PreviewImage> previewImage(String key) {
        synchronized (lock) {
            return previews.image(key);
        }
    }

    @Override
    public int prunePreviewImages() {
        synchronized (lock) {
            return previews.prune(id -> posts.containsKey(id.value()),
                    posts.values().stream().map(Stored::post).toList());
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

    // data rights: appreciations given, erasure and the quarantine of erased handles

    private final Map<String, Instant> erasedHandles = new HashMap<>();
    private final Map<Given, Instant> appreciatedAt = new HashMap<>();
    private long lastTokenId;

    private record Given(PostId post, MemberId member) {
    }

    private void noteAppreciation(PostId post, MemberId member, boolean appreciates, Instant at) {
        if (appreciates) {
            appreciatedAt.putIfAbsent(new Given(post, member), at);
        } else {
            appreciatedAt.remove(new Given(post, member));
        }
    }

    private void refuseErasedHandle(String handle, Instant at) {
        Instant erasedAt = erasedHandles.get(handle);
        if (erasedAt != null && at.isBefore(Erasure.freeFrom(erasedAt))) {
            throw HandleTakenException.erasedRecently(handle, erasedAt, Erasure.freeFrom(erasedAt));
        }
    }

    @Override
    public List<GivenAppreciation> appreciationsGiven(MemberId member) {
        synchronized (lock) {
            List<GivenAppreciation> given = new ArrayList<>();
            for (Stored stored : posts.values()) {
                PostId id = stored.post().id();
                if (stored.appreciatedBy().contains(member)) {
                    given.add(new GivenAppreciation(id, appreciatedAt.get(new Given(id, member))));
                }
            }
            given.sort(Comparator.comparing(GivenAppreciation::at).thenComparing(g -> g.post().value()).reversed());
            return List.copyOf(given);
        }
    }

    @Override
    public Erasure eraseMember(MemberId id, Instant at) {
        Erasure erasure;
        synchronized (lock) {
            Member member = members.get(id);
            if (member == null) {
                throw new NoSuchMemberException(id.toString());
            }
            Set<PostId> removed = new HashSet<>();
            for (Iterator<Stored> it = posts.values().iterator(); it.hasNext();) {
                Post post = it.next().post();
                if (post.author().equals(id)) {
                    it.remove();
                    previews.forget(post.id());
                    append(at, ChangeKind.POST_DELETED, post.id(), id, null);
                    removed.add(post.id());
                }
            }
            reports.removeIf(report -> report.reporter().equals(id) || removed.contains(report.post()));
            blogFeeds.forget(id);
            member.account().ifPresent(membership::forgetAccount);
            int withdrawn = 0;
            for (Map.Entry<Long, Stored> entry : posts.entrySet()) {
                Stored stored = entry.getValue();
                if (stored.appreciatedBy().remove(id)) {
                    Post p = stored.post();
                    Post counted = new Post(p.id(), p.author(), p.text(), p.segments(), p.inReplyTo(), p.source(),
                            p.editedAt(), stored.appreciatedBy().size(), p.preview(), p.hidden());
                    entry.setValue(new Stored(counted, stored.tags(), stored.history(), stored.appreciatedBy()));
                    append(at, ChangeKind.POST_APPRECIATED, p.id(), p.author(), null);
                    withdrawn++;
                }
            }
            appreciatedAt.keySet().removeIf(given -> given.member().equals(id));
            int before = tokens.size();
            tokens.removeIf(stored -> stored.token().member().equals(id));
            members.remove(id);
            erasedHandles.put(member.handle(), at);
            append(at, ChangeKind.MEMBER_ERASED, null, id, null);
            audit.append(DataRightsStore.erasedAudit(member.handle(), at));
            erasure = new Erasure(id, member.handle(), at, removed.size(), withdrawn, before - tokens.size());
        }
        fire();
        return erasure;
    }

    @Override
    public Optional<Instant> handleErasedAt(String handle) {
        synchronized (lock) {
            return Optional.ofNullable(erasedHandles.get(handle));
        }
    }

    // moderation (issue 7): the audit log, hidings and reports

    private final InMemoryAudit audit = new InMemoryAudit();

    @Override
    public AuditEntry appendAudit(AuditDraft draft) {
        return audit.append(draft);
    }

    @Override
    public List<AuditEntry> auditEntries(Optional<Long> before, int limit) {
        return audit.newest(before, limit);
    }

    private final List<Report> reports = new ArrayList<>();

    @Override
    public Optional<Post> hidePost(PostId id, Hiding hiding, AuditDraft draft) {
        Post hidden;
        synchronized (lock) {
            Stored stored = posts.get(id.value());
            if (stored == null || stored.post().hidden().isPresent()) {
                return Optional.ofNullable(stored).map(Stored::post);
            }
            hidden = stored.post().withHidden(Optional.of(hiding));
            posts.put(id.value(), new Stored(hidden, stored.tags(), stored.history(), stored.appreciatedBy()));
            reports.replaceAll(report -> report.post().equals(id) && report.isOpen()
                    ? decided(report, ReportStatus.RESOLVED, hiding.at(), hiding.by(), Optional.of(hiding.reason()))
                    : report);
            append(hiding.at(), ChangeKind.POST_HIDDEN, id, hidden.author(), null);
            audit.append(draft);
        }
        fire();
        return Optional.of(hidden);
    }

    @Override
    public Optional<Post> unhidePost(PostId id, AuditDraft draft) {
        Post shown;
        synchronized (lock) {
            Stored stored = posts.get(id.value());
            if (stored == null || stored.post().hidden().isEmpty()) {
                return Optional.ofNullable(stored).map(Stored::post);
            }
            shown = stored.post().withHidden(Optional.empty());
            posts.put(id.value(), new Stored(shown, stored.tags(), stored.history(), stored.appreciatedBy()));
            append(draft.at(), ChangeKind.POST_UNHIDDEN, id, shown.author(), null);
            audit.append(draft);
        }
        fire();
        return Optional.of(shown);
    }

    @Override
    public List<Post> hiddenPosts(Optional<PostId> before, int limit) {
        synchronized (lock) {
            return posts.headMap(before.map(PostId::value).orElse(Long.MAX_VALUE), false).descendingMap().values()
                    .stream().map(Stored::post).filter(post -> !post.isPublic()).limit(limit).toList();
        }
    }

    @Override
    public Report insertReport(PostId post, MemberId reporter, String reason, Instant at) {
        synchronized (lock) {
            if (!posts.containsKey(post.value())) {
                throw new NoSuchPostException(post);
            }
            if (!members.containsKey(reporter)) {
                throw new NoSuchMemberException(reporter.toString());
            }
            for (Report report : reports) {
                if (report.post().equals(post) && report.reporter().equals(reporter) && report.isOpen()) {
                    throw new AlreadyReportedException(post, report.id());
                }
            }
            Report report = new Report(++lastReportId, post, reporter, reason, ReportStatus.OPEN, at, Optional.empty(),
                    Optional.empty(), Optional.empty());
            reports.add(report);
            return report;
        }
    }

    private long lastReportId;

    @Override
    public Optional<Report> findReport(long id) {
        synchronized (lock) {
            return reports.stream().filter(report -> report.id() == id).findFirst();
        }
    }

    @Override
    public List<Report> reports(boolean openOnly) {
        synchronized (lock) {
            return reports.stream().filter(report -> !openOnly || report.isOpen())
                    .sorted(Comparator.comparingLong(Report::id).reversed()).toList();
        }
    }

    @Override
    public List<Report> reportsBy(MemberId reporter) {
        synchronized (lock) {
            return reports.stream().filter(report -> report.reporter().equals(reporter))
                    .sorted(Comparator.comparingLong(Report::id).reversed()).toList();
        }
    }

    @Override
    public Optional<Report> dismissReport(long id, MemberId admin, Optional<String> reason, AuditDraft draft) {
        synchronized (lock) {
            for (int i = 0; i < reports.size(); i++) {
                Report report = reports.get(i);
                if (report.id() == id) {
                    if (!report.isOpen()) {
                        return Optional.of(report);
                    }
                    Report dismissed = decided(report, ReportStatus.DISMISSED, draft.at(), admin, reason);
                    reports.set(i, dismissed);
                    audit.append(draft);
                    return Optional.of(dismissed);
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public int deleteReportsBy(MemberId reporter) {
        synchronized (lock) {
            int before = reports.size();
            reports.removeIf(report -> report.reporter().equals(reporter));
            return before - reports.size();
        }
    }

    private static Report decided(Report report, ReportStatus status, Instant at, MemberId admin,
            Optional<String> decision) {
        return new Report(report.id(), report.post(), report.reporter(), report.reason(), status, report.createdAt(),
                Optional.of(at), Optional.of(admin), decision);
    }

    // membership: accounts, invitations, join requests, the directory's newest posts (members helper)

    private final MemoryMembership membership = new MemoryMembership();

    private Optional<Member> memberByAccount(String account) {
        return members.values().stream().filter(m -> m.account().equals(Optional.of(account))).findFirst();
    }

    @Override
    public Optional<Member> findMemberByAccount(String account) {
        synchronized (lock) {
            return memberByAccount(account);
        }
    }

    @Override
    public Invitation insertInvitation(Invitation invitation) {
        synchronized (lock) {
            requireOrganisation(invitation.organisation());
            return membership.insert(invitation);
        }
    }

    @Override
    public List<Invitation> invitations() {
        synchronized (lock) {
            return membership.invitations();
        }
    }

    @Override
    public Optional<Invitation> findInvitation(long id) {
        synchronized (lock) {
            return membership.invitation(id);
        }
    }

    @Override
    public Optional<Invitation> findInvitationByCode(String code) {
        synchronized (lock) {
            return membership.invitation(code);
        }
    }

    @Override
    public Optional<Invitation> revokeInvitation(long id, Instant at) {
        synchronized (lock) {
            return membership.invitation(id).map(invitation -> membership.replace(invitation.revoked(at)));
        }
    }

    @Override
    public Member acceptInvitation(String code, NewMember member, Instant at) {
        Member admitted;
        synchronized (lock) {
            Invitation invitation = membership.invitation(code)
                    .orElseThrow(() -> new NoSuchInvitationException("with this code"));
            admitted = admit(invitation.admitting(member, at), MemberStatus.ACTIVE, at);
            membership.replace(invitation.usedOnce());
        }
        fire();
        return admitted;
    }

    @Override
    public JoinRequest insertJoinRequest(NewJoinRequest request, Instant at) {
        synchronized (lock) {
            Optional<Member> same = memberByAccount(request.account());
            if (same.isPresent()) {
                throw new AlreadyMemberException(same.get().handle());
            }
            Optional<JoinRequest> latest = membership.latest(request.account());
            if (latest.isPresent() && latest.get().status() == JoinRequestStatus.PENDING) {
                throw new JoinRequestPendingException(latest.get().id());
            }
            requireFreeHandle(request.handle());
            requireOrganisation(request.organisation());
            return membership.insert(request, at);
        }
    }

    @Override
    public List<JoinRequest> joinRequests(Optional<JoinRequestStatus> status) {
        synchronized (lock) {
            return membership.requests(status);
        }
    }

    @Override
    public Optional<JoinRequest> findJoinRequest(long id) {
        synchronized (lock) {
            return membership.request(id);
        }
    }

    @Override
    public Optional<JoinRequest> latestJoinRequest(String account) {
        synchronized (lock) {
            return membership.latest(account);
        }
    }

    @Override
    public Approval approveJoinRequest(long id, MemberId by, Instant at) {
        Approval approval;
        synchronized (lock) {
            JoinRequest request = membership.existingRequest(id);
            Member admitted = admit(request.admitting(), MemberStatus.ACTIVE, at);
            approval = new Approval(membership.replace(request.decided(JoinRequestStatus.APPROVED, by,
                    Optional.empty(), at)), admitted);
        }
        fire();
        return approval;
    }

    @Override
    public JoinRequest declineJoinRequest(long id, MemberId by, Optional<String> reason, Instant at) {
        synchronized (lock) {
            JoinRequest request = membership.existingRequest(id);
            return membership.replace(request.decided(JoinRequestStatus.DECLINED, by, reason, at));
        }
    }

    @Override
    public Map<MemberId, Post> latestPublicPosts() {
        synchronized (lock) {
            Map<MemberId, Post> latest = new HashMap<>();
            for (Stored stored : posts.descendingMap().values()) {
                if (stored.post().isPublic()) {
                    latest.putIfAbsent(stored.post().author(), stored.post());
                }
            }
            return Map.copyOf(latest);
        }
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
