package org.chorusfeed.servlet.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The widget's files ({@code GET /widget.js} and the others of feed-widget-js) and the API's description
 * ({@code GET /openapi.json}). Both are open to everyone, with {@code Access-Control-Allow-Origin: *}.
 */
final class DocumentRoutes {
    /** A year: how long a versioned file may be cached. */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Five minutes: how long an unversioned name may be used before asking again. */
    private static final String SHORT = "public, max-age=300";

    private final WidgetAssets widget;
    private final ObjectNode openApi;
    private final Map<String, WidgetAssets.Asset> openApiByBase = new ConcurrentHashMap<>();

    DocumentRoutes(WidgetAssets widget) {
        this.widget = widget;
        this.openApi = (ObjectNode) Representations.MAPPER.readTree(openApiResource());
    }

    void addTo(RouteTable.Builder table) {
        table.constrain("file", widget::contains)
                .add("GET", "/openapi.json", Access.OPEN, this::openApi)
                .add("GET", "/{file}", Access.OPEN, this::file);
    }

    private void file(Exchange x) throws IOException {
        WidgetAssets.Asset asset = widget.get(x.parameter("file")).orElseThrow();
        boolean versioned = x.query("v").filter(asset.version()::equals).isPresent();
        send(x, asset, versioned ? IMMUTABLE : SHORT);
    }

    private void openApi(Exchange x) throws IOException {
        String base = Mount.basePath(x.request());
        // One document per mount path (a servlet has one or two), with the mount as its server.
        WidgetAssets.Asset document = openApiByBase.size() < 16
                ? openApiByBase.computeIfAbsent(base, this::openApiFor)
                : openApiFor(base);
        send(x, document, "public, max-age=300");
    }

    private WidgetAssets.Asset openApiFor(String base) {
        ObjectNode document = openApi.deepCopy();
        document.putArray("servers").addObject().put("url", base.isEmpty() ? "/" : base);
        return WidgetAssets.asset("openapi.json", Representations.MAPPER.writeValueAsBytes(document));
    }

    private static void send(Exchange x, WidgetAssets.Asset asset, String cacheControl) throws IOException {
        var response = x.response();
        boolean gzip = asset.gzip() != null && acceptsGzip(x.request().getHeader("Accept-Encoding"));
        // Access-Control-Allow-Origin: * and nosniff come with every open route's answer.
        response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
        if (asset.gzip() != null) {
            response.setHeader("Vary", "Accept-Encoding");
        }
        String etag = gzip ? asset.etag().substring(0, asset.etag().length() - 1) + "-gzip\"" : asset.etag();
        if (ETags.matches(x.request().getHeader("If-None-Match"), etag)) {
            response.setHeader("ETag", etag);
            response.setHeader("Cache-Control", cacheControl);
            response.setStatus(304);
            return;
        }
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        x.sendTagged(asset.contentType(), gzip ? asset.gzip() : asset.body(), etag, cacheControl);
    }

    /** Whether {@code Accept-Encoding} accepts gzip with a q-value above zero. */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim();
            if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
                for (int i = 1; i < pieces.length; i++) {
                    String parameter = pieces[i].trim();
                    if (parameter.startsWith("q=") && parameter.substring(2).trim().matches("0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static byte[] openApiResource() {
        try (InputStream in = DocumentRoutes.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the feed-servlet jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
