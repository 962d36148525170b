package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WidgetAssetsTest {
    @Test
    void load_readsEveryFileOfTheManifest_withIntegrityMatchingTheManifest() throws Exception {
        WidgetAssets assets = WidgetAssets.load(null);
        assertThat(assets.names()).contains("widget.js", "widget-manifest.json");
        JsonNode manifest = Representations.MAPPER.readTree(assets.get("widget-manifest.json").orElseThrow().body());
        for (var file : manifest.path("files").properties()) {
            WidgetAssets.Asset asset = assets.get(file.getKey()).orElseThrow();
            assertThat(asset.integrity()).isEqualTo(file.getValue().path("integrity").asString());
            assertThat(asset.integrity()).isEqualTo("sha384-"
                    + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(asset.body())));
            assertThat(asset.contentType()).isEqualTo("text/javascript; charset=utf-8");
            assertThat(asset.etag()).isEqualTo("\"" + asset.version() + "\"");
            if (asset.gzip() != null) {
                assertThat(new GZIPInputStream(new ByteArrayInputStream(asset.gzip())).readAllBytes())
                        .isEqualTo(asset.body());
            }
        }
    }

    @Test
    void withoutTheWidgetJar_nothingIsServed_andAskingForItSaysWhatIsMissing() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            WidgetAssets assets = WidgetAssets.load(empty);
            assertThat(assets.names()).isEmpty();
            assertThatThrownBy(assets::widget).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("feed-widget-js");
        }
    }

    @Test
    void acceptEncoding_gzipUnlessRefused() {
        assertThat(DocumentRoutes.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(DocumentRoutes.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(DocumentRoutes.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(DocumentRoutes.acceptsGzip("identity")).isFalse();
        assertThat(DocumentRoutes.acceptsGzip(null)).isFalse();
    }
}
