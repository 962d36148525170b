package org.chorusfeed.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;

/**
 * Posts read by id in batches: one {@code IN (...)} statement per {@value #BATCH} ids. The statement for each
 * batch size is made once, so at most {@value #BATCH} shapes stay prepared per connection.
 */
final class PostBatches {
    static final int BATCH = 32;
    private static final String[] SQL = new String[BATCH + 1];

    static {
        for (int size = 1; size <= BATCH; size++) {
            SQL[size] = SqliteModeration.POSTS_WITH_HIDINGS + " WHERE p.id IN ("
                    + String.join(", ", java.util.Collections.nCopies(size, "?")) + ")";
        }
    }

    private PostBatches() {
    }

    /** The posts with these ids that exist, by id. */
    static Map<PostId, Post> find(SqlConnection connection, Collection<PostId> ids) throws SQLException {
        List<PostId> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<PostId, Post> found = new HashMap<>(distinct.size() * 2);
        for (int start = 0; start < distinct.size(); start += BATCH) {
            List<PostId> batch = distinct.subList(start, Math.min(start + BATCH, distinct.size()));
            PreparedStatement query = connection.prepare(SQL[batch.size()]);
            for (int i = 0; i < batch.size(); i++) {
                query.setLong(i + 1, batch.get(i).value());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Post post = SqliteModeration.post(rows);
                    found.put(post.id(), post);
                }
            }
        }
        return Map.copyOf(found);
    }
}
