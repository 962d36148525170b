package org.chorusfeed.timeline;

import java.util.Optional;
import org.chorusfeed.member.Names;
import org.chorusfeed.post.SourceKind;

/**
 * What part of the timeline to read. Filters only select; they never reorder.
 *
 * <pre>{@code
 * chorus.timeline().read(TimelineQuery.latest().tag("BalticLab").limit(20));
 * }</pre>
 *
 * @param before         cursor: read the posts just older than it
 * @param after          cursor: read the posts just newer than it
 * @param limit          1 to 100 posts
 * @param member         only this member's posts (handle)
 * @param organisation   only posts of this organisation's members (slug)
 * @param tag            only posts with this tag (without {@code #}, any case)
 * @param includeReplies whether replies are included
 * @param source         only posts of this source kind
 */
public record TimelineQuery(Optional<String> before, Optional<String> after, int limit, Optional<String> member,
        Optional<String> organisation, Optional<String> tag, boolean includeReplies, Optional<SourceKind> source) {

    /** Default page size. */
    public static final int DEFAULT_LIMIT = 20;
    /** Largest page size. */
    public static final int MAX_LIMIT = 100;

    /** Checks every field. */
    public TimelineQuery {
        if (before.isPresent() && after.isPresent()) {
            throw new IllegalArgumentException("give either a 'before' or an 'after' cursor, not both");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is " + limit + "; allowed 1 to " + MAX_LIMIT);
        }
        member.ifPresent(Names::requireHandle);
        organisation.ifPresent(slug -> Names.requireSlug("organisation slug", slug));
        tag.ifPresent(TimelineQuery::requireTag);
    }

    /** The newest page of everything: no filters, replies included, 20 posts. */
    public static TimelineQuery latest() {
        return new TimelineQuery(Optional.empty(), Optional.empty(), DEFAULT_LIMIT, Optional.empty(), Optional.empty(),
                Optional.empty(), true, Optional.empty());
    }

    /** Reads the posts just older than the cursor (a page's {@code next}). */
    public TimelineQuery before(String cursor) {
        return new TimelineQuery(Optional.of(cursor), Optional.empty(), limit, member, organisation, tag, includeReplies, source);
    }

    /** Reads the posts just newer than the cursor (a page's {@code prev}). */
    public TimelineQuery after(String cursor) {
        return new TimelineQuery(Optional.empty(), Optional.of(cursor), limit, member, organisation, tag, includeReplies, source);
    }

    /** Reads at most this many posts, 1 to 100. */
    public TimelineQuery limit(int newLimit) {
        return new TimelineQuery(before, after, newLimit, member, organisation, tag, includeReplies, source);
    }

    /** Only this member's posts. */
    public TimelineQuery member(String handle) {
        return new TimelineQuery(before, after, limit, Optional.of(handle), organisation, tag, includeReplies, source);
    }

    /** Only posts by members of this organisation. */
    public TimelineQuery organisation(String slug) {
        return new TimelineQuery(before, after, limit, member, Optional.of(slug), tag, includeReplies, source);
    }

    /** Only posts with this tag; with or without the leading {@code #}, in any case. */
    public TimelineQuery tag(String newTag) {
        String bare = newTag.startsWith("#") ? newTag.substring(1) : newTag;
        return new TimelineQuery(before, after, limit, member, organisation, Optional.of(bare), includeReplies, source);
    }

    /** Whether replies are included (they are by default). */
    public TimelineQuery replies(boolean include) {
        return new TimelineQuery(before, after, limit, member, organisation, tag, include, source);
    }

    /** Only posts of this source kind. */
    public TimelineQuery source(SourceKind kind) {
        return new TimelineQuery(before, after, limit, member, organisation, tag, includeReplies, Optional.of(kind));
    }

    private static void requireTag(String tag) {
        if (tag.isEmpty() || tag.length() > 100 || !tag.codePoints().allMatch(
                cp -> Character.isLetterOrDigit(cp) || cp == '_' || Character.getType(cp) == Character.NON_SPACING_MARK
                        || Character.getType(cp) == Character.COMBINING_SPACING_MARK)) {
            throw new IllegalArgumentException("tag '" + tag + "' is not allowed; use letters, digits and '_'");
        }
    }
}
