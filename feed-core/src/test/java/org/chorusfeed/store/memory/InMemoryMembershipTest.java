package org.chorusfeed.store.memory;

import java.time.Clock;
import org.chorusfeed.store.MembershipStoreContract;
import org.chorusfeed.store.Store;

/** The membership contract on the in-memory reference store. */
class InMemoryMembershipTest extends MembershipStoreContract {
    @Override
    protected Store openStore(Clock clock) {
        return new InMemoryStore();
    }
}
