package org.chorusfeed.outside;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to fetch: a URL, the content types the caller will read, optional validators for a conditional GET, and
 * optionally a size cap other than the fetcher's default.
 *
 * <pre>{@code
 * FetchRequest first = FetchRequest.feed("https://blog.example/feed/");            // 5 MiB, feed types
 * FetchResult result = fetcher.fetch(first);
 * FetchRequest next = FetchRequest.feed("https://blog.example/feed/").conditionalOn(result);
 * }</pre>
 *
 * @param url             the URL as written; the {@link SafeFetcher} checks it
 * @param acceptedTypes   the media types ({@code type/subtype}, lower-case) the caller reads; others are refused
 * @param ifNoneMatch     an entity tag from an earlier response, sent as {@code If-None-Match}
 * @param ifModifiedSince a {@code Last-Modified} value from an earlier response, sent as {@code If-Modified-Since}
 * @param maxBytes        the most body bytes to read, as sent and once decoded; empty for the fetcher's default
 */
public record FetchRequest(String url, Set<String> acceptedTypes, Optional<String> ifNoneMatch,
        Optional<String> ifModifiedSince, OptionalLong maxBytes) {

    /** Blog feeds: RSS, Atom, RDF, plain XML, JSON Feed, and HTML pages (h-feed, or links to the feed). */
    public static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/rdf+xml", "application/xml", "text/xml", "application/feed+json", "application/json",
            "text/html", "application/xhtml+xml");
    /** Web pages, for link previews. */
    public static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml");
    /** Images Chorus serves again from the hub's origin: PNG, JPEG, GIF and WebP. */
    public static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    /** The size cap {@link #feed} sets: 5 MiB. */
    public static final long FEED_MAX_BYTES = 5L << 20;
    /** The largest size cap a request may set: 64 MiB. */
    public static final long LIMIT_MAX_BYTES = 64L << 20;

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7e]{1,1024}");

    /** Checks every part; validators must be printable ASCII so they cannot add headers. */
    public FetchRequest {
        Objects.requireNonNull(url, "url");
        acceptedTypes = checkTypes(acceptedTypes);
        Objects.requireNonNull(ifNoneMatch, "ifNoneMatch").ifPresent(value -> requireHeaderValue("ifNoneMatch", value));
        Objects.requireNonNull(ifModifiedSince, "ifModifiedSince")
                .ifPresent(value -> requireHeaderValue("ifModifiedSince", value));
        Objects.requireNonNull(maxBytes, "maxBytes").ifPresent(FetchRequest::requireMaxBytes);
    }

    /** A plain GET of {@code url} that reads only {@code acceptedTypes}. */
    public static FetchRequest of(String url, Set<String> acceptedTypes) {
        return new FetchRequest(url, acceptedTypes, Optional.empty(), Optional.empty(), OptionalLong.empty());
    }

    /** A blog feed or the page that names it, up to {@link #FEED_MAX_BYTES}. */
    public static FetchRequest feed(String url) {
        return of(url, FEED_TYPES).withMaxBytes(FEED_MAX_BYTES);
    }

    /** A web page for a link preview, up to the fetcher's default size. */
    public static FetchRequest page(String url) {
        return of(url, PAGE_TYPES);
    }

    /** A preview image, up to the fetcher's default size. */
    public static FetchRequest image(String url) {
        return of(url, IMAGE_TYPES);
    }

    /** This request, sending {@code If-None-Match} with the given entity tag. */
    public FetchRequest withIfNoneMatch(String entityTag) {
        return new FetchRequest(url, acceptedTypes, Optional.of(entityTag), ifModifiedSince, maxBytes);
    }

    /** This request, sending {@code If-Modified-Since} with the given HTTP date (as the server sent it). */
    public FetchRequest withIfModifiedSince(String httpDate) {
        return new FetchRequest(url, acceptedTypes, ifNoneMatch, Optional.of(httpDate), maxBytes);
    }

    /** This request, sending the {@code ETag} and {@code Last-Modified} an earlier result carried, if any. */
    public FetchRequest conditionalOn(FetchResult earlier) {
        Objects.requireNonNull(earlier, "earlier");
        return new FetchRequest(url, acceptedTypes, earlier.etag(), earlier.lastModified(), maxBytes);
    }

    /** This request, reading at most {@code bytes} body bytes (1 to {@link #LIMIT_MAX_BYTES}). */
    public FetchRequest withMaxBytes(long bytes) {
        return new FetchRequest(url, acceptedTypes, ifNoneMatch, ifModifiedSince, OptionalLong.of(bytes));
    }

    /** Whether a {@code 304 Not Modified} answer is expected: some validator is sent. */
    public boolean isConditional() {
        return ifNoneMatch.isPresent() || ifModifiedSince.isPresent();
    }

    private static Set<String> checkTypes(Set<String> types) {
        Objects.requireNonNull(types, "acceptedTypes");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("acceptedTypes is empty; name at least one type/subtype");
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String type : types) {
            String lower = Objects.requireNonNull(type, "acceptedTypes element").strip().toLowerCase(Locale.ROOT);
            if (!MEDIA_TYPE.matcher(lower).matches()) {
                throw new IllegalArgumentException("acceptedTypes contains \"" + type
                        + "\"; each must be a media type such as text/html, without parameters or wildcards");
            }
            checked.add(lower);
        }
        return Set.copyOf(checked);
    }

    private static void requireHeaderValue(String name, String value) {
        if (!HEADER_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 1 to 1024 printable ASCII characters (no line breaks)");
        }
    }

    private static void requireMaxBytes(long bytes) {
        if (bytes < 1 || bytes > LIMIT_MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes is " + bytes + "; it must be between 1 and " + LIMIT_MAX_BYTES);
        }
    }
}
