package org.chorusfeed.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.chorusfeed.Chorus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChorusServletConfigTest {
    private final Chorus chorus = Chorus.builder().inMemory().build();

    @AfterEach
    void close() {
        chorus.close();
    }

    @Test
    void defaults_areTheDocumentedOnes() {
        ChorusServletConfig config = ChorusServletConfig.builder(chorus).build();
        assertThat(config.publicReads()).isTrue();
        assertThat(config.allowedOrigins()).isEmpty();
        assertThat(config.writesPerMinutePerMember()).isEqualTo(30);
        assertThat(config.writesPerMinutePerAddress()).isEqualTo(60);
        assertThat(config.maxStreamConnections()).isEqualTo(10_000);
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.hubTitle()).isEqualTo("Chorus");
        assertThat(config.publicBaseUrl()).isEmpty();
    }

    @Test
    void allowedOrigins_areNormalised_andAnythingButAnOriginIsRefused() {
        ChorusServletConfig config = ChorusServletConfig.builder(chorus)
                .allowedOrigins("HTTPS://Hub.Example:443", "http://localhost:8080").build();
        assertThat(config.allowedOrigins()).containsExactlyInAnyOrder("https://hub.example", "http://localhost:8080");
        for (String bad : new String[] {"hub.example", "https://hub.example/path", "ftp://hub.example", "*", "null"}) {
            assertThatThrownBy(() -> ChorusServletConfig.builder(chorus).allowedOrigins(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin");
        }
    }

    @Test
    void limits_andUrls_areChecked() {
        assertThatThrownBy(() -> ChorusServletConfig.builder(chorus).writesPerMinutePerMember(0))
                .hasMessageContaining("writesPerMinutePerMember is 0");
        assertThatThrownBy(() -> ChorusServletConfig.builder(chorus).maxStreamConnections(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChorusServletConfig.builder(chorus).heartbeatInterval(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChorusServletConfig.builder(chorus).publicBaseUrl(URI.create("javascript:alert(1)")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ChorusServletConfig.builder(chorus).publicBaseUrl(URI.create("https://hub.example/chorus/")).build()
                .publicBaseUrl()).contains(URI.create("https://hub.example/chorus"));
    }

    @Test
    void initParameters_configureAWebXmlMount() {
        Map<String, String> parameters = Map.of("allowedOrigins", "https://a.example, https://b.example",
                "publicReads", "false", "writesPerMinutePerMember", "5", "heartbeatSeconds", "30",
                "maxStreamConnections", "100", "hubTitle", "Baltic Hub", "publicBaseUrl", "https://hub.example/chorus");
        ChorusServletConfig config = ChorusServletConfig.fromParameters(chorus, parameters::get);
        assertThat(config.allowedOrigins()).containsExactlyInAnyOrder("https://a.example", "https://b.example");
        assertThat(config.publicReads()).isFalse();
        assertThat(config.writesPerMinutePerMember()).isEqualTo(5);
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxStreamConnections()).isEqualTo(100);
        assertThat(config.hubTitle()).isEqualTo("Baltic Hub");
        assertThat(config.publicBaseUrl()).contains(URI.create("https://hub.example/chorus"));
        assertThatThrownBy(() -> ChorusServletConfig.fromParameters(chorus, Map.of("publicReads", "yes")::get))
                .hasMessageContaining("publicReads");
        assertThatThrownBy(() -> ChorusServletConfig.fromParameters(chorus, Map.of("maxStreamConnections", "many")::get))
                .hasMessageContaining("maxStreamConnections");
    }

    @Test
    void scriptTag_isEscaped_andPinnedToTheVersionWithIntegrity() {
        ChorusServlet servlet = new ChorusServlet(ChorusServletConfig.builder(chorus).build());
        assertThat(servlet.widgetScriptTag("https://hub.example/o'neil&co")).contains("/o&#39;neil&amp;co/widget.js");
        assertThatThrownBy(() -> servlet.widgetScriptTag("https://hub.example/chorus\"><script>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mountUrl");
        assertThat(servlet.widgetScriptTag("https://hub.example/chorus/")).isEqualTo(
                "<script src=\"https://hub.example/chorus/widget.js?v=" + servlet.widgetVersion() + "\" integrity=\""
                        + servlet.widgetIntegrity() + "\" crossorigin=\"anonymous\" defer></script>");
        assertThatThrownBy(() -> servlet.widgetScriptTag("javascript:alert(1)")).isInstanceOf(IllegalArgumentException.class);
    }
}
