package org.chorusfeed.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.HandleTakenException;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.Erasure;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.GivenAppreciation;
import org.chorusfeed.post.PostId;
import org.chorusfeed.store.DataRightsStore;

/** The SQL of members' data rights: appreciations given, erasure and erased handles. */
final class DataRightsSql {
    /**
     * The rows that hang off the member's posts, removed before the posts themselves (previews go with the posts,
     * blog feed state and imported entries with the member, by their foreign keys' cascades).
     */
    private static final List<String> POST_DEPENDENTS = List.of(
            "DELETE FROM post_tags WHERE post_id IN (SELECT id FROM posts WHERE author_id = ?)",
            "DELETE FROM post_versions WHERE post_id IN (SELECT id FROM posts WHERE author_id = ?)",
            "DELETE FROM appreciations WHERE post_id IN (SELECT id FROM posts WHERE author_id = ?)",
            "DELETE FROM post_hidings WHERE post_id IN (SELECT id FROM posts WHERE author_id = ?)",
            "DELETE FROM reports WHERE post_id IN (SELECT id FROM posts WHERE author_id = ?)",
            "DELETE FROM reports WHERE reporter_id = ?",
            "DELETE FROM join_requests WHERE account = (SELECT account FROM members WHERE id = ?)");

    private DataRightsSql() {
    }

    static List<GivenAppreciation> appreciationsGiven(SqlConnection c, MemberId member) throws SQLException {
        PreparedStatement query = c.prepare("SELECT post_id, appreciated_at FROM appreciations WHERE member_id = ? "
                + "ORDER BY appreciated_at DESC, post_id DESC");
        query.setLong(1, member.value());
        List<GivenAppreciation> given = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                given.add(new GivenAppreciation(new PostId(rows.getLong(1)), Rows.instant(rows.getLong(2))));
            }
        }
        return List.copyOf(given);
    }

    static Optional<Instant> handleErasedAt(SqlConnection c, String handle) throws SQLException {
        PreparedStatement query = c.prepare("SELECT erased_at FROM erased_handles WHERE handle = ?");
        query.setString(1, handle);
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(Rows.instant(row.getLong(1))) : Optional.empty();
        }
    }

    /** Throws {@link HandleTakenException} while the handle's member was erased too recently for {@code at}. */
    static void refuseErasedHandle(Transaction tx, String handle, Instant at) throws SQLException {
        PreparedStatement query = tx.prepare("SELECT erased_at FROM erased_handles WHERE handle = ?");
        query.setString(1, handle);
        try (ResultSet row = query.executeQuery()) {
            if (row.next()) {
                Instant erasedAt = Rows.instant(row.getLong(1));
                if (at.isBefore(Erasure.freeFrom(erasedAt))) {
                    throw HandleTakenException.erasedRecently(handle, erasedAt, Erasure.freeFrom(erasedAt));
                }
            }
        }
    }

    /**
     * Erases the member with SQLite's {@code secure_delete} on, so their rows are overwritten with zeros where
     * they lie: their text leaves the database file once the write-ahead log is checkpointed, not just the
     * queries. (Copies that page splits left earlier in a page's free space are not reached; VACUUM clears those.)
     */
    static Erasure erase(Transaction tx, MemberId member, Instant at) throws SQLException {
        tx.prepare("PRAGMA secure_delete = ON").execute();
        try {
            return eraseRows(tx, member, at);
        } finally {
            tx.prepare("PRAGMA secure_delete = OFF").execute();
        }
    }

    private static Erasure eraseRows(Transaction tx, MemberId member, Instant at) throws SQLException {
        PreparedStatement byId = tx.prepare("SELECT handle FROM members WHERE id = ?");
        byId.setLong(1, member.value());
        String handle;
        try (ResultSet row = byId.executeQuery()) {
            if (!row.next()) {
                throw new NoSuchMemberException(member.toString());
            }
            handle = row.getString(1);
        }
        List<long[]> posts = pairs(tx, "SELECT id, author_id FROM posts WHERE author_id = ? ORDER BY id", member);
        for (String sql : POST_DEPENDENTS) {
            update(tx, sql, member);
        }
        update(tx, "DELETE FROM posts WHERE author_id = ?", member);
        for (long[] post : posts) {
            tx.appendChange(at, ChangeKind.POST_DELETED, Optional.of(new PostId(post[0])), Optional.of(member),
                    Optional.empty());
        }
        List<long[]> given = pairs(tx, "SELECT p.id, p.author_id FROM appreciations a JOIN posts p ON p.id = a.post_id "
                + "WHERE a.member_id = ? ORDER BY p.id", member);
        update(tx, "UPDATE posts SET appreciations = appreciations - 1 WHERE id IN "
                + "(SELECT post_id FROM appreciations WHERE member_id = ?)", member);
        update(tx, "DELETE FROM appreciations WHERE member_id = ?", member);
        for (long[] post : given) {
            tx.appendChange(at, ChangeKind.POST_APPRECIATED, Optional.of(new PostId(post[0])),
                    Optional.of(new MemberId(post[1])), Optional.empty());
        }
        int tokens = update(tx, "DELETE FROM access_tokens WHERE member_id = ?", member);
        update(tx, "DELETE FROM members WHERE id = ?", member);
        PreparedStatement remember = tx.prepare("INSERT INTO erased_handles (handle, erased_at) VALUES (?, ?) "
                + "ON CONFLICT (handle) DO UPDATE SET erased_at = excluded.erased_at");
        remember.setString(1, handle);
        remember.setLong(2, Rows.nanos(at));
        remember.executeUpdate();
        tx.appendChange(at, ChangeKind.MEMBER_ERASED, Optional.empty(), Optional.of(member), Optional.empty());
        SqliteModeration.append(tx, DataRightsStore.erasedAudit(handle, at));
        return new Erasure(member, handle, at, posts.size(), given.size(), tokens);
    }

    private static int update(Transaction tx, String sql, MemberId member) throws SQLException {
        PreparedStatement statement = tx.prepare(sql);
        statement.setLong(1, member.value());
        return statement.executeUpdate();
    }

    private static List<long[]> pairs(Transaction tx, String sql, MemberId member) throws SQLException {
        PreparedStatement query = tx.prepare(sql);
        query.setLong(1, member.value());
        List<long[]> pairs = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                pairs.add(new long[] {rows.getLong(1), rows.getLong(2)});
            }
        }
        return pairs;
    }
}
