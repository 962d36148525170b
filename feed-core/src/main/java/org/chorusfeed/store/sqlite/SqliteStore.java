package org.chorusfeed.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chorusfeed.HandleTakenException;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.NoSuchOrganisationException;
import org.chorusfeed.access.AccessToken;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.joining.Approval;
import org.chorusfeed.joining.Invitation;
import org.chorusfeed.joining.JoinRequest;
import org.chorusfeed.joining.JoinRequestStatus;
import org.chorusfeed.joining.NewJoinRequest;
import org.chorusfeed.internal.SegmentSpans;
import org.chorusfeed.member.Erasure;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.LinkPreview;
import org.chorusfeed.post.GivenAppreciation;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.post.PostVersion;
import org.chorusfeed.store.BlogFeedState;
import org.chorusfeed.store.ImportedEntry;
import org.chorusfeed.post.PreviewImage;
import org.chorusfeed.moderation.AuditEntry;
import org.chorusfeed.moderation.Report;
import org.chorusfeed.post.Hiding;
import org.chorusfeed.store.AuditDraft;
import org.chorusfeed.store.PostDraft;
import org.chorusfeed.store.PostRange;
import org.chorusfeed.store.PostSelection;
import org.chorusfeed.store.PreviewMark;
import org.chorusfeed.store.Store;
import org.chorusfeed.text.PostText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one SQLite file, {@code chorus.db}, in a data directory. Reads go through a small pool of
 * read-only connections; every write goes to one writer thread, which commits concurrent writes together
 * (group commit) and acknowledges none before its commit is on disk. The schema is migrated on open.
 *
 * <pre>{@code
 * try (SqliteStore store = SqliteStore.open(Path.of("chorus-data"), Clock.systemUTC())) {
 *     List<Post> newest = store.posts(PostSelection.newest(20));
 * }
 * }</pre>
 */
public final class SqliteStore implements Store {
    /** The database file's name inside the data directory. */
    public static final String FILE_NAME = "chorus.db";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    private static final int MAX_READERS = 8;
    private static final String MEMBER_BY_ID = "SELECT " + Rows.MEMBER_COLUMNS + " FROM members WHERE id = ?";

    private final Writer writer;
    private final ReadPool reads;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    // members' blogs
    private final SqliteBlogFeeds blogFeeds;

    private SqliteStore(Path file, SqlConnection writeConnection) {
        this.reads = new ReadPool(file, Math.min(MAX_READERS, Math.max(2, Runtime.getRuntime().availableProcessors())));
        this.writer = new Writer(writeConnection, this::fireCallbacks, "chorus-sqlite-writer");
        this.blogFeeds = new SqliteBlogFeeds(writer, reads);
    }

    /**
     * Opens the store in {@code directory}, creating the directory and the database if missing and bringing its
     * schema up to date.
     *
     * @param clock the clock migrations are timed by
     * @throws IllegalStateException if the database cannot be opened or has a newer schema than this code knows
     */
    public static SqliteStore open(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the data directory " + directory, e);
        }
        SqlConnection connection;
        try {
            connection = SqlConnection.open(file, false);
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the database " + file, e);
        }
        try {
            Migrations.apply(connection, clock, file);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("could not bring the database " + file + " up to date", e);
        }
        return new SqliteStore(file, connection);
    }

    /**
     * The PRAGMA statements run on every connection: {@code journal_mode=WAL}, {@code synchronous=FULL} (a commit
     * is durable, also on power loss, once it returns), {@code foreign_keys=ON} and {@code busy_timeout=5000}. For
     * measuring raw JDBC under the same settings.
     */
    public static List<String> pragmas() {
        return SqlConnection.pragmas();
    }

    static IllegalStateException closedException() {
        return new IllegalStateException("store is closed");
    }

    // organisations

    @Override
    public Organisation saveOrganisation(Organisation organisation, Instant at) {
        return write("save the organisation", tx -> {
            PreparedStatement upsert = tx.prepare("INSERT INTO organisations (" + Rows.ORGANISATION_COLUMNS
                    + ") VALUES (?, ?, ?, ?) ON CONFLICT (slug) DO UPDATE SET name = excluded.name, "
                    + "website = excluded.website, description = excluded.description");
            upsert.setString(1, organisation.slug());
            upsert.setString(2, organisation.name());
            Rows.setNullableString(upsert, 3, organisation.website().map(Object::toString));
            upsert.setString(4, organisation.description());
            upsert.executeUpdate();
            tx.appendChange(at, ChangeKind.ORGANISATION_CHANGED, Optional.empty(), Optional.empty(),
                    Optional.of(organisation.slug()));
            return organisation;
        });
    }

    @Override
    public Optional<Organisation> findOrganisation(String slug) {
        return read("read the organisation", c -> {
            PreparedStatement query = c.prepare("SELECT " + Rows.ORGANISATION_COLUMNS + " FROM organisations WHERE slug = ?");
            query.setString(1, slug);
            return first(query, Rows::organisation);
        });
    }

    @Override
    public List<Organisation> organisations() {
        return read("read the organisations", c -> all(
                c.prepare("SELECT " + Rows.ORGANISATION_COLUMNS + " FROM organisations ORDER BY slug"),
                Rows::organisation));
    }

    // members

    @Override
    public Member insertMember(NewMember m, MemberStatus status, Instant at) {
        return write("admit the member", tx -> insertMember(tx, m, status, at));
    }

    /** Admits a member inside a write transaction: also for accepted invitations and approved join requests. */
    static Member insertMember(Transaction tx, NewMember m, MemberStatus status, Instant at) throws SQLException {
        requireFreeHandle(tx, m.handle());
        DataRightsSql.refuseErasedHandle(tx, m.handle(), at);
        SqliteMembership.requireNewAccount(tx, m.account());
        requireOrganisation(tx, m.organisation());
        Member member = new Member(new MemberId(tx.nextId("members")), m.handle(), m.name(), m.organisation(), m.bio(),
                m.links(), m.blogFeedUrl(), m.role(), status, at, m.account(), m.language());
        PreparedStatement insert = tx.prepare("INSERT INTO members (" + Rows.MEMBER_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.setLong(1, member.id().value());
        insert.setString(2, member.handle());
        bindProfile(insert, 3, member);
        insert.setLong(10, Rows.nanos(member.joinedAt()));
        Rows.setNullableString(insert, 11, member.account());
        Rows.setNullableString(insert, 12, member.language());
        insert.executeUpdate();
        tx.appendChange(at, ChangeKind.MEMBER_ADMITTED, Optional.empty(), Optional.of(member.id()), Optional.empty());
        return member;
    }

    @Override
    public Member updateMember(Member member, Instant at) {
        return write("update the member", tx -> {
            PreparedStatement query = tx.prepare(MEMBER_BY_ID);
            query.setLong(1, member.id().value());
            Member old = first(query, Rows::member).orElseThrow(() -> new NoSuchMemberException(member.id().toString()));
            requireOrganisation(tx, member.organisation());
            Member updated = new Member(old.id(), old.handle(), member.name(), member.organisation(), member.bio(),
                    member.links(), member.blogFeedUrl(), member.role(), member.status(), old.joinedAt(), old.account(),
                    member.language());
            PreparedStatement update = tx.prepare("UPDATE members SET name = ?, organisation = ?, bio = ?, links = ?, "
                    + "blog_feed_url = ?, role = ?, status = ?, language = ? WHERE id = ?");
            bindProfile(update, 1, updated);
            Rows.setNullableString(update, 8, updated.language());
            update.setLong(9, updated.id().value());
            update.executeUpdate();
            tx.appendChange(at, ChangeKind.MEMBER_CHANGED, Optional.empty(), Optional.of(updated.id()), Optional.empty());
            return updated;
        });
    }

    /** Refuses a handle a member has. */
    static void requireFreeHandle(Transaction tx, String handle) throws SQLException {
        PreparedStatement byHandle = tx.prepare("SELECT 1 FROM members WHERE handle = ?");
        byHandle.setString(1, handle);
        if (tx.exists(byHandle)) {
            throw new HandleTakenException(handle);
        }
    }

    /** Binds name, organisation, bio, links, blog feed URL, role and status from {@code index} on. */
    private static void bindProfile(PreparedStatement statement, int index, Member member) throws SQLException {
        statement.setString(index, member.name());
        Rows.setNullableString(statement, index + 1, member.organisation());
        statement.setString(index + 2, member.bio());
        statement.setString(index + 3, Rows.links(member.links()));
        Rows.setNullableString(statement, index + 4, member.blogFeedUrl().map(Object::toString));
        statement.setString(index + 5, member.role().name());
        statement.setString(index + 6, member.status().name());
    }

    static void requireOrganisation(Transaction tx, Optional<String> slug) throws SQLException {
        if (slug.isPresent()) {
            PreparedStatement query = tx.prepare("SELECT 1 FROM organisations WHERE slug = ?");
            query.setString(1, slug.get());
            if (!tx.exists(query)) {
                throw new NoSuchOrganisationException(slug.get());
            }
        }
    }

    @Override
    public Optional<Member> findMember(MemberId id) {
        return read("read the member", c -> {
            PreparedStatement query = c.prepare(MEMBER_BY_ID);
            query.setLong(1, id.value());
            return first(query, Rows::member);
        });
    }

    @Override
    public Optional<Member> findMemberByHandle(String handle) {
        return read("read the member", c -> {
            PreparedStatement query = c.prepare("SELECT " + Rows.MEMBER_COLUMNS + " FROM members WHERE handle = ?");
            query.setString(1, handle);
            return first(query, Rows::member);
        });
    }

    @Override
    public List<Member> members() {
        return read("read the members", c -> all(
                c.prepare("SELECT " + Rows.MEMBER_COLUMNS + " FROM members ORDER BY handle"), Rows::member));
    }

    // posts

    @Override
    public Post insertPost(PostDraft draft) {
        String spans = SegmentSpans.encode(draft.text().segments());
        Optional<String> sourceUrl = draft.source() instanceof PostSource.Blog blog
                ? Optional.of(blog.url().toString()) : Optional.empty();
        Optional<String> sourceTitle = draft.source() instanceof PostSource.Blog blog
                ? Optional.of(blog.title()) : Optional.empty();
        return write("save the post", tx -> {
            SqliteModeration.requireActiveAuthor(tx, draft);
            PostId id = tx.mintPostId(draft);
            PreparedStatement insert = tx.prepare("INSERT INTO posts (id, author_id, text, spans, in_reply_to, "
                    + "source_kind, source_url, source_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            insert.setLong(1, id.value());
            insert.setLong(2, draft.author().value());
            insert.setString(3, draft.text().text());
            insert.setString(4, spans);
            Rows.setNullableLong(insert, 5, draft.inReplyTo().map(PostId::value));
            insert.setString(6, draft.source().kind().name());
            Rows.setNullableString(insert, 7, sourceUrl);
            Rows.setNullableString(insert, 8, sourceTitle);
            insert.executeUpdate();
            insertTags(tx, id, draft.text());
            Post post = new Post(id, draft.author(), draft.text().text(), draft.text().segments(), draft.inReplyTo(),
                    draft.source(), Optional.empty(), 0);
            tx.appendChange(post.publishedAt(), ChangeKind.POST_CREATED, Optional.of(id), Optional.of(post.author()),
                    Optional.empty());
            return post;
        });
    }

    private static void insertTags(Transaction tx, PostId id, PostText text) throws SQLException {
        if (text.tags().isEmpty()) {
            return;
        }
        PreparedStatement insert = tx.prepare("INSERT INTO post_tags (tag, post_id) VALUES (?, ?)");
        for (String tag : text.tags()) {
            insert.setString(1, tag);
            insert.setLong(2, id.value());
            insert.executeUpdate();
        }
    }

    @Override
    public Optional<Post> editPost(PostId id, PostText text, Instant at) {
        String spans = SegmentSpans.encode(text.segments());
        return write("save the edit", tx -> {
            Optional<Post> found = findPost(tx, id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Post old = found.get();
            PreparedStatement keep = tx.prepare("INSERT INTO post_versions (post_id, version, text, spans, since) "
                    + "SELECT p.id, (SELECT COALESCE(MAX(v.version), 0) + 1 FROM post_versions v WHERE v.post_id = p.id), "
                    + "p.text, p.spans, COALESCE(p.edited_at, ?) FROM posts p WHERE p.id = ?");
            keep.setLong(1, Rows.nanos(old.publishedAt()));
            keep.setLong(2, id.value());
            keep.executeUpdate();
            PreparedStatement update = tx.prepare("UPDATE posts SET text = ?, spans = ?, edited_at = ? WHERE id = ?");
            update.setString(1, text.text());
            update.setString(2, spans);
            update.setLong(3, Rows.nanos(at));
            update.setLong(4, id.value());
            update.executeUpdate();
            deleteFrom(tx, "DELETE FROM post_tags WHERE post_id = ?", id);
            insertTags(tx, id, text);
            tx.appendChange(at, ChangeKind.POST_EDITED, Optional.of(id), Optional.of(old.author()), Optional.empty());
            return Optional.of(new Post(id, old.author(), text.text(), text.segments(), old.inReplyTo(), old.source(),
                    Optional.of(at), old.appreciations(), old.preview(), old.hidden()));
        });
    }

    @Override
    public boolean deletePost(PostId id, Instant at) {
        return write("delete the post", tx -> {
            long author = tx.queryLong("SELECT author_id FROM posts WHERE id = ?", id.value());
            if (author == 0) {
                return false;
            }
            deleteFrom(tx, "DELETE FROM post_tags WHERE post_id = ?", id);
            deleteFrom(tx, "DELETE FROM post_versions WHERE post_id = ?", id);
            deleteFrom(tx, "DELETE FROM appreciations WHERE post_id = ?", id);
            SqliteModeration.forgetPost(tx, id);
            deleteFrom(tx, "DELETE FROM posts WHERE id = ?", id);
            tx.appendChange(at, ChangeKind.POST_DELETED, Optional.of(id), Optional.of(new MemberId(author)),
                    Optional.empty());
            return true;
        });
    }

    private static int deleteFrom(Transaction tx, String sql, PostId id) throws SQLException {
        PreparedStatement delete = tx.prepare(sql);
        delete.setLong(1, id.value());
        return delete.executeUpdate();
    }

    @Override
    public Optional<Post> setAppreciation(PostId id, MemberId member, boolean appreciates, Instant at) {
        return write("save the appreciation", tx -> {
            Optional<Post> found = findPost(tx, id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Post post = found.get();
            PreparedStatement change = tx.prepare(appreciates
                    ? "INSERT INTO appreciations (post_id, member_id, appreciated_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT (post_id, member_id) DO NOTHING"
                    : "DELETE FROM appreciations WHERE post_id = ? AND member_id = ?");
            change.setLong(1, id.value());
            change.setLong(2, member.value());
            if (appreciates) {
                change.setLong(3, Rows.nanos(at));
            }
            if (change.executeUpdate() == 0) {
                return found;
            }
            int delta = appreciates ? 1 : -1;
            PreparedStatement count = tx.prepare("UPDATE posts SET appreciations = appreciations + ? WHERE id = ?");
            count.setInt(1, delta);
            count.setLong(2, id.value());
            count.executeUpdate();
            tx.appendChange(at, ChangeKind.POST_APPRECIATED, Optional.of(id), Optional.of(post.author()),
                    Optional.empty());
            return Optional.of(new Post(id, post.author(), post.text(), post.segments(), post.inReplyTo(), post.source(),
                    post.editedAt(), post.appreciations() + delta, post.preview(), post.hidden()));
        });
    }

    static Optional<Post> findPost(Transaction tx, PostId id) throws SQLException {
        PreparedStatement query = tx.prepare(SqliteModeration.POST_BY_ID);
        query.setLong(1, id.value());
        return first(query, SqliteModeration::post);
    }

    @Override
    public Optional<Post> findPost(PostId id) {
        return read("read the post", c -> {
            PreparedStatement query = c.prepare(SqliteModeration.POST_BY_ID);
            query.setLong(1, id.value());
            return first(query, SqliteModeration::post);
        });
    }

    // timeline reads (TimelineReads)

    @Override
    public Map<PostId, Post> findPosts(Collection<PostId> ids) {
        if (ids.isEmpty()) {
            requireOpen();
            return Map.of();
        }
        return read("read the posts", c -> PostBatches.find(c, ids));
    }

    @Override
    public PostRange<Post> postRange(PostSelection selection) {
        return read("read the timeline", c -> PostQueries.range(c, selection, false, Rows::post));
    }

    @Override
    public PostRange<PostId> postIdRange(PostSelection selection) {
        return read("read the timeline", c -> PostQueries.range(c, selection, true, row -> new PostId(row.getLong(1))));
    }

    @Override
    public List<Post> posts(PostSelection selection) {
        return read("read the timeline", c -> {
            PreparedStatement query = c.prepare(PostQueries.sql(selection));
            PostQueries.bind(query, selection);
            List<Post> posts = new ArrayList<>(Math.min(selection.limit(), 128));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    posts.add(Rows.post(rows));
                }
            }
            return Collections.unmodifiableList(posts);
        });
    }

    @Override
    public List<PostVersion> history(PostId id) {
        // one statement, so the earlier versions and the current one come from the same snapshot
        return read("read the post's history", c -> {
            PreparedStatement query = c.prepare("SELECT text, spans, since, version FROM post_versions WHERE post_id = ? "
                    + "UNION ALL SELECT text, spans, COALESCE(edited_at, ?), 2147483647 FROM posts WHERE id = ? "
                    + "ORDER BY 4");
            query.setLong(1, id.value());
            query.setLong(2, Rows.nanos(id.time()));
            query.setLong(3, id.value());
            return all(query, Rows::version);
        });
    }

    @Override
    public Set<PostId> appreciatedBy(MemberId member, Collection<PostId> posts) {
        if (posts.isEmpty()) {
            requireOpen();
            return Set.of();
        }
        return read("read the appreciations", c -> {
            PreparedStatement query = c.prepare("SELECT 1 FROM appreciations WHERE member_id = ? AND post_id = ?");
            query.setLong(1, member.value());
            Set<PostId> appreciated = new HashSet<>();
            for (PostId id : posts) {
                query.setLong(2, id.value());
                if (first(query, row -> true).isPresent()) {
                    appreciated.add(id);
                }
            }
            return Set.copyOf(appreciated);
        });
    }

    // access tokens

    @Override
    public AccessToken insertToken(MemberId member, String label, byte[] secretHash, Instant at) {
        String hash = HexFormat.of().formatHex(secretHash);
        return write("save the access token", tx -> {
            if (tx.queryLong("SELECT 1 FROM members WHERE id = ?", member.value()) == 0) {
                throw new NoSuchMemberException(member.toString());
            }
            AccessToken token = new AccessToken(tx.nextId("access_tokens"), member, label, at,
                    Optional.empty());
            PreparedStatement insert = tx.prepare("INSERT INTO access_tokens (id, member_id, label, secret_hash, "
                    + "created_at) VALUES (?, ?, ?, ?, ?)");
            insert.setLong(1, token.id());
            insert.setLong(2, member.value());
            insert.setString(3, label);
            insert.setString(4, hash);
            insert.setLong(5, Rows.nanos(at));
            insert.executeUpdate();
            return token;
        });
    }

    @Override
    public Optional<AccessToken> findTokenByHash(byte[] secretHash) {
        String hash = HexFormat.of().formatHex(secretHash);
        return read("read the access token", c -> {
            PreparedStatement query = c.prepare("SELECT " + Rows.TOKEN_COLUMNS + " FROM access_tokens WHERE secret_hash = ?");
            query.setString(1, hash);
            return first(query, Rows::token);
        });
    }

    @Override
    public List<AccessToken> tokens(MemberId member) {
        return read("read the access tokens", c -> {
            PreparedStatement query = c.prepare("SELECT " + Rows.TOKEN_COLUMNS
                    + " FROM access_tokens WHERE member_id = ? ORDER BY id DESC");
            query.setLong(1, member.value());
            return all(query, Rows::token);
        });
    }

    @Override
    public boolean revokeToken(MemberId member, long tokenId, Instant at) {
        return write("revoke the access token", tx -> {
            PreparedStatement update = tx.prepare("UPDATE access_tokens SET revoked_at = ? "
                    + "WHERE id = ? AND member_id = ? AND revoked_at IS NULL");
            update.setLong(1, Rows.nanos(at));
            update.setLong(2, tokenId);
            update.setLong(3, member.value());
            return update.executeUpdate() == 1;
        });
    }

    // members' blogs: kept by SqliteBlogFeeds

    @Override
    public Optional<BlogFeedState> findBlogFeed(MemberId member) {
        requireOpen();
        return blogFeeds.findBlogFeed(member);
    }

    @Override
    public List<BlogFeedState> blogFeeds() {
        requireOpen();
        return blogFeeds.blogFeeds();
    }

    @Override
    public List<BlogFeedState> dueBlogFeeds(Instant now, int limit) {
        requireOpen();
        return blogFeeds.dueBlogFeeds(now, limit);
    }

    @Override
    public void putBlogFeed(BlogFeedState feed) {
        requireOpen();
        blogFeeds.putBlogFeed(feed);
    }

    @Override
    public boolean updateBlogFeed(BlogFeedState feed) {
        requireOpen();
        return blogFeeds.updateBlogFeed(feed);
    }

    @Override
    public void removeBlogFeed(MemberId member) {
        requireOpen();
        blogFeeds.removeBlogFeed(member);
    }

    @Override
    public List<ImportedEntry> importedEntries(MemberId member) {
        requireOpen();
        return blogFeeds.importedEntries(member);
    }

    @Override
    public ImportedEntry saveImportedEntry(ImportedEntry entry) {
        requireOpen();
        return blogFeeds.saveImportedEntry(entry);
    }

    // link previews

    @Override
    public Optional<PreviewMark> previewMark(PostId post) {
        return read("read the preview", c -> SqlitePreviews.mark(c, post));
    }

    @Override
    public Optional<Post> attachPreview(PostId post, URI link, LinkPreview preview, Optional<PreviewImage> image,
            Instant at) {
        return write("save the preview", tx -> SqlitePreviews.attach(tx, post, link, preview, image, at));
    }

    @Override
    public Optional<Post> removePreview(PostId post, URI link, Instant at) {
        return write("remove the preview", tx -> SqlitePreviews.remove(tx, post, link, at));
    }

    @Override
    public Optional<Post> forgetPreview(PostId post, Instant at) {
        return write("forget the preview", tx -> SqlitePreviews.forget(tx, post, at));
    }

    @Override
    public Optional<PreviewImage> previewImage(String key) {
        return read("read the preview image", c -> SqlitePreviews.image(c, key));
    }

    @Override
    public int prunePreviewImages() {
        return write("delete unused preview images", SqlitePreviews::prune);
    }

    // data rights: appreciations given, erasure, erased handles (the SQL is in DataRightsSql)

    @Override
    public List<GivenAppreciation> appreciationsGiven(MemberId member) {
        return read("read the appreciations given", c -> DataRightsSql.appreciationsGiven(c, member));
    }

    @Override
    public Erasure eraseMember(MemberId member, Instant at) {
        return write("erase the member", tx -> DataRightsSql.erase(tx, member, at));
    }

    @Override
    public Optional<Instant> handleErasedAt(String handle) {
        return read("read the erased handle", c -> DataRightsSql.handleErasedAt(c, handle));
    }

    // membership: accounts, invitations, join requests, the directory's newest posts (members helper)

    private final SqliteMembership membership = new SqliteMembership(this);

    /** Runs a write task for {@link SqliteMembership}. */
    <T> T writeTask(String what, Writer.Task<T> task) {
        return write(what, task);
    }

    /** Runs a read for {@link SqliteMembership}. */
    <T> T readTask(String what, ReadPool.Read<T> task) {
        return read(what, task);
    }

    @Override
    public Optional<Member> findMemberByAccount(String account) {
        return membership.findMemberByAccount(account);
    }

    @Override
    public Invitation insertInvitation(Invitation invitation) {
        return membership.insertInvitation(invitation);
    }

    @Override
    public List<Invitation> invitations() {
        return membership.invitations();
    }

    @Override
    public Optional<Invitation> findInvitation(long id) {
        return membership.findInvitation(id);
    }

    @Override
    public Optional<Invitation> findInvitationByCode(String code) {
        return membership.findInvitationByCode(code);
    }

    @Override
    public Optional<Invitation> revokeInvitation(long id, Instant at) {
        return membership.revokeInvitation(id, at);
    }

    @Override
    public Member acceptInvitation(String code, NewMember member, Instant at) {
        return membership.acceptInvitation(code, member, at);
    }

    @Override
    public JoinRequest insertJoinRequest(NewJoinRequest request, Instant at) {
        return membership.insertJoinRequest(request, at);
    }

    @Override
    public List<JoinRequest> joinRequests(Optional<JoinRequestStatus> status) {
        return membership.joinRequests(status);
    }

    @Override
    public Optional<JoinRequest> findJoinRequest(long id) {
        return membership.findJoinRequest(id);
    }

    @Override
    public Optional<JoinRequest> latestJoinRequest(String account) {
        return membership.latestJoinRequest(account);
    }

    @Override
    public Approval approveJoinRequest(long id, MemberId by, Instant at) {
        return membership.approveJoinRequest(id, by, at);
    }

    @Override
    public JoinRequest declineJoinRequest(long id, MemberId by, Optional<String> reason, Instant at) {
        return membership.declineJoinRequest(id, by, reason, at);
    }

    @Override
    public Map<MemberId, Post> latestPublicPosts() {
        return membership.latestPublicPosts();
    }

    // the change log

    @Override
    public List<Change> changesSince(long afterSeq, int limit) {
        if (limit < 1) {
            requireOpen();
            return List.of();
        }
        return read("read the change log", c -> {
            PreparedStatement query = c.prepare("SELECT " + Rows.CHANGE_COLUMNS
                    + " FROM changes WHERE seq > ? ORDER BY seq LIMIT ?");
            query.setLong(1, afterSeq);
            query.setInt(2, limit);
            return all(query, Rows::change);
        });
    }

    @Override
    public long lastSeq() {
        return read("read the change log", c -> {
            try (ResultSet row = c.prepare("SELECT COALESCE(MAX(seq), 0) FROM changes").executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** {@inheritDoc} Callbacks run on the writer thread after each commit, before its writers are acknowledged. */
    @Override
    public void onChanges(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        requireOpen();
        callbacks.add(callback);
    }

    private void fireCallbacks() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warn("[chorus] a change callback failed; the changes are committed and later callbacks still run", e);
            }
        }
    }

    /** Commits what is queued, stops the writer thread and closes every connection. Calling it again does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            writer.close();
        } finally {
            reads.close();
            callbacks.clear();
        }
    }

    // moderation (issue 7): the audit log, hidings and reports, kept by SqliteModeration

    private final SqliteModeration moderation = new SqliteModeration(this);

    @Override
    public AuditEntry appendAudit(AuditDraft draft) {
        return moderation.appendAudit(draft);
    }

    @Override
    public List<AuditEntry> auditEntries(Optional<Long> before, int limit) {
        return moderation.auditEntries(before, limit);
    }

    @Override
    public Optional<Post> hidePost(PostId id, Hiding hiding, AuditDraft audit) {
        return moderation.hidePost(id, hiding, audit);
    }

    @Override
    public Optional<Post> unhidePost(PostId id, AuditDraft audit) {
        return moderation.unhidePost(id, audit);
    }

    @Override
    public List<Post> hiddenPosts(Optional<PostId> before, int limit) {
        return moderation.hiddenPosts(before, limit);
    }

    @Override
    public Report insertReport(PostId post, MemberId reporter, String reason, Instant at) {
        return moderation.insertReport(post, reporter, reason, at);
    }

    @Override
    public Optional<Report> findReport(long id) {
        return moderation.findReport(id);
    }

    @Override
    public List<Report> reports(boolean openOnly) {
        return moderation.reports(openOnly);
    }

    @Override
    public List<Report> reportsBy(MemberId reporter) {
        return moderation.reportsBy(reporter);
    }

    @Override
    public Optional<Report> dismissReport(long id, MemberId admin, Optional<String> reason, AuditDraft audit) {
        return moderation.dismissReport(id, admin, reason, audit);
    }

    @Override
    public int deleteReportsBy(MemberId reporter) {
        return moderation.deleteReportsBy(reporter);
    }

    // plumbing

    private void requireOpen() {
        if (closed) {
            throw closedException();
        }
    }

    <T> T write(String what, Writer.Task<T> task) {
        requireOpen();
        return writer.write(what, task);
    }

    <T> T read(String what, ReadPool.Read<T> read) {
        requireOpen();
        return reads.read(what, read);
    }

    /** Reads one value from a row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    static <T> Optional<T> first(PreparedStatement query, RowReader<T> reader) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
        }
    }

    static <T> List<T> all(PreparedStatement query, RowReader<T> reader) throws SQLException {
        List<T> result = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                result.add(reader.read(rows));
            }
        }
        return List.copyOf(result);
    }
}
