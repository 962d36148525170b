package org.chorusfeed.samples.hub.seed;

/**
 * A hand-written sentence in one language. {@code {peer}} stands for another member's handle and {@code {link}}
 * for one of the author's organisation's links; the seeder fills both in.
 *
 * @param lang   its language
 * @param text   the sentence
 * @param notice whether it is a practical notice (a room, a rule, opening hours) rather than news of one's work,
 *               which decides the replies that fit it
 */
record Line(Lang lang, String text, boolean notice) {
    static Line en(String text) {
        return new Line(Lang.EN, text, false);
    }

    static Line de(String text) {
        return new Line(Lang.DE, text, false);
    }

    /** The same sentence, marked as a practical notice. */
    Line asNotice() {
        return new Line(lang, text, true);
    }
}
