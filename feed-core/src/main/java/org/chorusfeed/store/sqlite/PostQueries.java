package org.chorusfeed.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.chorusfeed.store.PostRange;
import org.chorusfeed.store.PostSelection;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of each shape of {@link PostSelection}: keyset ranges by post id, never an offset. A tag selection walks
 * the {@code (tag, post_id)} key of {@code post_tags} in order and joins each hit to its post; every other shape
 * walks the posts by id (or by {@code (author_id, id)} or {@code (source_kind, id)}) and filters on the way, so a
 * page is full whenever enough matching posts exist. Hidden posts are left out by a primary-key probe of
 * {@code post_hidings} per row, which keeps the walk in order. The 96 shapes are built once, so statements stay prepared.
 *
 * <p>A shape with a cursor also comes as a <em>range</em> ({@link #rangeSql}): the same rows with one more column,
 * an {@code EXISTS} probe for a matching post on the cursor's other side ({@link org.chorusfeed.store.PostRange}).
 * The probe does not depend on the row, so SQLite runs it once per statement; a page thus needs one statement, not
 * two. With no rows there is no column to read it from, and {@link #probeSql} asks alone. Each shape also comes
 * reading post ids only, for callers that keep the posts they need.
 */
final class PostQueries {
    private static final int SHAPES = 3 * 32;
    private static final String[] SQL = new String[SHAPES];
    private static final String[] RANGE_SQL = new String[SHAPES];
    private static final String[] PROBE_SQL = new String[SHAPES];
    private static final String[] ID_SQL = new String[SHAPES];
    private static final String[] ID_RANGE_SQL = new String[SHAPES];

    static {
        for (int shape = 0; shape < SHAPES; shape++) {
            SQL[shape] = build(shape, Rows.POST_COLUMNS);
            ID_SQL[shape] = build(shape, "p.id");
            if (shape >= 32) {
                String probe = probe(shape);
                RANGE_SQL[shape] = build(shape, Rows.POST_COLUMNS + ", EXISTS (" + probe + ")");
                ID_RANGE_SQL[shape] = build(shape, "p.id, EXISTS (" + probe + ")");
                PROBE_SQL[shape] = "SELECT EXISTS (" + probe + ")";
            }
        }
    }

    /** Reads one item from a row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Runs a selection as a {@link PostRange}: one statement (two when a selection with a cursor finds no rows).
     *
     * @param idsOnly whether {@code row} reads post ids (from the first column) rather than whole posts
     */
    static <T> PostRange<T> range(SqlConnection connection, PostSelection selection, boolean idsOnly, Row<T> row)
            throws SQLException {
        int shape = shape(selection);
        boolean cursor = shape >= 32;
        String sql = cursor ? (idsOnly ? ID_RANGE_SQL : RANGE_SQL)[shape] : (idsOnly ? ID_SQL : SQL)[shape];
        PreparedStatement query = connection.prepare(sql);
        if (cursor) {
            bindRange(query, selection);
        } else {
            bind(query, selection);
        }
        int probeColumn = (idsOnly ? 1 : Rows.POST_COLUMN_COUNT) + 1;
        List<T> items = new ArrayList<>(Math.min(selection.limit(), 128));
        boolean beyond = false;
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                items.add(row.read(rows));
                beyond = cursor && rows.getInt(probeColumn) == 1;
            }
        }
        if (cursor && items.isEmpty()) {
            PreparedStatement probe = connection.prepare(PROBE_SQL[shape]);
            bindProbe(probe, selection);
            try (ResultSet rows = probe.executeQuery()) {
                beyond = rows.next() && rows.getInt(1) == 1;
            }
        }
        return new PostRange<>(items, beyond);
    }

    private PostQueries() {
    }

    /** The SQL for this selection's shape. */
    static String sql(PostSelection selection) {
        return SQL[shape(selection)];
    }

    /** The SQL for this selection's shape with the probe as its last column; the selection has a cursor. */
    static String rangeSql(PostSelection selection) {
        return RANGE_SQL[cursorShape(selection)];
    }

    /** {@link #rangeSql} reading only post ids. */
    static String idRangeSql(PostSelection selection) {
        return ID_RANGE_SQL[cursorShape(selection)];
    }

    /** The probe alone, one row with one column; the selection has a cursor. */
    static String probeSql(PostSelection selection) {
        return PROBE_SQL[cursorShape(selection)];
    }

    private static int cursorShape(PostSelection selection) {
        int shape = shape(selection);
        if (shape < 32) {
            throw new IllegalArgumentException("the selection has no cursor; a range needs a 'before' or 'after' bound");
        }
        return shape;
    }

    /** Binds this selection's values to the statement made from {@link #sql}. */
    static void bind(PreparedStatement statement, PostSelection selection) throws SQLException {
        int index = bindFilters(statement, 1, selection);
        statement.setInt(index, selection.limit());
    }

    /** Binds this selection's values to the statement made from {@link #rangeSql}: the probe's, then the rows'. */
    static void bindRange(PreparedStatement statement, PostSelection selection) throws SQLException {
        int index = bindFilters(statement, 1, selection);
        index = bindFilters(statement, index, selection);
        statement.setInt(index, selection.limit());
    }

    /** Binds this selection's values to the statement made from {@link #probeSql}. */
    static void bindProbe(PreparedStatement statement, PostSelection selection) throws SQLException {
        bindFilters(statement, 1, selection);
    }

    /** Binds the tag, the cursor and the other filters from {@code index} on; returns the next index. */
    private static int bindFilters(PreparedStatement statement, int start, PostSelection selection)
            throws SQLException {
        int index = start;
        if (selection.tag().isPresent()) {
            statement.setString(index++, selection.tag().get());
        }
        if (selection.before().isPresent()) {
            statement.setLong(index++, selection.before().get().value());
        } else if (selection.after().isPresent()) {
            statement.setLong(index++, selection.after().get().value());
        }
        if (selection.author().isPresent()) {
            statement.setLong(index++, selection.author().get().value());
        }
        if (selection.organisation().isPresent()) {
            statement.setString(index++, selection.organisation().get());
        }
        if (selection.source().isPresent()) {
            statement.setString(index++, selection.source().get().name());
        }
        return index;
    }

    private static int shape(PostSelection s) {
        int direction = s.before().isPresent() ? 1 : s.after().isPresent() ? 2 : 0;
        return direction * 32 | bit(s.author().isPresent(), 16) | bit(s.organisation().isPresent(), 8)
                | bit(s.tag().isPresent(), 4) | bit(!s.includeReplies(), 2) | bit(s.source().isPresent(), 1);
    }

    private static int bit(boolean set, int value) {
        return set ? value : 0;
    }

    private static String build(int shape, String columns) {
        int direction = shape / 32;
        String key = (shape & 4) != 0 ? "t.post_id" : "p.id";
        StringBuilder sql = new StringBuilder("SELECT ").append(columns);
        appendFromWhere(sql, shape, direction == 1 ? " < ?" : direction == 2 ? " > ?" : null, true);
        sql.append(" ORDER BY ").append(key).append(direction == 2 ? " ASC" : " DESC").append(" LIMIT ?");
        return sql.toString();
    }

    /**
     * Whether a post with the shape's filters lies on its cursor's other side: at or after a {@code before}
     * cursor, at or before an {@code after} one. Inside the range's statement its aliases hide the outer ones.
     */
    private static String probe(int shape) {
        StringBuilder sql = new StringBuilder("SELECT 1");
        appendFromWhere(sql, shape, shape / 32 == 1 ? " >= ?" : " <= ?", false);
        return sql.toString();
    }

    private static void appendFromWhere(StringBuilder sql, int shape, @Nullable String cursorCondition,
            boolean withPreview) {
        String previews = withPreview ? Rows.PREVIEW_JOIN : "";
        boolean tag = (shape & 4) != 0;
        String key = tag ? "t.post_id" : "p.id";
        List<String> conditions = new ArrayList<>();
        if (tag) {
            sql.append(" FROM post_tags t JOIN posts p ON p.id = t.post_id").append(previews);
            conditions.add("t.tag = ?");
        } else {
            sql.append(" FROM posts p").append(previews);
        }
        if (cursorCondition != null) {
            conditions.add(key + cursorCondition);
        }
        if ((shape & 16) != 0) {
            conditions.add("p.author_id = ?");
        }
        if ((shape & 8) != 0) {
            conditions.add("EXISTS (SELECT 1 FROM members m WHERE m.id = p.author_id AND m.organisation = ?)");
        }
        if ((shape & 2) != 0) {
            conditions.add("p.in_reply_to IS NULL");
        }
        if ((shape & 1) != 0) {
            conditions.add("p.source_kind = ?");
        }
        conditions.add(SqliteModeration.NOT_HIDDEN);
        sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
}
