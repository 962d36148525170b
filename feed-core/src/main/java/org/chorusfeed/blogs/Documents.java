package org.chorusfeed.blogs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Tells what a fetched document is from its first bytes (servers label feeds {@code text/html} and pages
 * {@code text/xml} often enough), and parses XML and HTML with jsoup in the right encoding.
 */
final class Documents {
    private static final int SNIFF_CHARS = 4096;
    private static final Pattern FIRST_ELEMENT = Pattern.compile("<([A-Za-z][A-Za-z0-9._:-]*)");
    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=", Pattern.CASE_INSENSITIVE);

    /** What a document is. */
    enum Kind { XML, JSON, HTML }

    private Documents() {
    }

    /** What {@code body} is: JSON if it starts with a brace, HTML if its first element is {@code html}, else XML. */
    static Kind sniff(byte[] body, String mediaType) throws FeedFormatException {
        String start = prefix(body).stripLeading();
        if (start.isEmpty()) {
            throw new FeedFormatException("the document is empty");
        }
        char first = start.charAt(0);
        if (first == '{' || first == '[') {
            return Kind.JSON;
        }
        if (first != '<') {
            throw new FeedFormatException("the document is not a feed: it is neither XML, JSON nor HTML");
        }
        String lower = start.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html")) {
            return Kind.HTML;
        }
        Optional<String> element = firstElement(lower);
        if (element.isPresent()) {
            return element.get().equals("html") ? Kind.HTML : Kind.XML;
        }
        return mediaType.contains("html") ? Kind.HTML : Kind.XML;
    }

    /** The XML document, in the encoding its byte order mark or declaration names, else the header's, else UTF-8. */
    static Document xml(byte[] body, Optional<String> headerCharset, URI url) {
        boolean declared = hasByteOrderMark(body) || XML_ENCODING.matcher(prefix(body)).find();
        return parse(body, declared ? null : known(headerCharset), url, Parser.xmlParser());
    }

    /** The HTML document, in the header's encoding, else the one its byte order mark or meta names, else UTF-8. */
    static Document html(byte[] body, Optional<String> headerCharset, URI url) {
        return parse(body, hasByteOrderMark(body) ? null : known(headerCharset), url, Parser.htmlParser());
    }

    private static Document parse(byte[] body, @Nullable String charset, URI url, Parser parser) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset, url.toString(), parser);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes in memory cannot fail", e);
        }
    }

    private static @Nullable String known(Optional<String> charset) {
        try {
            return charset.filter(Charset::isSupported).orElse(null);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** The first element's name after declarations, comments and a doctype (internal subset included), if in sight. */
    private static Optional<String> firstElement(String lower) {
        int at = 0;
        while (at < lower.length()) {
            int open = lower.indexOf('<', at);
            if (open < 0) {
                return Optional.empty();
            }
            if (lower.startsWith("<?", open)) {
                at = skipPast(lower, open, "?>");
            } else if (lower.startsWith("<!--", open)) {
                at = skipPast(lower, open, "-->");
            } else if (lower.startsWith("<!doctype", open)) {
                int bracket = lower.indexOf('[', open);
                int close = lower.indexOf('>', open);
                at = bracket >= 0 && (close < 0 || bracket < close) ? skipPast(lower, open, "]>") : skipPast(lower, open, ">");
            } else {
                Matcher name = FIRST_ELEMENT.matcher(lower).region(open, lower.length());
                return name.lookingAt() ? Optional.of(name.group(1)) : Optional.empty();
            }
            if (at < 0) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static int skipPast(String text, int from, String end) {
        int found = text.indexOf(end, from);
        return found < 0 ? -1 : found + end.length();
    }

    /** The first characters of the body, decoded well enough to read markup: UTF-16 by its mark, else byte for byte. */
    private static String prefix(byte[] body) {
        int length = Math.min(body.length, SNIFF_CHARS);
        if (body.length >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
            return new String(body, 2, length - 2, StandardCharsets.UTF_16BE);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
            return new String(body, 2, length - 2, StandardCharsets.UTF_16LE);
        }
        int skip = body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf ? 3 : 0;
        return new String(body, skip, length - skip, StandardCharsets.ISO_8859_1);
    }

    private static boolean hasByteOrderMark(byte[] body) {
        return body.length >= 2 && ((body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff
                || (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe
                || body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf);
    }
}
