package org.chorusfeed.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database to the newest schema by applying the versioned SQL migrations in
 * {@code org/chorusfeed/store/migrations} (listed in its {@code index.txt}), each in its own transaction and
 * recorded in {@code schema_migrations}. The SQL is shared with other stores; the only SQLite reading is that
 * {@code BIGINT PRIMARY KEY} becomes {@code INTEGER PRIMARY KEY}, which makes the id the table's rowid.
 */
final class Migrations {
    static final String DIRECTORY = "/org/chorusfeed/store/migrations/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");
    private static final Pattern ROWID_KEY = Pattern.compile("\\bBIGINT(\\s+)PRIMARY KEY\\b");

    /** One migration: its schema version and its statements. */
    record Migration(int version, String name, List<String> statements) {
    }

    private Migrations() {
    }

    /** Every migration, lowest version first, from the class path. */
    static List<Migration> all() {
        List<Migration> migrations = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher matcher = NAME.matcher(name);
            // versions rise but may skip numbers: areas developed side by side hold their numbers apart
            int previous = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) <= previous) {
                throw new IllegalStateException("schema migration '" + name + "' is misnamed or out of order; expected V"
                        + "<n>__<what>.sql with n greater than " + previous);
            }
            migrations.add(new Migration(Integer.parseInt(matcher.group(1)), name, statements(resource(name))));
        }
        return List.copyOf(migrations);
    }

    /** The newest schema version this code knows. */
    static int latestVersion() {
        List<Migration> migrations = all();
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /**
     * Applies every migration the database lacks.
     *
     * @throws IllegalStateException if the database has a newer schema than this code knows
     */
    static void apply(SqlConnection connection, Clock clock, Path file) throws SQLException {
        List<Migration> migrations = all();
        int latest = latestVersion();
        connection.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                + "applied_at BIGINT NOT NULL)");
        for (Migration migration : migrations) {
            connection.execute("BEGIN IMMEDIATE");
            try {
                int current = currentVersion(connection);
                requireKnown(current, latest, file);
                if (!applied(connection, migration.version())) {
                    for (String statement : migration.statements()) {
                        connection.execute(ROWID_KEY.matcher(statement).replaceAll("INTEGER$1PRIMARY KEY"));
                    }
                    PreparedStatement record = connection.prepare(
                            "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)");
                    record.setInt(1, migration.version());
                    record.setLong(2, Rows.nanos(clock.instant()));
                    record.executeUpdate();
                }
                connection.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                connection.execute("ROLLBACK");
                throw e;
            }
        }
        requireKnown(currentVersion(connection), latest, file);
    }

    /** Whether this migration was applied: a skipped number merged in later is applied after higher ones. */
    private static boolean applied(SqlConnection connection, int version) throws SQLException {
        PreparedStatement query = connection.prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
        query.setInt(1, version);
        try (ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }

    /** The database's schema version: the highest applied migration, 0 for a new database. */
    static int currentVersion(SqlConnection connection) throws SQLException {
        try (ResultSet rows = connection.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
                .executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void requireKnown(int current, int latest, Path file) {
        if (current > latest) {
            throw new IllegalStateException("the database " + file + " has schema version " + current
                    + ", newer than this version of Chorus knows (up to " + latest
                    + "); open it with the newer Chorus that wrote it");
        }
    }

    /** Splits a script at semicolons that end a line, leaving out comment lines. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            String code = (comment >= 0 ? line.substring(0, comment) : line).stripTrailing();
            if (code.isBlank()) {
                continue;
            }
            current.append(code).append('\n');
            if (code.endsWith(";")) {
                statements.add(current.substring(0, current.lastIndexOf(";")).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("a schema migration ends without a semicolon: " + current.toString().strip());
        }
        return List.copyOf(statements);
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("schema migration " + DIRECTORY + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read schema migration " + name, e);
        }
    }
}
