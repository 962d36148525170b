package org.chorusfeed.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.NoSuchPostException;
import org.chorusfeed.NotPermittedException;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.internal.StorePosts;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.moderation.AlreadyReportedException;
import org.chorusfeed.moderation.AuditEntry;
import org.chorusfeed.moderation.Report;
import org.chorusfeed.moderation.ReportStatus;
import org.chorusfeed.post.Hiding;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.store.AuditDraft;
import org.chorusfeed.store.PostDraft;

/**
 * The moderation tables of a {@link SqliteStore}: {@code audit_log} (appended, never updated or deleted),
 * {@code post_hidings} and {@code reports}. Writes go through the store's one writer, reads through its pool.
 */
final class SqliteModeration {
    private static final String AUDIT_COLUMNS = "id, at, actor_id, action, target, reason";
    private static final String REPORT_COLUMNS =
            "id, post_id, reporter_id, reason, status, created_at, decided_at, decided_by, decision";
    private static final String HIDING_COLUMNS = "h.reason, h.hidden_at, h.hidden_by";
    private static final int POST_COLUMN_COUNT = Rows.POST_COLUMNS.split(",").length;
    /** One post by id with its hiding, if any, as {@link #post} reads it. */
    static final String POST_BY_ID = "SELECT " + Rows.POST_COLUMNS + ", " + HIDING_COLUMNS
            + " FROM posts p" + Rows.PREVIEW_JOIN + " LEFT JOIN post_hidings h ON h.post_id = p.id WHERE p.id = ?";
    /** Posts by id with their hidings, for {@code IN (...)} and the like: append the condition on {@code p}. */
    static final String POSTS_WITH_HIDINGS = "SELECT " + Rows.POST_COLUMNS + ", " + HIDING_COLUMNS
            + " FROM posts p" + Rows.PREVIEW_JOIN + " LEFT JOIN post_hidings h ON h.post_id = p.id";
    /** The condition that leaves hidden posts out of a selection of posts aliased {@code p}. */
    static final String NOT_HIDDEN = "NOT EXISTS (SELECT 1 FROM post_hidings h WHERE h.post_id = p.id)";

    private final SqliteStore store;

    SqliteModeration(SqliteStore store) {
        this.store = store;
    }

    // the audit log

    AuditEntry appendAudit(AuditDraft draft) {
        return store.write("record the admin act", tx -> append(tx, draft));
    }

    /** Appends inside a transaction, so an act and its entry commit together. */
    static AuditEntry append(Transaction tx, AuditDraft draft) throws SQLException {
        AuditEntry entry = new AuditEntry(tx.nextId("audit_log"), draft.at(), draft.actor(), draft.action(),
                draft.target(), draft.reason());
        PreparedStatement insert = tx.prepare("INSERT INTO audit_log (" + AUDIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)");
        insert.setLong(1, entry.id());
        insert.setLong(2, Rows.nanos(entry.at()));
        Rows.setNullableLong(insert, 3, entry.actor().map(MemberId::value));
        insert.setString(4, entry.action());
        insert.setString(5, entry.target());
        Rows.setNullableString(insert, 6, entry.reason());
        insert.executeUpdate();
        return entry;
    }

    List<AuditEntry> auditEntries(Optional<Long> before, int limit) {
        return store.read("read the audit log", c -> {
            PreparedStatement query = c.prepare("SELECT " + AUDIT_COLUMNS + " FROM audit_log WHERE id < ? "
                    + "ORDER BY id DESC LIMIT ?");
            query.setLong(1, before.orElse(Long.MAX_VALUE));
            query.setInt(2, limit);
            return SqliteStore.all(query, SqliteModeration::auditEntry);
        });
    }

    private static AuditEntry auditEntry(ResultSet row) throws SQLException {
        long actor = row.getLong(3);
        Optional<MemberId> actorId = row.wasNull() ? Optional.empty() : Optional.of(new MemberId(actor));
        return new AuditEntry(row.getLong(1), Rows.instant(row.getLong(2)), actorId, row.getString(4),
                row.getString(5), Optional.ofNullable(row.getString(6)));
    }

    // hidings

    /** A post from {@link Rows#POST_COLUMNS} followed by {@link #HIDING_COLUMNS} (null when it is not hidden). */
    static Post post(ResultSet row) throws SQLException {
        Post post = Rows.post(row);
        int first = POST_COLUMN_COUNT + 1;
        String reason = row.getString(first);
        if (reason == null) {
            return post;
        }
        return post.withHidden(Optional.of(new Hiding(reason, Rows.instant(row.getLong(first + 1)),
                new MemberId(row.getLong(first + 2)))));
    }

    Optional<Post> hidePost(PostId id, Hiding hiding, AuditDraft audit) {
        return store.write("hide the post", tx -> {
            Optional<Post> found = SqliteStore.findPost(tx, id);
            if (found.isEmpty() || found.get().hidden().isPresent()) {
                return found;
            }
            PreparedStatement insert = tx.prepare("INSERT INTO post_hidings (post_id, reason, hidden_at, hidden_by) "
                    + "VALUES (?, ?, ?, ?)");
            insert.setLong(1, id.value());
            insert.setString(2, hiding.reason());
            insert.setLong(3, Rows.nanos(hiding.at()));
            insert.setLong(4, hiding.by().value());
            insert.executeUpdate();
            PreparedStatement resolve = tx.prepare("UPDATE reports SET status = ?, decided_at = ?, decided_by = ?, "
                    + "decision = ? WHERE post_id = ? AND status = ?");
            bindDecision(resolve, ReportStatus.RESOLVED, hiding.at(), hiding.by(), Optional.of(hiding.reason()));
            resolve.setLong(5, id.value());
            resolve.setString(6, ReportStatus.OPEN.name());
            resolve.executeUpdate();
            tx.appendChange(hiding.at(), ChangeKind.POST_HIDDEN, Optional.of(id), Optional.of(found.get().author()),
                    Optional.empty());
            append(tx, audit);
            return Optional.of(found.get().withHidden(Optional.of(hiding)));
        });
    }

    Optional<Post> unhidePost(PostId id, AuditDraft audit) {
        return store.write("show the post again", tx -> {
            Optional<Post> found = SqliteStore.findPost(tx, id);
            if (found.isEmpty() || found.get().hidden().isEmpty()) {
                return found;
            }
            PreparedStatement delete = tx.prepare("DELETE FROM post_hidings WHERE post_id = ?");
            delete.setLong(1, id.value());
            delete.executeUpdate();
            tx.appendChange(audit.at(), ChangeKind.POST_UNHIDDEN, Optional.of(id), Optional.of(found.get().author()),
                    Optional.empty());
            append(tx, audit);
            return Optional.of(found.get().withHidden(Optional.empty()));
        });
    }

    List<Post> hiddenPosts(Optional<PostId> before, int limit) {
        return store.read("read the hidden posts", c -> {
            PreparedStatement query = c.prepare("SELECT " + Rows.POST_COLUMNS + ", " + HIDING_COLUMNS
                    + " FROM post_hidings h JOIN posts p ON p.id = h.post_id" + Rows.PREVIEW_JOIN + " WHERE h.post_id < ? "
                    + "ORDER BY h.post_id DESC LIMIT ?");
            query.setLong(1, before.map(PostId::value).orElse(Long.MAX_VALUE));
            query.setInt(2, limit);
            return SqliteStore.all(query, SqliteModeration::post);
        });
    }

    // reports

    Report insertReport(PostId post, MemberId reporter, String reason, Instant at) {
        return store.write("save the report", tx -> {
            if (tx.queryLong("SELECT 1 FROM posts WHERE id = ?", post.value()) == 0) {
                throw new NoSuchPostException(post);
            }
            if (tx.queryLong("SELECT 1 FROM members WHERE id = ?", reporter.value()) == 0) {
                throw new NoSuchMemberException(reporter.toString());
            }
            long open = tx.queryLong("SELECT id FROM reports WHERE post_id = ? AND status = 'OPEN' AND reporter_id = ?",
                    post.value(), reporter.value());
            if (open != 0) {
                throw new AlreadyReportedException(post, open);
            }
            Report report = new Report(tx.nextId("reports"), post, reporter, reason, ReportStatus.OPEN, at,
                    Optional.empty(), Optional.empty(), Optional.empty());
            PreparedStatement insert = tx.prepare("INSERT INTO reports (id, post_id, reporter_id, reason, status, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?)");
            insert.setLong(1, report.id());
            insert.setLong(2, post.value());
            insert.setLong(3, reporter.value());
            insert.setString(4, reason);
            insert.setString(5, ReportStatus.OPEN.name());
            insert.setLong(6, Rows.nanos(at));
            insert.executeUpdate();
            return report;
        });
    }

    Optional<Report> findReport(long id) {
        return store.read("read the report", c -> findReport(c.prepare(REPORT_BY_ID), id));
    }

    private static final String REPORT_BY_ID = "SELECT " + REPORT_COLUMNS + " FROM reports WHERE id = ?";

    private static Optional<Report> findReport(PreparedStatement query, long id) throws SQLException {
        query.setLong(1, id);
        return SqliteStore.first(query, SqliteModeration::report);
    }

    List<Report> reports(boolean openOnly) {
        return store.read("read the reports", c -> SqliteStore.all(c.prepare("SELECT " + REPORT_COLUMNS
                + " FROM reports" + (openOnly ? " WHERE status = 'OPEN'" : "") + " ORDER BY id DESC"),
                SqliteModeration::report));
    }

    List<Report> reportsBy(MemberId reporter) {
        return store.read("read the member's reports", c -> {
            PreparedStatement query = c.prepare("SELECT " + REPORT_COLUMNS
                    + " FROM reports WHERE reporter_id = ? ORDER BY id DESC");
            query.setLong(1, reporter.value());
            return SqliteStore.all(query, SqliteModeration::report);
        });
    }

    Optional<Report> dismissReport(long id, MemberId admin, Optional<String> reason, AuditDraft audit) {
        return store.write("dismiss the report", tx -> {
            Optional<Report> found = findReport(tx.prepare(REPORT_BY_ID), id);
            if (found.isEmpty() || !found.get().isOpen()) {
                return found;
            }
            PreparedStatement update = tx.prepare("UPDATE reports SET status = ?, decided_at = ?, decided_by = ?, "
                    + "decision = ? WHERE id = ?");
            bindDecision(update, ReportStatus.DISMISSED, audit.at(), admin, reason);
            update.setLong(5, id);
            update.executeUpdate();
            append(tx, audit);
            Report old = found.get();
            return Optional.of(new Report(id, old.post(), old.reporter(), old.reason(), ReportStatus.DISMISSED,
                    old.createdAt(), Optional.of(audit.at()), Optional.of(admin), reason));
        });
    }

    int deleteReportsBy(MemberId reporter) {
        return store.write("delete the member's reports", tx -> {
            PreparedStatement delete = tx.prepare("DELETE FROM reports WHERE reporter_id = ?");
            delete.setLong(1, reporter.value());
            return delete.executeUpdate();
        });
    }

    /** Refuses, inside the write, a post by an author who is suspended or not active (any more). */
    static void requireActiveAuthor(Transaction tx, PostDraft draft) throws SQLException {
        PreparedStatement query = tx.prepare("SELECT " + Rows.MEMBER_COLUMNS + " FROM members WHERE id = ?");
        query.setLong(1, draft.author().value());
        Optional<NotPermittedException> refusal = SqliteStore.first(query, Rows::member)
                .flatMap(author -> StorePosts.refusal(author, "publish"));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** Removes a post's hiding and reports, inside the transaction that deletes the post. */
    static void forgetPost(Transaction tx, PostId id) throws SQLException {
        for (String table : List.of("post_hidings", "reports")) {
            PreparedStatement delete = tx.prepare("DELETE FROM " + table + " WHERE post_id = ?");
            delete.setLong(1, id.value());
            delete.executeUpdate();
        }
    }

    private static void bindDecision(PreparedStatement statement, ReportStatus status, Instant at, MemberId admin,
            Optional<String> decision) throws SQLException {
        statement.setString(1, status.name());
        statement.setLong(2, Rows.nanos(at));
        statement.setLong(3, admin.value());
        Rows.setNullableString(statement, 4, decision);
    }

    private static Report report(ResultSet row) throws SQLException {
        long decidedAt = row.getLong(7);
        Optional<Instant> decided = row.wasNull() ? Optional.empty() : Optional.of(Rows.instant(decidedAt));
        long decidedBy = row.getLong(8);
        Optional<MemberId> admin = row.wasNull() ? Optional.empty() : Optional.of(new MemberId(decidedBy));
        return new Report(row.getLong(1), new PostId(row.getLong(2)), new MemberId(row.getLong(3)), row.getString(4),
                ReportStatus.valueOf(row.getString(5)), Rows.instant(row.getLong(6)), decided, admin,
                Optional.ofNullable(row.getString(9)));
    }
}
