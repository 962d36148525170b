package org.chorusfeed.store.memory;

import java.time.Clock;
import org.chorusfeed.store.PreviewStoreContract;
import org.chorusfeed.store.Store;

/** The preview store contract on the in-memory reference store. */
class InMemoryPreviewStoreTest extends PreviewStoreContract {
    @Override
    protected Store openStore(Clock clock) {
        return new InMemoryStore();
    }
}
