package org.chorusfeed.store.memory;

import java.time.Clock;
import org.chorusfeed.store.DataRightsStoreContract;
import org.chorusfeed.store.Store;

/** The data-rights store contract on the in-memory reference store. */
class InMemoryDataRightsStoreTest extends DataRightsStoreContract {
    @Override
    protected Store openStore(Clock clock) {
        return new InMemoryStore();
    }
}
