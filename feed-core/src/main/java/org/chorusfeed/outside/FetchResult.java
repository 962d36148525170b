package org.chorusfeed.outside;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful fetch: a {@code 200} with a body of an accepted type, or a {@code 304 Not Modified} answer to a
 * conditional request. Immutable; {@link #body()} hands out a copy.
 */
public final class FetchResult {
    private final URI url;
    private final int status;
    private final Optional<String> contentType;
    private final byte[] body;
    private final Optional<String> etag;
    private final Optional<String> lastModified;

    FetchResult(URI url, int status, Optional<String> contentType, byte[] body, Optional<String> etag,
            Optional<String> lastModified) {
        this.url = Objects.requireNonNull(url, "url");
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.etag = etag;
        this.lastModified = lastModified;
    }

    /** The URL the body came from, after redirects; relative links in the body resolve against it. */
    public URI url() {
        return url;
    }

    /** The HTTP status: 200 (or 203) with a body, or 304 when nothing changed since the validators sent. */
    public int status() {
        return status;
    }

    /** Whether the server said nothing changed since the conditional request's validators ({@code 304}). */
    public boolean notModified() {
        return status == 304;
    }

    /** The {@code Content-Type} header as sent, parameters included; empty for a 304. */
    public Optional<String> contentType() {
        return contentType;
    }

    /** The media type alone, lower-case, such as {@code application/rss+xml}; empty for a 304. */
    public Optional<String> mediaType() {
        return contentType.map(MediaTypes::mediaType);
    }

    /** The {@code charset} parameter of the content type, when the server named one. */
    public Optional<String> charset() {
        return contentType.flatMap(MediaTypes::charset);
    }

    /** A copy of the body, decoded from any gzip transfer; empty for a 304. */
    public byte[] body() {
        return body.clone();
    }

    /** The body as a stream, without copying it. */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /** The body's length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** The body as text in the declared charset, or UTF-8 when none (or an unknown one) is declared. */
    public String text() {
        Charset charset = charset().flatMap(FetchResult::charsetNamed).orElse(StandardCharsets.UTF_8);
        return new String(body, charset);
    }

    /** The {@code ETag} header, to send back as {@code If-None-Match}. */
    public Optional<String> etag() {
        return etag;
    }

    /** The {@code Last-Modified} header as sent, to send back as {@code If-Modified-Since}. */
    public Optional<String> lastModified() {
        return lastModified;
    }

    /** Status, URL, type and size, for logs. */
    @Override
    public String toString() {
        return "FetchResult[" + status + " " + url + " " + mediaType().orElse("-") + " " + body.length + " bytes]";
    }

    private static Optional<Charset> charsetNamed(String name) {
        try {
            return Optional.of(Charset.forName(name.toLowerCase(Locale.ROOT)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
