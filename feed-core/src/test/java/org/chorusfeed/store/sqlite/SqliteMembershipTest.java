package org.chorusfeed.store.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import org.chorusfeed.store.MembershipStoreContract;
import org.chorusfeed.store.Store;
import org.junit.jupiter.api.io.TempDir;

/** The membership contract on the embedded SQLite store. */
class SqliteMembershipTest extends MembershipStoreContract {
    @TempDir
    Path dir;

    @Override
    protected Store openStore(Clock clock) {
        return SqliteStore.open(dir, clock);
    }
}
