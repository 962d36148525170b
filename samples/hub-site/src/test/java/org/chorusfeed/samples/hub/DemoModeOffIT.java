package org.chorusfeed.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With demo mode off the hub is a plain site: no demo sign-in, no invented network. */
class DemoModeOffIT {
    @TempDir
    Path data;

    @Test
    void withDemoModeOff_thereIsNoSignIn_andNothingIsSeeded() throws Exception {
        try (RunningHub hub = HubSite.start(HubConfig.forTest(data).withDemo(false))) {
            Visitor visitor = new Visitor(hub);

            assertThat(visitor.get("signin").statusCode()).isEqualTo(404);
            assertThat(visitor.postForm("signin", "handle=hannah", "Origin", visitor.origin()).statusCode()).isEqualTo(404);
            assertThat(visitor.get("").body()).doesNotContain("Demo sign-in");
            assertThat(visitor.getJson("chorus/api/timeline").path("items")).isEmpty();
            assertThat(visitor.getJson("chorus/api/members").path("items")).isEmpty();
        }
    }
}
