package org.chorusfeed.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.chorusfeed.store.sqlite.SqliteStore;
import org.sqlite.JDBC;

/**
 * The baseline: plain sqlite-jdbc on the store's file, with the pragmas the store sets on its own connections,
 * reading rows into plain records. What Chorus does beyond this is what the benchmarks price.
 */
final class RawSql {
    /** Every column of {@code posts}, for a table aliased {@code p}. */
    static final String POST_COLUMNS = "p.id, p.author_id, p.text, p.spans, p.in_reply_to, p.source_kind, "
            + "p.source_url, p.source_title, p.edited_at, p.appreciations";

    private RawSql() {
    }

    /** The database file in a Chorus data directory. */
    static Path file(Path dataDirectory) {
        return dataDirectory.resolve(SqliteStore.FILE_NAME);
    }

    /** A connection to the store's file with the store's pragmas ({@link SqliteStore#pragmas()}). */
    static Connection open(Path dataDirectory) throws SQLException {
        Connection connection = JDBC.createConnection("jdbc:sqlite:" + file(dataDirectory).toAbsolutePath(),
                new Properties());
        try (Statement statement = connection.createStatement()) {
            for (String pragma : SqliteStore.pragmas()) {
                statement.execute(pragma);
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Runs a query of {@link #POST_COLUMNS} and reads every column of every row. */
    static List<RawPost> posts(PreparedStatement query) throws SQLException {
        List<RawPost> posts = new ArrayList<>(20);
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                posts.add(RawPost.read(rows));
            }
        }
        return posts;
    }

    /** A number a query returns in its one row. */
    static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * A row of {@code posts}, every column read as JDBC hands it over.
     *
     * @param inReplyTo the parent post's id, or null
     * @param editedAt  nanoseconds since the epoch, or null
     */
    record RawPost(long id, long authorId, String text, String spans, Long inReplyTo, String sourceKind,
            String sourceUrl, String sourceTitle, Long editedAt, int appreciations) {

        static RawPost read(ResultSet row) throws SQLException {
            long parent = row.getLong(5);
            Long inReplyTo = row.wasNull() ? null : parent;
            String sourceKind = row.getString(6);
            String sourceUrl = row.getString(7);
            String sourceTitle = row.getString(8);
            long edited = row.getLong(9);
            Long editedAt = row.wasNull() ? null : edited;
            return new RawPost(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), inReplyTo,
                    sourceKind, sourceUrl, sourceTitle, editedAt, row.getInt(10));
        }
    }
}
