package org.chorusfeed.store.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.moderation.AuditEntry;
import org.chorusfeed.store.AuditDraft;

/** The in-memory audit log: a list that only grows; the entry with id n sits at index n - 1. */
final class InMemoryAudit {
    private final List<AuditEntry> entries = new ArrayList<>();

    synchronized AuditEntry append(AuditDraft draft) {
        AuditEntry entry = new AuditEntry(entries.size() + 1L, draft.at(), draft.actor(), draft.action(), draft.target(),
                draft.reason());
        entries.add(entry);
        return entry;
    }

    synchronized List<AuditEntry> newest(Optional<Long> before, int limit) {
        List<AuditEntry> page = new ArrayList<>();
        int from = (int) Math.min(before.orElse(Long.MAX_VALUE) - 1, entries.size());
        for (int index = from - 1; index >= 0 && page.size() < limit; index--) {
            page.add(entries.get(index));
        }
        return List.copyOf(page);
    }
}
