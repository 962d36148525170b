package org.chorusfeed.text;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.quicktheories.core.Gen;

/** Random post text built from pieces that tend to break text rules: schemes, marks, emoji, brackets, line breaks. */
public final class NastyText {
    /** The handles that count as members in property tests. */
    public static final Predicate<String> MEMBERS = Set.of("ann", "bob", "ada-lovelace", "x_1")::contains;

    private static final List<String> ALLOWED = List.of(
            "a", "Z", "9", "ä", "ł", "ß", "é", "日本", "ق", "ש", "_", "-", "Ann", "bob", "ada-lovelace",
            "@ann", " @Bob", "@x_1", "#Tag", " #Łódź", "https://example.org/a_(b)",
            "@", "#", ":", "/", ".", ",", "!", "?", "'", "\"", "(", ")", "[", "]", "{", "}", "<", ">", "&#",
            " ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\u00A0", "\u2028",
            "http://", "https://", "HTTPS://", "www.", "example.org", "javascript:", "data:", "ftp://", "?q=1&r=2",
            "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66", "\uD83C\uDDE9\uD83C\uDDEA",
            "\uD83D\uDC4B\uD83C\uDFFD", "1\uFE0F\u20E3", "\u2764\uFE0F",
            "\u0301", "\u0323", "\u200D", "\u200C", "\uFE0F", "\u200E", "\u200B", "\uFEFF",
            "\u0915", "\u094D", "\u0937", "\u093C", "\uD83D");

    /** Pieces every one of which makes the text refused. */
    private static final List<String> REFUSED = List.of(
            "\t", "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u202E", "\u2066", "\u202A", "\u2069");

    private NastyText() {
    }

    /** Strings of 0 to 150 pieces; about half of them hold a piece that is never allowed. */
    public static Gen<String> strings() {
        Gen<String> piece = arbitrary().pick(ALLOWED).mix(arbitrary().pick(REFUSED), 1);
        return lists().of(piece).ofSizeBetween(0, 150)
                .map(pieces -> String.join("", pieces))
                .describedAs(NastyText::escaped);
    }

    /** The string as a Java literal, so a failing example can be pasted into a test. */
    public static String escaped(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
