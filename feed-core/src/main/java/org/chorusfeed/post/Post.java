package org.chorusfeed.post;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.text.Segment;

/**
 * A brief post in the timeline: native or imported, the same type with the same weight.
 *
 * @param id            time-sortable id; its time is {@link #publishedAt()}
 * @param author        who wrote it
 * @param text          plain text, never markup
 * @param segments      the text cut into text, links, mentions and tags; their texts concatenate to {@code text}
 * @param inReplyTo     the post this one answers, if any
 * @param source        native, or the blog entry it was imported from
 * @param editedAt      when the author last edited it
 * @param appreciations how many members appreciated it (never changes its place)
 * @param preview       the preview of the post's first link, fetched after publishing, if any
 * @param hidden        why and when an admin hid the post from public reads, if they did
 */
public record Post(PostId id, MemberId author, String text, List<Segment> segments, Optional<PostId> inReplyTo,
        PostSource source, Optional<Instant> editedAt, int appreciations, Optional<LinkPreview> preview,
        Optional<Hiding> hidden) {

    /** Copies the segments. */
    public Post {
        segments = List.copyOf(segments);
        if (appreciations < 0) {
            throw new IllegalArgumentException("appreciations is " + appreciations + "; it cannot be negative");
        }
    }

    /** A post without a preview, not hidden. */
    public Post(PostId id, MemberId author, String text, List<Segment> segments, Optional<PostId> inReplyTo,
            PostSource source, Optional<Instant> editedAt, int appreciations) {
        this(id, author, text, segments, inReplyTo, source, editedAt, appreciations, Optional.empty(),
                Optional.empty());
    }

    /** This post with its link preview set or removed. */
    public Post withPreview(Optional<LinkPreview> newPreview) {
        return new Post(id, author, text, segments, inReplyTo, source, editedAt, appreciations, newPreview, hidden);
    }

    /** This post hidden by an admin, or shown again. */
    public Post withHidden(Optional<Hiding> newHidden) {
        return new Post(id, author, text, segments, inReplyTo, source, editedAt, appreciations, preview, newHidden);
    }

    /** Whether readers other than the author and admins may see it. */
    public boolean isPublic() {
        return hidden.isEmpty();
    }

    /** When the post reached the network (DESIGN rule 2): the time in its id. */
    public Instant publishedAt() {
        return id.time();
    }
}
