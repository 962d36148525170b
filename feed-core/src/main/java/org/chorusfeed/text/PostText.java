package org.chorusfeed.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A post's text, checked and cut into segments; made by {@link TextRules#parse}.
 *
 * <p>The segments' texts concatenate exactly to {@code text}, none is empty, and no two {@link Segment.Text}
 * segments are adjacent (the constructor merges them).
 *
 * @param text     the normalised plain text
 * @param segments the text cut into text, links, mentions and tags, in order
 */
public record PostText(String text, List<Segment> segments) {

    /** Copies the segments, merges adjacent plain text, and refuses segments that do not spell {@code text}. */
    public PostText {
        Objects.requireNonNull(text, "text");
        segments = mergeAdjacentText(segments);
        int at = 0;
        for (Segment segment : segments) {
            String piece = segment.text();
            if (!text.startsWith(piece, at)) {
                throw new IllegalArgumentException("segments do not spell the text: at position " + at
                        + " the text has \"" + excerpt(text, at) + "\" but a segment has \"" + excerpt(piece, 0) + "\"");
            }
            at += piece.length();
        }
        if (at != text.length()) {
            throw new IllegalArgumentException("segments cover " + at + " of the text's " + text.length()
                    + " characters; they must cover all of it");
        }
    }

    /** The distinct tags, lower-cased with {@link Locale#ROOT}, in the order they first appear; for indexing and filtering. */
    public Set<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        for (Segment segment : segments) {
            if (segment instanceof Segment.Tag tag) {
                tags.add(tag.tag().toLowerCase(Locale.ROOT));
            }
        }
        return Collections.unmodifiableSet(tags);
    }

    /** The distinct handles of the members mentioned, in the order they first appear. */
    public Set<String> mentionedHandles() {
        Set<String> handles = new LinkedHashSet<>();
        for (Segment segment : segments) {
            if (segment instanceof Segment.Mention mention) {
                handles.add(mention.handle());
            }
        }
        return Collections.unmodifiableSet(handles);
    }

    private static List<Segment> mergeAdjacentText(List<Segment> segments) {
        List<Segment> copy = List.copyOf(segments);
        if (!hasAdjacentText(copy)) {
            return copy;
        }
        List<Segment> merged = new ArrayList<>(copy.size());
        for (Segment segment : copy) {
            int last = merged.size() - 1;
            if (segment instanceof Segment.Text && last >= 0 && merged.get(last) instanceof Segment.Text previous) {
                merged.set(last, new Segment.Text(previous.text() + segment.text()));
            } else {
                merged.add(segment);
            }
        }
        return List.copyOf(merged);
    }

    private static boolean hasAdjacentText(List<Segment> segments) {
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i) instanceof Segment.Text && segments.get(i - 1) instanceof Segment.Text) {
                return true;
            }
        }
        return false;
    }

    private static String excerpt(String s, int from) {
        int end = Math.min(s.length(), from + 20);
        return s.substring(from, end) + (end < s.length() ? "…" : "");
    }
}
