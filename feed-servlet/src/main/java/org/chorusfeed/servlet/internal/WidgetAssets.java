package org.chorusfeed.servlet.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The widget's files from the feed-widget-js jar ({@code META-INF/resources/chorus/}), read once with what
 * serving them needs: a strong entity tag, a version for {@code ?v=} URLs, the SRI hash and a gzipped copy. The
 * file list comes from {@code widget-manifest.json}, which is served too.
 */
public final class WidgetAssets {
    /** Where the files are on the class path. */
    public static final String LOCATION = "META-INF/resources/chorus/";
    /** The manifest's name. */
    public static final String MANIFEST = "widget-manifest.json";
    /** The widget's main file. */
    public static final String WIDGET = "widget.js";

    private final Map<String, Asset> assets;

    /**
     * One file.
     *
     * @param name        its name, as in the URL
     * @param contentType its media type
     * @param body        its bytes
     * @param gzip        its bytes gzipped, or null when gzip does not make it smaller
     * @param etag        its strong entity tag
     * @param version     a short hash of its bytes, for {@code ?v=} URLs that may be cached for ever
     * @param integrity   its Subresource Integrity value, {@code sha384-...}
     */
    public record Asset(String name, String contentType, byte[] body, byte @Nullable [] gzip, String etag,
            String version, String integrity) {
    }

    private WidgetAssets(Map<String, Asset> assets) {
        this.assets = Map.copyOf(assets);
    }

    /** The widget's files found by this class loader; none when feed-widget-js is not on the class path. */
    public static WidgetAssets load(@Nullable ClassLoader loader) {
        ClassLoader classLoader = loader != null ? loader : WidgetAssets.class.getClassLoader();
        byte[] manifest = read(classLoader, MANIFEST);
        Map<String, Asset> assets = new LinkedHashMap<>();
        if (manifest == null) {
            return new WidgetAssets(assets);
        }
        JsonNode files = Representations.MAPPER.readTree(manifest).path("files");
        for (Map.Entry<String, JsonNode> file : files.properties()) {
            String name = file.getKey();
            if (!isSafeName(name)) {
                continue;
            }
            byte[] body = read(classLoader, name);
            if (body != null) {
                assets.put(name, asset(name, body));
            }
        }
        assets.put(MANIFEST, asset(MANIFEST, manifest));
        return new WidgetAssets(assets);
    }

    /** The file with this name. */
    public Optional<Asset> get(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /** Whether a file with this name is served. */
    public boolean contains(String name) {
        return assets.containsKey(name);
    }

    /** The names of every file served. */
    public java.util.Set<String> names() {
        return assets.keySet();
    }

    /** The widget's main file; an {@link IllegalStateException} when feed-widget-js is missing. */
    public Asset widget() {
        Asset widget = assets.get(WIDGET);
        if (widget == null) {
            throw new IllegalStateException("widget.js is not on the class path; add the org.chorusfeed:feed-widget-js "
                    + "jar next to feed-servlet");
        }
        return widget;
    }

    static Asset asset(String name, byte[] body) {
        byte[] sha384 = digest("SHA-384", body);
        String integrity = "sha384-" + Base64.getEncoder().encodeToString(sha384);
        String version = Base64.getUrlEncoder().withoutPadding().encodeToString(sha384).substring(0, 16);
        byte[] gzip = gzip(body);
        return new Asset(name, contentType(name), body, gzip.length < body.length ? gzip : null, "\"" + version + "\"",
                version, integrity);
    }

    private static String contentType(String name) {
        if (name.endsWith(".js") || name.endsWith(".mjs")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".json") || name.endsWith(".map")) {
            return "application/json";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "application/octet-stream";
    }

    private static boolean isSafeName(String name) {
        return !name.isEmpty() && name.length() <= 100 && name.chars().allMatch(
                c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                        || c == '.') && !name.startsWith(".");
    }

    private static byte @Nullable [] read(ClassLoader loader, String name) {
        URL url = loader.getResource(LOCATION + name);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + LOCATION + name + " failed", e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] digest(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
    }
}
