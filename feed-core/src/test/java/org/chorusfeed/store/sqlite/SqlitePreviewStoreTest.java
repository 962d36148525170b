package org.chorusfeed.store.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import org.chorusfeed.store.PreviewStoreContract;
import org.chorusfeed.store.Store;
import org.junit.jupiter.api.io.TempDir;

/** The preview store contract on the SQLite store. */
class SqlitePreviewStoreTest extends PreviewStoreContract {
    @TempDir
    Path temp;

    @Override
    protected Store openStore(Clock clock) {
        return SqliteStore.open(temp, clock);
    }
}
