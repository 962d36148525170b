package org.chorusfeed.blogs;

import java.text.Normalizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reduces entry HTML to plain text with jsoup (DESIGN rule 9) and cleans any text so that it can stand in a post:
 * one line, NFC, without control characters, explicit bidirectional controls or unpaired surrogates.
 */
final class PlainText {
    /** Elements whose content is never text a reader sees. */
    private static final String NOT_TEXT = "script, style, noscript, template, iframe, object, embed, svg, math, "
            + "textarea, select, noembed, noframes, head, title";
    /**
     * The most characters of one entry's HTML or text read: an excerpt needs only the beginning, and this bounds the
     * work a hostile entry (megabytes of markup, or elements nested a million deep) can cause.
     */
    static final int MAX_INPUT = 512 * 1024;
    /** Ends text that was cut at {@link #MAX_INPUT}, so that the cut is never silent. */
    private static final String CUT = " …";

    private PlainText() {
    }

    /** The text of {@code value}: reduced from HTML when {@code html}, else taken as text; then cleaned. */
    static String of(String value, boolean html) {
        if (value.length() <= MAX_INPUT) {
            return html ? fromHtml(value) : clean(value);
        }
        int end = MAX_INPUT;
        if (html) {
            int tag = value.lastIndexOf('<', end);
            end = tag > 0 ? tag : end;                    // cut before a tag, not inside one
        } else if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        String beginning = value.substring(0, end);
        String text = html ? fromHtml(beginning) : clean(beginning);
        return text.isEmpty() ? "" : text + CUT;
    }

    /** The text a reader would see in {@code html}, without any markup, scripts or styles. */
    static String fromHtml(String html) {
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return clean(html);
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.select(NOT_TEXT).remove();
        return clean(document.body().text());
    }

    /** One line of NFC text: whitespace runs become one space; control, bidi-control and lone surrogate characters go. */
    static String clean(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder(normalised.length());
        boolean space = false;
        for (int i = 0; i < normalised.length(); ) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = clean.length() > 0;
            } else if (Character.getType(c) != Character.CONTROL && Character.getType(c) != Character.SURROGATE
                    && !isBidiControl(c)) {
                if (space) {
                    clean.append(' ');
                    space = false;
                }
                clean.appendCodePoint(c);
            }
        }
        return clean.toString();
    }

    /** Whether {@code text} shows anything: it has a character that is not a space or a format character (ZWSP, ...). */
    static boolean isVisible(String text) {
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT);
    }

    private static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
