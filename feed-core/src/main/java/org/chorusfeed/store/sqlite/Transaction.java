package org.chorusfeed.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.PostId;
import org.chorusfeed.store.PostDraft;

/**
 * What a write task sees: the writer's connection inside the open write transaction, the change log and the
 * minting of new ids. Only the writer thread uses it.
 */
final class Transaction {
    /** The {@code id_sequences} row that keeps the highest post id ever minted, so a deleted post's id stays used. */
    private static final String POST_HIGH_WATER = "posts";
    private static final String BEGIN = "SELECT (SELECT COALESCE(MAX(id), 0) FROM posts), "
            + "(SELECT COALESCE(MAX(seq), 0) FROM changes), "
            + "(SELECT COALESCE(MAX(last_value), 0) FROM id_sequences WHERE name = '" + POST_HIGH_WATER + "')";

    private final SqlConnection connection;
    private long lastMintedPostId;
    private long lastSeq;
    private boolean appended;

    /** Where minting and the change log stand, to {@link #reset} to when a task is rolled back. */
    record Mark(long lastMintedPostId, long lastSeq) {
    }

    Transaction(SqlConnection connection) {
        this.connection = connection;
    }

    /** The writer connection's prepared statement for this SQL. */
    PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepare(sql);
    }

    /** Runs a query whose one row holds one number; 0 when it is NULL. */
    long queryLong(String sql, long... parameters) throws SQLException {
        PreparedStatement statement = prepare(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setLong(i + 1, parameters[i]);
        }
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /** Whether a query returns a row. */
    boolean exists(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }

    /** The next id of a sequence in {@code id_sequences}: never one handed out before. */
    long nextId(String sequence) throws SQLException {
        PreparedStatement advance = prepare("UPDATE id_sequences SET last_value = last_value + 1 WHERE name = ?");
        advance.setString(1, sequence);
        if (advance.executeUpdate() != 1) {
            throw new IllegalStateException("the id sequence '" + sequence + "' is missing from the database");
        }
        PreparedStatement read = prepare("SELECT last_value FROM id_sequences WHERE name = ?");
        read.setString(1, sequence);
        try (ResultSet row = read.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Appends to the change log with the next seq: the last one plus one, so seqs are gap-free in commit order.
     * The last seq is read once as the transaction begins and counted on from there.
     */
    void appendChange(Instant at, ChangeKind kind, Optional<PostId> post, Optional<MemberId> member,
            Optional<String> organisation) throws SQLException {
        long seq = lastSeq + 1;
        PreparedStatement insert = prepare("INSERT INTO changes (" + Rows.CHANGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)");
        insert.setLong(1, seq);
        insert.setLong(2, Rows.nanos(at));
        insert.setString(3, kind.name());
        Rows.setNullableLong(insert, 4, post.map(PostId::value));
        Rows.setNullableLong(insert, 5, member.map(MemberId::value));
        Rows.setNullableString(insert, 6, organisation);
        insert.executeUpdate();
        lastSeq = seq;
        appended = true;
    }

    /**
     * A new post id. A native post's id is greater than every id minted before, and at least the first id of its
     * millisecond; a backdated post gets the first free id of its millisecond.
     */
    PostId mintPostId(PostDraft draft) throws SQLException {
        long floor = PostId.firstAt(draft.time()).value();
        if (!draft.backdated()) {
            lastMintedPostId = Math.max(lastMintedPostId + 1, floor);
            keepHighWater(lastMintedPostId);
            return new PostId(lastMintedPostId);
        }
        long id = floor;
        PreparedStatement taken = prepare("SELECT id FROM posts WHERE id >= ? AND id <= ? ORDER BY id");
        taken.setLong(1, floor);
        taken.setLong(2, floor + PostId.MAX_COUNTER);
        try (ResultSet rows = taken.executeQuery()) {
            while (rows.next() && rows.getLong(1) == id) {
                id++;
            }
        }
        if (id - floor > PostId.MAX_COUNTER) {
            throw new IllegalStateException("no free post id left in the millisecond of " + draft.time());
        }
        if (id > lastMintedPostId) {
            lastMintedPostId = id;
            keepHighWater(id);
        }
        return new PostId(id);
    }

    /**
     * Records the highest post id minted in the database, in this transaction: without it, deleting the newest
     * post and restarting with a clock set back could mint that id again (the posts table no longer holds it).
     */
    private void keepHighWater(long id) throws SQLException {
        PreparedStatement keep = prepare("INSERT INTO id_sequences (name, last_value) VALUES ('" + POST_HIGH_WATER
                + "', ?) ON CONFLICT (name) DO UPDATE SET last_value = excluded.last_value "
                + "WHERE excluded.last_value > id_sequences.last_value");
        keep.setLong(1, id);
        keep.executeUpdate();
    }

    /**
     * Called as a write transaction begins: catches up with post ids and seqs in the file, whoever wrote them,
     * and with the highest post id ever minted (also of posts deleted since).
     */
    void begin() throws SQLException {
        try (ResultSet row = prepare(BEGIN).executeQuery()) {
            row.next();
            lastMintedPostId = Math.max(lastMintedPostId, Math.max(row.getLong(1), row.getLong(3)));
            lastSeq = row.getLong(2);
        }
    }

    /** Where minting and the change log stand now. */
    Mark mark() {
        return new Mark(lastMintedPostId, lastSeq);
    }

    void reset(Mark mark) {
        lastMintedPostId = mark.lastMintedPostId();
        lastSeq = mark.lastSeq();
    }

    /** Whether changes were appended since the last call. */
    boolean takeAppended() {
        boolean result = appended;
        appended = false;
        return result;
    }
}
