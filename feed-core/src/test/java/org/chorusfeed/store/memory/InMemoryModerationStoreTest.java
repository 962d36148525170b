package org.chorusfeed.store.memory;

import java.time.Clock;
import org.chorusfeed.store.ModerationStoreContract;
import org.chorusfeed.store.Store;

/** The moderation store contract on the in-memory reference store. */
class InMemoryModerationStoreTest extends ModerationStoreContract {
    @Override
    protected Store openStore(Clock clock) {
        return new InMemoryStore();
    }
}
