package org.chorusfeed.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.moderation.AuditEntry;
import org.chorusfeed.moderation.AuditLog;
import org.chorusfeed.moderation.Reasons;
import org.chorusfeed.store.AuditDraft;
import org.chorusfeed.store.Store;
import org.chorusfeed.timeline.Page;
import org.jspecify.annotations.Nullable;

/** {@link AuditLog} over a store: checks each entry, times it by the clock, and pages with opaque cursors. */
public final class StoreAuditLog implements AuditLog {
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z-]*(\\.[a-z][a-z-]*)+");
    private static final char CURSOR_VERSION = 'a';

    private final Store store;
    private final Clock clock;

    /** The audit log kept in this store, timed by this clock. */
    public StoreAuditLog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public AuditEntry record(@Nullable MemberId actor, String action, String target, @Nullable String reason) {
        return store.appendAudit(draft(actor, action, target, reason));
    }

    /** A checked draft timed now, for stores that append it together with the act it records. */
    public AuditDraft draft(@Nullable MemberId actor, String action, String target, @Nullable String reason) {
        if (action.length() > MAX_ACTION || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("audit action '" + shown(action) + "' is not allowed; give up to "
                    + MAX_ACTION + " lower-case words with dashes in dotted parts, such as post.hidden");
        }
        String cleanTarget = target.strip();
        if (cleanTarget.isEmpty() || cleanTarget.codePointCount(0, cleanTarget.length()) > MAX_TARGET
                || cleanTarget.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("audit target '" + shown(cleanTarget) + "' is not allowed; give 1 to "
                    + MAX_TARGET + " characters without control characters, such as post:123 or @ada");
        }
        return new AuditDraft(clock.instant(), Optional.ofNullable(actor), action, cleanTarget,
                Reasons.optional("audit reason", reason));
    }

    @Override
    public Page<AuditEntry> read(Optional<String> before, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is " + limit + "; allowed 1 to " + MAX_LIMIT);
        }
        List<AuditEntry> rows = store.auditEntries(before.map(StoreAuditLog::decode), limit + 1);
        boolean more = rows.size() > limit;
        List<AuditEntry> items = new ArrayList<>(more ? rows.subList(0, limit) : rows);
        Optional<String> next = more ? Optional.of(encode(items.get(items.size() - 1).id())) : Optional.empty();
        return new Page<>(items, next, Optional.empty());
    }

    private static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static String encode(long id) {
        return CURSOR_VERSION + Long.toString(id, 36);
    }

    private static long decode(String cursor) {
        if (cursor.length() >= 2 && cursor.length() <= 14 && cursor.charAt(0) == CURSOR_VERSION
                && cursor.substring(1).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
            long id = Long.parseLong(cursor, 1, cursor.length(), 36);
            if (id > 0) {
                return id;
            }
        }
        throw new IllegalArgumentException("cursor '" + shown(cursor)
                + "' is not an audit log cursor; use the 'next' value of an audit page as it is");
    }
}
