package org.chorusfeed.blogs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorusfeed.text.Segment;
import org.chorusfeed.text.TextRules;

/**
 * Shortens plain text honestly: at a word boundary when one is near, else between user-perceived characters,
 * never inside a link, and always marked with "…".
 */
final class Excerpts {
    static final String ELLIPSIS = "…";
    private static final Pattern CLUSTER = Pattern.compile("\\X");
    /** How much shorter than the longest fit a word boundary may make the text. */
    private static final double WORD_SLACK = 0.25;
    /** How far past a window's last cluster to look for a space, so that the window does not end inside a link. */
    private static final int MAX_LINK_TAIL = 2048;

    private Excerpts() {
    }

    /**
     * {@code text} when the rules count it at most {@code maxLength} long, else its longest honest shortening. Only
     * the beginning of a long text is looked at, so a huge entry costs no more than a short one.
     */
    static String shorten(String text, int maxLength, TextRules rules) {
        String window = window(text, maxLength * 4 + 64);
        boolean whole = window.length() == text.length();
        if (whole && rules.length(text) <= maxLength) {
            return text;
        }
        return fit(window, !whole, shortened -> rules.length(shortened) <= maxLength, rules);
    }

    /**
     * The longest shortening of {@code text} (a prefix and "…") that {@code fits} accepts, or "" when none does.
     * {@code fits} must accept shorter texts whenever it accepts longer ones.
     *
     * @param partial whether {@code text} is itself the beginning of a longer text, so that all of it may be kept
     */
    static String fit(String text, boolean partial, Predicate<String> fits, TextRules rules) {
        List<Integer> cuts = cuts(text, partial, rules);
        int low = 0;
        int high = cuts.size() - 1;
        int best = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (fits.test(shortened(text, cuts.get(middle), rules))) {
                best = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (best < 0) {
            return "";
        }
        int chosen = wordBoundary(text, cuts, best);
        int whole = rules.length(text);
        while (chosen >= 0 && !splitsNothing(text, cuts.get(chosen), whole, rules)) {
            chosen--;
        }
        return chosen < 0 ? "" : shortened(text, cuts.get(chosen), rules);
    }

    /** The first {@code clusters} user-perceived characters of {@code text}, and on to the next space if in a word. */
    private static String window(String text, int clusters) {
        Matcher matcher = CLUSTER.matcher(text);
        int end = 0;
        for (int i = 0; i < clusters && matcher.find(); i++) {
            end = matcher.end();
        }
        int tailLimit = Math.min(text.length(), end + MAX_LINK_TAIL);
        while (end < tailLimit && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    /** The prefix up to {@code cut}, without trailing spaces, marked with "…" (after a space when it ends in a link). */
    private static String shortened(String text, int cut, TextRules rules) {
        String prefix = text.substring(0, cut).stripTrailing();
        while (!prefix.isEmpty() && ",;:".indexOf(prefix.charAt(prefix.length() - 1)) >= 0) {
            prefix = prefix.substring(0, prefix.length() - 1).stripTrailing();
        }
        List<Segment> segments = rules.segment(prefix, handle -> false);
        boolean endsInLink = !segments.isEmpty() && segments.get(segments.size() - 1) instanceof Segment.Link;
        return prefix + (endsInLink ? " " : "") + ELLIPSIS;
    }

    /** The index of the last cut before a space, not much before cut {@code best}; {@code best} when there is none. */
    private static int wordBoundary(String text, List<Integer> cuts, int best) {
        int limit = (int) (cuts.get(best) * (1 - WORD_SLACK));
        for (int i = best; i >= 0 && cuts.get(i) >= limit; i--) {
            int cut = cuts.get(i);
            if (cut < text.length() && Character.isWhitespace(text.charAt(cut))) {
                return i;
            }
        }
        return best;
    }

    /** Where text may be cut: after each user-perceived character (the last only if partial), never inside a link. */
    private static List<Integer> cuts(String text, boolean partial, TextRules rules) {
        List<int[]> links = linkSpans(text, rules);
        List<Integer> cuts = new ArrayList<>();
        Matcher clusters = CLUSTER.matcher(text);
        int linkIndex = 0;
        while (clusters.find()) {
            int cut = clusters.end();
            if (cut >= text.length() && !partial) {
                break;
            }
            while (linkIndex < links.size() && links.get(linkIndex)[1] <= cut) {
                linkIndex++;
            }
            if (linkIndex == links.size() || links.get(linkIndex)[0] >= cut) {
                cuts.add(cut);
            }
        }
        return cuts;
    }

    /**
     * Whether cutting at {@code cut} splits no user-perceived character as the rules count them: Java's {@code \X}
     * splits some clusters the rules keep whole (Indic conjuncts, marks newer than Java 17), which then count twice.
     */
    private static boolean splitsNothing(String text, int cut, int whole, TextRules rules) {
        if (cut >= text.length() || (text.charAt(cut) < 0x300 && text.charAt(cut - 1) < 0x300)) {
            return true;
        }
        return rules.length(text.substring(0, cut)) + rules.length(text.substring(cut)) == whole;
    }

    private static List<int[]> linkSpans(String text, TextRules rules) {
        List<int[]> spans = new ArrayList<>();
        int at = 0;
        for (Segment segment : rules.segment(text, handle -> false)) {
            int end = at + segment.text().length();
            if (segment instanceof Segment.Link) {
                spans.add(new int[] {at, end});
            }
            at = end;
        }
        return spans;
    }
}
