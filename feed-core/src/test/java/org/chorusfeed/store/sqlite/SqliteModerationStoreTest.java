package org.chorusfeed.store.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import org.chorusfeed.store.ModerationStoreContract;
import org.chorusfeed.store.Store;
import org.junit.jupiter.api.io.TempDir;

/** The moderation store contract on the SQLite store. */
class SqliteModerationStoreTest extends ModerationStoreContract {
    @TempDir
    Path temp;
    private int opened;

    @Override
    protected Store openStore(Clock clock) {
        return SqliteStore.open(temp.resolve("store-" + ++opened), clock);
    }
}
