package org.chorusfeed.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chorusfeed.outside.FetchResult;
import org.chorusfeed.post.LinkPreview;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a page says about itself with jsoup: OpenGraph first, then the Twitter card, then {@code <title>} and
 * {@code <meta name="description">}. Every value becomes one line of plain text (any markup in it reduced to its
 * text), capped at the lengths {@link LinkPreview} allows.
 */
public final class PreviewPages {
    private static final String ELLIPSIS = "…";
    private static final List<String> IMAGE_KEYS = List.of("og:image:secure_url", "og:image:url", "og:image",
            "twitter:image", "twitter:image:src");

    private PreviewPages() {
    }

    /**
     * What a page shows.
     *
     * @param preview the preview, without an image yet
     * @param image   where the page's image is, resolved against the page, if it names an http or https one
     */
    public record Card(LinkPreview preview, Optional<URI> image) {
    }

    /** The card of a fetched page; empty when the page names no title. */
    public static Optional<Card> read(FetchResult page) {
        return read(page.bodyStream(), page.charset().orElse(null), page.url());
    }

    /**
     * The card of a page's bytes, fetched from {@code url} (after redirects), in {@code charset} when the server
     * named one (else as the page declares, or UTF-8); empty when the page names no title.
     */
    public static Optional<Card> read(InputStream body, @Nullable String charset, URI url) {
        Document document;
        try {
            document = Jsoup.parse(body, charset, url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = text(first(document, "og:title", "twitter:title"), LinkPreview.MAX_TITLE);
        if (title.isEmpty()) {
            Element element = document.selectFirst("head title, title");
            title = element == null ? "" : text(element.text(), LinkPreview.MAX_TITLE);
        }
        if (title.isEmpty()) {
            return Optional.empty();
        }
        String description = text(first(document, "og:description", "twitter:description", "description"),
                LinkPreview.MAX_DESCRIPTION);
        String siteName = text(first(document, "og:site_name"), LinkPreview.MAX_SITE_NAME);
        if (siteName.isEmpty()) {
            siteName = text(siteOf(url), LinkPreview.MAX_SITE_NAME);
        }
        LinkPreview preview = new LinkPreview(url, title, description, siteName, Optional.empty());
        return Optional.of(new Card(preview, image(document)));
    }

    /** The content of the first meta element with one of these {@code property} or {@code name} values. */
    private static String first(Document document, String... keys) {
        for (String key : keys) {
            for (Element meta : metas(document, key)) {
                if (!meta.attr("content").isBlank()) {
                    return meta.attr("content");
                }
            }
        }
        return "";
    }

    private static Optional<URI> image(Document document) {
        for (String key : IMAGE_KEYS) {
            for (Element meta : metas(document, key)) {
                Optional<URI> url = webUrl(meta.absUrl("content"));
                if (url.isPresent()) {
                    return url;
                }
            }
        }
        return Optional.empty();
    }

    /** The meta elements with content whose {@code property} or {@code name} is {@code key}, in document order. */
    private static List<Element> metas(Document document, String key) {
        List<Element> found = new ArrayList<>();
        for (Element meta : document.select("meta[content]")) {
            if (key.equalsIgnoreCase(meta.attr("property")) || key.equalsIgnoreCase(meta.attr("name"))) {
                found.add(meta);
            }
        }
        return found;
    }

    private static Optional<URI> webUrl(@Nullable String url) {
        if (url == null || url.isEmpty() || url.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String siteOf(URI url) {
        String host = url.getHost() == null ? "" : url.getHost();
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /**
     * One line of plain text: markup reduced to its text, NFC, whitespace runs as one space, without control,
     * bidirectional-control or lone surrogate characters; cut to {@code max} code points with an ellipsis.
     */
    static String text(String value, int max) {
        String text = value.indexOf('<') >= 0 || value.indexOf('&') >= 0
                ? Jsoup.parseBodyFragment(value).body().text() : value;
        StringBuilder line = new StringBuilder();
        boolean pendingSpace = false;
        for (int c : Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().toArray()) {
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = line.length() > 0;
            } else if (type != Character.CONTROL && type != Character.SURROGATE && !isBidiControl(c)) {
                line.append(pendingSpace ? " " : "").appendCodePoint(c);
                pendingSpace = false;
            }
        }
        String clean = line.toString();
        if (clean.codePointCount(0, clean.length()) <= max) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, max - 1)).stripTrailing() + ELLIPSIS;
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
