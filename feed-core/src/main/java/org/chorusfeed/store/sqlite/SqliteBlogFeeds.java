package org.chorusfeed.store.sqlite;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.blogs.EntryKeys;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.PostId;
import org.chorusfeed.store.BlogFeedState;
import org.chorusfeed.store.BlogFeedStore;
import org.chorusfeed.store.ImportedEntry;

/** The {@link BlogFeedStore} part of the {@link SqliteStore}: tables {@code blog_feeds} and {@code blog_entries}. */
final class SqliteBlogFeeds implements BlogFeedStore {
    private static final String FEED_COLUMNS = "member_id, url, feed_url, etag, last_modified, last_success_at, "
            + "last_error, last_error_at, failures, next_poll_at";
    private static final String ENTRY_COLUMNS = "id, member_id, post_id, entry_id, entry_link, title_and_date, fingerprint";

    private final Writer writer;
    private final ReadPool reads;

    SqliteBlogFeeds(Writer writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public Optional<BlogFeedState> findBlogFeed(MemberId member) {
        return reads.read("read the blog feed", c -> {
            PreparedStatement query = c.prepare("SELECT " + FEED_COLUMNS + " FROM blog_feeds WHERE member_id = ?");
            query.setLong(1, member.value());
            List<BlogFeedState> found = feeds(query);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public List<BlogFeedState> blogFeeds() {
        return reads.read("read the blog feeds", c -> feeds(c.prepare("SELECT " + FEED_COLUMNS
                + " FROM blog_feeds ORDER BY member_id")));
    }

    @Override
    public List<BlogFeedState> dueBlogFeeds(Instant now, int limit) {
        return reads.read("read the due blog feeds", c -> {
            PreparedStatement query = c.prepare("SELECT " + FEED_COLUMNS
                    + " FROM blog_feeds WHERE next_poll_at <= ? ORDER BY next_poll_at, member_id LIMIT ?");
            query.setLong(1, Rows.nanos(now));
            query.setInt(2, Math.max(0, limit));
            return feeds(query);
        });
    }

    @Override
    public void putBlogFeed(BlogFeedState feed) {
        writer.write("save the blog feed", tx -> {
            requireMember(tx, feed.member());
            PreparedStatement delete = tx.prepare("DELETE FROM blog_feeds WHERE member_id = ?");
            delete.setLong(1, feed.member().value());
            delete.executeUpdate();
            PreparedStatement insert = tx.prepare("INSERT INTO blog_feeds (" + FEED_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insert.setLong(1, feed.member().value());
            insert.setString(2, feed.url().toString());
            bindState(insert, 3, feed);
            return insert.executeUpdate();
        });
    }

    @Override
    public boolean updateBlogFeed(BlogFeedState feed) {
        return writer.write("update the blog feed", tx -> {
            PreparedStatement update = tx.prepare("UPDATE blog_feeds SET feed_url = ?, etag = ?, last_modified = ?, "
                    + "last_success_at = ?, last_error = ?, last_error_at = ?, failures = ?, next_poll_at = ? "
                    + "WHERE member_id = ? AND url = ?");
            bindState(update, 1, feed);
            update.setLong(9, feed.member().value());
            update.setString(10, feed.url().toString());
            return update.executeUpdate() == 1;
        });
    }

    /** Binds feed URL, validators, times and failures from {@code index} on (eight parameters). */
    private static void bindState(PreparedStatement statement, int index, BlogFeedState feed) throws SQLException {
        Rows.setNullableString(statement, index, feed.feedUrl().map(URI::toString));
        Rows.setNullableString(statement, index + 1, feed.etag());
        Rows.setNullableString(statement, index + 2, feed.lastModified());
        Rows.setNullableLong(statement, index + 3, feed.lastSuccessAt().map(Rows::nanos));
        Rows.setNullableString(statement, index + 4, feed.lastError());
        Rows.setNullableLong(statement, index + 5, feed.lastErrorAt().map(Rows::nanos));
        statement.setInt(index + 6, feed.failures());
        statement.setLong(index + 7, Rows.nanos(feed.nextPollAt()));
    }

    @Override
    public void removeBlogFeed(MemberId member) {
        writer.write("remove the blog feed", tx -> {
            PreparedStatement delete = tx.prepare("DELETE FROM blog_feeds WHERE member_id = ?");
            delete.setLong(1, member.value());
            return delete.executeUpdate();
        });
    }

    @Override
    public List<ImportedEntry> importedEntries(MemberId member) {
        return reads.read("read the blog entries", c -> {
            PreparedStatement query = c.prepare("SELECT " + ENTRY_COLUMNS
                    + " FROM blog_entries WHERE member_id = ? ORDER BY id");
            query.setLong(1, member.value());
            List<ImportedEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return List.copyOf(entries);
        });
    }

    @Override
    public ImportedEntry saveImportedEntry(ImportedEntry entry) {
        return writer.write("save the blog entry", tx -> {
            requireMember(tx, entry.member());
            ImportedEntry stored = entry;
            PreparedStatement statement;
            if (entry.id() == 0) {
                stored = new ImportedEntry(tx.nextId("blog_entries"), entry.member(), entry.post(), entry.keys(),
                        entry.fingerprint());
                statement = tx.prepare("INSERT INTO blog_entries (post_id, entry_id, entry_link, title_and_date, "
                        + "fingerprint, id, member_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
            } else {
                statement = tx.prepare("UPDATE blog_entries SET post_id = ?, entry_id = ?, entry_link = ?, "
                        + "title_and_date = ?, fingerprint = ? WHERE id = ? AND member_id = ?");
            }
            Rows.setNullableLong(statement, 1, stored.post().map(PostId::value));
            Rows.setNullableString(statement, 2, stored.keys().id());
            Rows.setNullableString(statement, 3, stored.keys().link());
            Rows.setNullableString(statement, 4, stored.keys().titleAndDate());
            statement.setString(5, stored.fingerprint());
            statement.setLong(6, stored.id());
            statement.setLong(7, stored.member().value());
            if (statement.executeUpdate() != 1) {
                throw new IllegalArgumentException("no blog entry " + entry.id() + " is stored for member "
                        + entry.member());
            }
            return stored;
        });
    }

    private static void requireMember(Transaction tx, MemberId member) throws SQLException {
        if (tx.queryLong("SELECT 1 FROM members WHERE id = ?", member.value()) == 0) {
            throw new NoSuchMemberException(member.toString());
        }
    }

    private static List<BlogFeedState> feeds(PreparedStatement query) throws SQLException {
        List<BlogFeedState> feeds = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                feeds.add(new BlogFeedState(new MemberId(row.getLong(1)), URI.create(row.getString(2)),
                        Optional.ofNullable(row.getString(3)).map(URI::create), Optional.ofNullable(row.getString(4)),
                        Optional.ofNullable(row.getString(5)), instant(row, 6), Optional.ofNullable(row.getString(7)),
                        instant(row, 8), row.getInt(9), Rows.instant(row.getLong(10))));
            }
        }
        return List.copyOf(feeds);
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        long nanos = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Rows.instant(nanos));
    }

    private static ImportedEntry entry(ResultSet row) throws SQLException {
        long post = row.getLong(3);
        Optional<PostId> postId = row.wasNull() ? Optional.empty() : Optional.of(new PostId(post));
        EntryKeys keys = new EntryKeys(Optional.ofNullable(row.getString(4)), Optional.ofNullable(row.getString(5)),
                Optional.ofNullable(row.getString(6)));
        return new ImportedEntry(row.getLong(1), new MemberId(row.getLong(2)), postId, keys, row.getString(7));
    }
}
