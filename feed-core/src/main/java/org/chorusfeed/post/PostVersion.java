package org.chorusfeed.post;

import java.time.Instant;
import java.util.List;
import org.chorusfeed.text.Segment;

/**
 * One version of a post's text, from its edit history.
 *
 * @param text     the text as it was
 * @param segments that text's segments
 * @param since    when this version was written
 */
public record PostVersion(String text, List<Segment> segments, Instant since) {
    /** Copies the segments. */
    public PostVersion {
        segments = List.copyOf(segments);
    }
}
