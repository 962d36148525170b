package org.chorusfeed.store;

import java.util.List;
import java.util.Optional;
import org.chorusfeed.moderation.AuditEntry;

/**
 * The store's part of the audit log: append and read, nothing else. No method changes or removes an entry, and a
 * store must offer none.
 */
public interface AuditStore {

    /** Appends an entry with the next id (greater than every id before); durable when the method returns. */
    AuditEntry appendAudit(AuditDraft draft);

    /** At most {@code limit} entries with ids below {@code before} (or the newest), newest first. */
    List<AuditEntry> auditEntries(Optional<Long> before, int limit);
}
