package org.chorusfeed.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubConfigTest {

    @Test
    void anEmptyEnvironment_runsTheDemoOnLocalhost8080_withDataInChorusData() {
        HubConfig config = HubConfig.fromEnvironment(Map.of());

        assertThat(config.host()).isEqualTo("localhost");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.secondPort()).isEqualTo(8081);
        assertThat(config.dataDirectory()).isEqualTo(Path.of("chorus-data"));
        assertThat(config.demo()).isTrue();
        assertThat(config.adminToken()).isEmpty();
    }

    @Test
    void theSecondPort_followsThePort_unlessSetOrThePortIsPickedFreely() {
        assertThat(HubConfig.fromEnvironment(Map.of("PORT", "9000")).secondPort()).isEqualTo(9001);
        assertThat(HubConfig.fromEnvironment(Map.of("PORT", "9000", "SECOND_PORT", "7000")).secondPort()).isEqualTo(7000);
        assertThat(HubConfig.fromEnvironment(Map.of("PORT", "0")).secondPort()).isZero();
    }

    @Test
    void everyVariable_isRead() {
        HubConfig config = HubConfig.fromEnvironment(Map.of("HOST", "0.0.0.0", "CHORUS_DATA", "/srv/chorus",
                "CHORUS_DEMO", "off", "CHORUS_ADMIN_TOKEN", "0123456789abcdef0123"));

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/srv/chorus"));
        assertThat(config.demo()).isFalse();
        assertThat(config.adminToken()).hasValue("0123456789abcdef0123");
    }

    @Test
    void badValues_areRefusedWithAMessageThatNamesTheVariable() {
        assertThatIllegalArgumentException().isThrownBy(() -> HubConfig.fromEnvironment(Map.of("PORT", "eighty")))
                .withMessageContaining("PORT is 'eighty'");
        assertThatIllegalArgumentException().isThrownBy(() -> HubConfig.fromEnvironment(Map.of("PORT", "70000")))
                .withMessageContaining("PORT is 70000");
        assertThatIllegalArgumentException().isThrownBy(() -> HubConfig.fromEnvironment(Map.of("PORT", "65535")))
                .withMessageContaining("SECOND_PORT");
        assertThatIllegalArgumentException().isThrownBy(() -> HubConfig.fromEnvironment(Map.of("CHORUS_DEMO", "maybe")))
                .withMessageContaining("CHORUS_DEMO is 'maybe'");
        assertThatIllegalArgumentException().isThrownBy(() -> HubConfig.fromEnvironment(Map.of("PORT", "9000",
                "SECOND_PORT", "9000"))).withMessageContaining("same as PORT");
    }

    @Test
    void aShortAdminToken_isRefused_andTheTokenIsNeverPrinted() {
        assertThatIllegalArgumentException().isThrownBy(() -> HubConfig.fromEnvironment(Map.of("CHORUS_ADMIN_TOKEN", "secret")))
                .withMessageContaining("at least 16").withMessageNotContaining("secret'");
        HubConfig config = HubConfig.fromEnvironment(Map.of("CHORUS_ADMIN_TOKEN", "0123456789abcdef0123"));

        assertThat(config.toString()).doesNotContain("0123456789abcdef0123").contains("adminToken=(set)");
    }

    // members' blogs

    @Test
    void linkPreviews_areOnByDefault_offWhenAsked_offForTests_andABadValueNamesTheVariable() {
        assertThat(HubConfig.fromEnvironment(Map.of()).linkPreviews()).isTrue();
        assertThat(HubConfig.fromEnvironment(Map.of("CHORUS_PREVIEWS", "off")).linkPreviews()).isFalse();
        assertThat(HubConfig.forTest(Path.of("data")).linkPreviews()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> HubConfig.fromEnvironment(Map.of("CHORUS_PREVIEWS", "maybe")))
                .withMessageContaining("CHORUS_PREVIEWS is 'maybe'");
    }

    @Test
    void fetchAllow_isReadAsCommaSeparatedHostPorts_andNoneByDefault() {
        assertThat(HubConfig.fromEnvironment(Map.of()).fetchAllow()).isEmpty();
        assertThat(HubConfig.fromEnvironment(Map.of("CHORUS_FETCH_ALLOW", " 127.0.0.1:8081, blogs.internal:443,,")).fetchAllow())
                .containsExactly("127.0.0.1:8081", "blogs.internal:443");
        assertThat(HubConfig.fromEnvironment(Map.of("CHORUS_FETCH_ALLOW", "127.0.0.1:8081")).toString())
                .contains("fetchAllow=[127.0.0.1:8081]");
    }

    @Test
    void fetchAllow_refusesRangesWildcardsAndEntriesWithoutAPort_namingTheVariable() {
        for (String bad : new String[] {"127.0.0.1", "10.0.0.0/8:80", "*:80", "127.1:8080", "host:99999"}) {
            assertThatIllegalArgumentException().as(bad)
                    .isThrownBy(() -> HubConfig.fromEnvironment(Map.of("CHORUS_FETCH_ALLOW", bad)))
                    .withMessageStartingWith("CHORUS_FETCH_ALLOW has '" + bad + "'");
        }
    }
}
