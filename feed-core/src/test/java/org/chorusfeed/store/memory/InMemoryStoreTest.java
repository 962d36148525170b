package org.chorusfeed.store.memory;

import java.time.Clock;
import org.chorusfeed.store.Store;
import org.chorusfeed.store.StoreContract;

/** The store contract on the in-memory reference store. */
class InMemoryStoreTest extends StoreContract {
    @Override
    protected Store openStore(Clock clock) {
        return new InMemoryStore();
    }
}
