package org.chorusfeed.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.chorusfeed.store.PostSelection;

/**
 * The SQL of each shape of {@link PostSelection}: keyset ranges by post id, never an offset. A tag selection walks
 * the {@code (tag, post_id)} key of {@code post_tags} in order and joins each hit to its post; every other shape
 * walks the posts by id (or by {@code (author_id, id)} or {@code (source_kind, id)}) and filters on the way, so a
 * page is full whenever enough matching posts exist. Hidden posts are left out by a primary-key probe of
 * {@code post_hidings} per row, which keeps the walk in order. The 96 shapes are built once, so statements stay prepared.
 */
final class PostQueries {
    private static final int SHAPES = 3 * 32;
    private static final String[] SQL = new String[SHAPES];

    static {
        for (int shape = 0; shape < SHAPES; shape++) {
            SQL[shape] = build(shape);
        }
    }

    private PostQueries() {
    }

    /** The SQL for this selection's shape. */
    static String sql(PostSelection selection) {
        return SQL[shape(selection)];
    }

    /** Binds this selection's values to the statement made from {@link #sql}. */
    static void bind(PreparedStatement statement, PostSelection selection) throws SQLException {
        int index = 1;
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
        statement.setInt(index, selection.limit());
    }

    private static int shape(PostSelection s) {
        int direction = s.before().isPresent() ? 1 : s.after().isPresent() ? 2 : 0;
        return direction * 32 | bit(s.author().isPresent(), 16) | bit(s.organisation().isPresent(), 8)
                | bit(s.tag().isPresent(), 4) | bit(!s.includeReplies(), 2) | bit(s.source().isPresent(), 1);
    }

    private static int bit(boolean set, int value) {
        return set ? value : 0;
    }

    private static String build(int shape) {
        int direction = shape / 32;
        boolean tag = (shape & 4) != 0;
        String key = tag ? "t.post_id" : "p.id";
        List<String> conditions = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(Rows.POST_COLUMNS);
        if (tag) {
            sql.append(" FROM post_tags t JOIN posts p ON p.id = t.post_id").append(Rows.PREVIEW_JOIN);
            conditions.add("t.tag = ?");
        } else {
            sql.append(" FROM posts p").append(Rows.PREVIEW_JOIN);
        }
        if (direction == 1) {
            conditions.add(key + " < ?");
        } else if (direction == 2) {
            conditions.add(key + " > ?");
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
        sql.append(" ORDER BY ").append(key).append(direction == 2 ? " ASC" : " DESC").append(" LIMIT ?");
        return sql.toString();
    }
}
