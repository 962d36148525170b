package org.chorusfeed.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sqlite.JDBC;

/**
 * One JDBC connection to the database file with its prepared statements, kept for reuse. Used by one
 * thread at a time: the writer thread, or a reader holding it from the {@link ReadPool}.
 */
final class SqlConnection implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private SqlConnection(Connection connection) {
        this.connection = connection;
    }

    /** Opens a connection with the store's pragmas; a read-only one also refuses writes. */
    static SqlConnection open(Path file, boolean readOnly) throws SQLException {
        Connection connection = JDBC.createConnection("jdbc:sqlite:" + file.toAbsolutePath(), new Properties());
        try (Statement statement = connection.createStatement()) {
            for (String pragma : pragmas()) {
                statement.execute(pragma);
            }
            if (readOnly) {
                statement.execute("PRAGMA query_only=ON");
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return new SqlConnection(connection);
    }

    /**
     * The pragmas of every connection: write-ahead log (readers never wait for the writer), a commit durable on
     * power loss once it returns, foreign keys enforced, and up to five seconds' wait for a lock.
     */
    static List<String> pragmas() {
        return List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                "PRAGMA busy_timeout=5000");
    }

    /** The prepared statement for this SQL, prepared on first use. Close its result sets, never the statement. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Runs SQL that is not worth keeping prepared, such as schema changes. */
    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            closeQuietly(statement);
        }
        statements.clear();
        closeQuietly(connection);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing: nothing is left to save, and the first failure was already reported
        }
    }
}
