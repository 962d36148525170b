package org.chorusfeed.store.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import org.chorusfeed.store.DataRightsStoreContract;
import org.chorusfeed.store.Store;
import org.junit.jupiter.api.io.TempDir;

/** The data-rights store contract on the SQLite store. */
class SqliteDataRightsStoreTest extends DataRightsStoreContract {
    @TempDir
    Path temp;

    @Override
    protected Store openStore(Clock clock) {
        return SqliteStore.open(temp, clock);
    }
}
