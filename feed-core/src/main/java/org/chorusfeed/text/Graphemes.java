package org.chorusfeed.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts user-perceived characters (extended grapheme clusters, UAX #29) the way browsers'
 * {@code Intl.Segmenter(undefined, {granularity: "grapheme"})} does, so the widget and the server agree.
 *
 * <p>Java 17's {@code \X} already keeps emoji ZWJ sequences, flags, skin tones, keycaps, combining marks
 * and Hangul syllables together ({@link java.text.BreakIterator} does not). Two joins are added on top:
 * rule GB9c (Indic conjuncts such as क्ष, Unicode 15.1) and rule GB9 for combining marks assigned after
 * Unicode 13, which Java 17 does not know. Both joins never fire where {@code \X} already joined, so the
 * count stays right on later JDKs whose {@code \X} knows them.
 */
final class Graphemes {
    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {
    }

    /** The number of user-perceived characters in {@code text[from, to)}. */
    static int count(CharSequence text, int from, int to) {
        if (from >= to) {
            return 0;
        }
        Matcher clusters = CLUSTER.matcher(text).region(from, to);
        int count = 0;
        while (clusters.find()) {
            if (clusters.start() == from || !joinsPrevious(text, from, clusters.start())) {
                count++;
            }
        }
        return count;
    }

    /** Whether the cluster {@code \X} starts at {@code at} belongs to the one before it after all. */
    private static boolean joinsPrevious(CharSequence text, int from, int at) {
        int previous = Character.codePointBefore(text, at);
        if (previous == '\n' || previous == '\r' || Character.getType(previous) == Character.CONTROL) {
            return false; // GB4: nothing attaches to a line break or control character
        }
        int next = Character.codePointAt(text, at);
        if (IndicConjunctBreak.isExtend(next) || IndicConjunctBreak.isLinker(next)) {
            return true; // GB9: a mark Java 17 does not know yet
        }
        return IndicConjunctBreak.isConsonant(next) && endsWithConsonantAndLinker(text, from, at);
    }

    /** GB9c: whether {@code text[from, at)} ends with Consonant [Extend|Linker]* Linker [Extend|Linker]*. */
    private static boolean endsWithConsonantAndLinker(CharSequence text, int from, int at) {
        boolean linker = false;
        int i = at;
        while (i > from) {
            int c = Character.codePointBefore(text, i);
            if (IndicConjunctBreak.isLinker(c)) {
                linker = true;
            } else if (!IndicConjunctBreak.isExtend(c)) {
                return linker && IndicConjunctBreak.isConsonant(c);
            }
            i -= Character.charCount(c);
        }
        return false;
    }
}
