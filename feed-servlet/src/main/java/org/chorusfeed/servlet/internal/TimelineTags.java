package org.chorusfeed.servlet.internal;

import java.security.SecureRandom;
import java.util.function.LongSupplier;
import org.chorusfeed.member.Member;
import org.chorusfeed.timeline.TimelineQuery;
import org.jspecify.annotations.Nullable;

/**
 * Weak entity tags of timeline pages, derived from where the change log stands instead of hashing the body. Every
 * mutation is in the change log (DESIGN rule 5), so a page can differ from another of the same query and reader
 * only if a change came between them. A tag names:
 * <ul>
 * <li>this servlet's start (a random epoch), so a restart, perhaps with another version or another data
 *     directory, never answers 304 to a body it did not make;</li>
 * <li>the seq of the last change the servlet's caches have handled, read <em>before</em> the page is read, so the
 *     page shows that state or a later one, and once a later change is handled every tag moves on (a writer's
 *     answer waits for its change to be handled, so its next read never gets its old page back);</li>
 * <li>the reader (a member's page says which posts they appreciate) and the normalised query.</li>
 * </ul>
 */
final class TimelineTags {
    private final String epoch;
    private final LongSupplier processedSeq;

    /** Tags read from this seq supplier, with a fresh epoch. */
    TimelineTags(LongSupplier processedSeq) {
        this.processedSeq = processedSeq;
        this.epoch = Long.toString(new SecureRandom().nextLong() >>> 16, 36);
    }

    /** The tag of this query's page for this reader (null: anonymous), as of now. */
    String of(TimelineQuery query, @Nullable Member reader) {
        return "W/\"" + epoch + '.' + processedSeq.getAsLong() + '.' + (reader == null ? "a" : reader.id().value())
                + '.' + Integer.toHexString(query.hashCode()) + '"';
    }
}
