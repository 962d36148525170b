package org.chorusfeed.store;

import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.member.MemberId;

/**
 * A checked audit entry the store is to append, giving it the next id.
 *
 * @param at     when the act happened
 * @param actor  the member who acted; empty for the system
 * @param action what was done, such as {@code post.hidden}
 * @param target what it was done to, such as {@code post:123}
 * @param reason why, if given
 */
public record AuditDraft(Instant at, Optional<MemberId> actor, String action, String target, Optional<String> reason) {
}
