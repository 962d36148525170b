package org.chorusfeed.member;

import java.util.List;
import java.util.Optional;

/** The network's member organisations. */
public interface Organisations {
    /** Creates the organisation, or updates the one with the same slug. */
    Organisation save(Organisation organisation);

    /** The organisation with this slug, if it exists. */
    Optional<Organisation> find(String slug);

    /** Every organisation, ordered by slug. */
    List<Organisation> list();
}
