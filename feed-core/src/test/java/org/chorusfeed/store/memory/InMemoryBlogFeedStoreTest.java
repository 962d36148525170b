package org.chorusfeed.store.memory;

import java.time.Clock;
import org.chorusfeed.store.BlogFeedStoreContract;
import org.chorusfeed.store.Store;

/** The blog feed store contract on the in-memory store. */
class InMemoryBlogFeedStoreTest extends BlogFeedStoreContract {
    @Override
    protected Store openStore(Clock clock) {
        return new InMemoryStore();
    }
}
