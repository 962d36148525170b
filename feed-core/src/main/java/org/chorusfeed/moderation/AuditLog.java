package org.chorusfeed.moderation;

import java.util.Optional;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.timeline.Page;
import org.jspecify.annotations.Nullable;

/**
 * The append-only record of every admin act (DESIGN rule 8): who, what, when and why. Nothing changes or removes an
 * entry; there is no method for it here or in the store.
 *
 * <pre>{@code
 * chorus.audit().record(admin.id(), "member.suspended", "@" + bob.handle(), "spam after two warnings");
 * Page<AuditEntry> newest = chorus.audit().read(Optional.empty(), 50);
 * }</pre>
 *
 * <p>Actions in use: {@code invitation.created}, {@code invitation.revoked}, {@code join-request.approved},
 * {@code join-request.declined}, {@code member.admitted}, {@code member.changed}, {@code member.suspended},
 * {@code member.reinstated}, {@code member.erased}, {@code organisation.saved}, {@code post.hidden},
 * {@code post.unhidden}, {@code report.dismissed}, {@code token.issued}, {@code token.revoked}. Targets:
 * {@code @handle}, {@code post:<id>}, {@code invitation:<id>}, {@code join-request:<id>}, {@code report:<id>},
 * {@code organisation:<slug>}.
 */
public interface AuditLog {
    /** The longest action, in characters. */
    int MAX_ACTION = 64;
    /** The longest target, in characters. */
    int MAX_TARGET = 200;
    /** The longest reason, in characters (code points), after surrounding white space is removed. */
    int MAX_REASON = Reasons.MAX_LENGTH;
    /** The most entries one read returns. */
    int MAX_LIMIT = 100;

    /**
     * Appends an entry timed by the Chorus clock.
     *
     * @param actor  the member who acted, or {@code null} for the system
     * @param action lower-case words with dashes, in dotted parts: {@code post.hidden}
     * @param target 1 to {@value #MAX_TARGET} characters without control characters
     * @param reason why, up to {@value #MAX_REASON} characters; {@code null} or blank for none
     * @return the entry as recorded
     * @throws IllegalArgumentException if a value breaks these rules
     */
    AuditEntry record(@Nullable MemberId actor, String action, String target, @Nullable String reason);

    /**
     * A page of entries, newest first.
     *
     * @param before a {@link Page#next()} cursor of an earlier read, or empty for the newest entries
     * @param limit  1 to {@value #MAX_LIMIT}
     * @return the entries, with a {@code next} cursor when older ones exist; {@code prev} is always empty
     * @throws IllegalArgumentException if the cursor is not one this log made, or the limit is out of range
     */
    Page<AuditEntry> read(Optional<String> before, int limit);
}
