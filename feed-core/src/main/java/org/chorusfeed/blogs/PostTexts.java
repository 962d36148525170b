package org.chorusfeed.blogs;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.chorusfeed.text.Segment;
import org.chorusfeed.text.TextRules;

/** Builds an imported entry's post text, "Title — excerpt… link", within the text rules. */
final class PostTexts {
    static final String DASH = " — ";
    /** What the rules' link finder leaves off the end of a link; such an ending is percent-encoded instead. */
    private static final String TRIMMED_ENDINGS = ".,;:!?'\")]}";

    private PostTexts() {
    }

    /**
     * The post text: the excerpt shortened first, then the title, and when not even a shortened title fits, "…" and
     * the link; the link is never cut and text is never dropped without a "…".
     */
    static String compose(String title, String excerpt, Optional<URI> link, TextRules rules) {
        String linkText = link.map(PostTexts::linkText).orElse("");
        Predicate<String> fits = text -> rules.length(text) <= rules.maxLength();
        String full = join(title, excerpt, linkText);
        if (fits.test(full)) {
            return full;
        }
        if (!excerpt.isEmpty()) {
            String shorter = Excerpts.fit(excerpt, false, candidate -> fits.test(join(title, candidate, linkText)), rules);
            if (!shorter.isEmpty()) {
                return join(title, shorter, linkText);
            }
        }
        if (!title.isEmpty()) {
            String shorter = Excerpts.fit(title, false, candidate -> fits.test(join(candidate, "", linkText)), rules);
            if (!shorter.isEmpty()) {
                return join(shorter, "", linkText);
            }
        }
        String marked = join(Excerpts.ELLIPSIS, "", linkText);        // nothing fits: say so, and keep the link
        if (fits.test(marked)) {
            return marked;
        }
        throw new IllegalArgumentException("the rules allow " + rules.maxLength() + " characters, too few for this "
                + "entry: \"… \" and its link count as " + rules.length(marked));
    }

    private static String join(String title, String excerpt, String link) {
        StringBuilder text = new StringBuilder(title);
        if (!excerpt.isEmpty()) {
            text.append(text.length() == 0 ? "" : DASH).append(excerpt);
        }
        if (!link.isEmpty()) {
            text.append(text.length() == 0 ? "" : " ").append(link);
        }
        return text.toString();
    }

    /**
     * The link as the post shows it: ASCII, and with a last character that the rules' link finder would leave off
     * (a full stop, a closing bracket) percent-encoded, so that the whole link is the link.
     */
    static String linkText(URI link) {
        String text = link.toASCIIString();
        while (!text.isEmpty() && TRIMMED_ENDINGS.indexOf(text.charAt(text.length() - 1)) >= 0
                && !isOneLink(text)) {
            char last = text.charAt(text.length() - 1);
            text = text.substring(0, text.length() - 1) + "%" + String.format("%02X", (int) last);
        }
        return text;
    }

    private static boolean isOneLink(String text) {
        List<Segment> segments = TextRules.defaults().segment(text, handle -> false);
        return segments.size() == 1 && segments.get(0) instanceof Segment.Link;
    }
}
