package org.chorusfeed.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.Organisations;
import org.chorusfeed.store.Store;

/** {@link Organisations} over a store. */
public final class StoreOrganisations implements Organisations {
    private final Store store;
    private final Clock clock;

    /** Organisations kept in this store, timed by this clock. */
    public StoreOrganisations(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Organisation save(Organisation organisation) {
        if (store.findOrganisation(organisation.slug()).filter(organisation::equals).isPresent()) {
            return organisation;
        }
        return store.saveOrganisation(organisation, clock.instant());
    }

    @Override
    public Optional<Organisation> find(String slug) {
        return store.findOrganisation(slug);
    }

    @Override
    public List<Organisation> list() {
        return store.organisations();
    }
}
