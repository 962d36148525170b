package org.chorusfeed.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.moderation.AuditEntry;
import org.chorusfeed.store.AuditDraft;

/**
 * The moderation tables of a {@link SqliteStore}: {@code audit_log} (appended, never updated or deleted),
 * {@code post_hidings} and {@code reports}. Writes go through the store's one writer, reads through its pool.
 */
final class SqliteModeration {
    private static final String AUDIT_COLUMNS = "id, at, actor_id, action, target, reason";

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
}
