package org.chorusfeed.outside;

/** Shows URLs in messages without letting them forge log lines or flood a log. */
final class Urls {
    private static final int SHOWN = 200;

    private Urls() {
    }

    /** The URL with control characters escaped, cut to 200 characters with a marker when longer. */
    static String display(String url) {
        StringBuilder shown = new StringBuilder(Math.min(url.length(), SHOWN) + 8);
        for (int i = 0; i < url.length() && shown.length() < SHOWN; i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        if (shown.length() >= SHOWN && url.length() > SHOWN) {
            shown.append("…");
        }
        return shown.toString();
    }
}
