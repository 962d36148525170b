package org.chorusfeed.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.blogs.EntryKeys;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.store.BlogFeedState;
import org.chorusfeed.store.BlogFeedStoreContract;
import org.chorusfeed.store.ImportedEntry;
import org.chorusfeed.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blog feed store contract on the SQLite store, and what only a store on disk can show. */
class SqliteBlogFeedStoreTest extends BlogFeedStoreContract {
    @TempDir
    Path temp;

    @Override
    protected Store openStore(Clock clock) {
        return SqliteStore.open(temp, clock);
    }

    @Test
    void feedsAndEntries_surviveReopening() {
        Member carol = store.insertMember(NewMember.handle("carol").name("Carol"), MemberStatus.ACTIVE, T0);
        BlogFeedState feed = BlogFeedState.fresh(carol.id(), URI.create("https://carol.example/feed"), T0);
        store.putBlogFeed(feed);
        ImportedEntry entry = store.saveImportedEntry(new ImportedEntry(0, carol.id(), Optional.empty(),
                new EntryKeys(Optional.of("g"), Optional.empty(), Optional.empty()), "fp"));
        store.close();

        store = SqliteStore.open(temp, Clock.systemUTC());

        assertThat(store.findBlogFeed(carol.id())).contains(feed);
        assertThat(store.importedEntries(carol.id())).containsExactly(entry);
    }

    @Test
    void aMemberRowDeleted_takesItsFeedAndEntriesWithIt() throws SQLException {
        Member carol = store.insertMember(NewMember.handle("carol").name("Carol"), MemberStatus.ACTIVE, T0);
        store.putBlogFeed(BlogFeedState.fresh(carol.id(), URI.create("https://carol.example/feed"), Instant.EPOCH));
        store.saveImportedEntry(new ImportedEntry(0, carol.id(), Optional.empty(),
                new EntryKeys(Optional.of("g"), Optional.empty(), Optional.empty()), "fp"));

        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve(SqliteStore.FILE_NAME));
                Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA foreign_keys=ON");
            statement.executeUpdate("DELETE FROM members WHERE id = " + carol.id().value());
        }

        assertThat(store.findBlogFeed(carol.id())).isEmpty();
        assertThat(store.importedEntries(carol.id())).isEmpty();
    }
}
