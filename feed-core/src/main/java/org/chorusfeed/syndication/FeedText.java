package org.chorusfeed.syndication;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text made fit for every feed format: only characters XML 1.0 allows, line breaks as {@code \n}. */
final class FeedText {
    /** Longest entry title made from a post's text, in user-perceived characters. */
    static final int MAX_TITLE_LENGTH = 80;

    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private FeedText() {
    }

    /**
     * Drops what XML 1.0 forbids (C0 controls other than tab and line breaks, U+FFFE, U+FFFF, unpaired
     * surrogates) and turns CR LF and lone CR into LF, which an XML parser would do anyway. JSON Feed gets
     * the same text, so every format says the same thing.
     */
    static String clean(String text) {
        if (isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r') {
                out.append('\n');
                if (i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
            } else if (isXmlChar(c)) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /**
     * A title from the first line of the {@linkplain #clean cleaned} text that is not blank, cut to
     * {@value #MAX_TITLE_LENGTH} user-perceived characters with an ellipsis when longer; empty when every
     * line is blank.
     */
    static String title(String text) {
        String line = LINE_BREAK.splitAsStream(clean(text)).map(String::strip).filter(l -> !l.isEmpty())
                .findFirst().orElse("");
        Matcher graphemes = GRAPHEME.matcher(line);
        int count = 0;
        int cut = 0;
        while (graphemes.find()) {
            count++;
            if (count == MAX_TITLE_LENGTH - 1) {
                cut = graphemes.end();
            } else if (count > MAX_TITLE_LENGTH) {
                return line.substring(0, cut).stripTrailing() + "…";
            }
        }
        return line;
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (c == '\r' || c < 0x20 && c != '\t' && c != '\n' || c >= 0xFFFE || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isXmlChar(int c) {
        return c == '\t' || c == '\n' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000;
    }
}
