package org.chorusfeed.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar that {@code mvn package} leaves in {@code target/}: {@code java -jar chorus-hub.jar} starts the hub
 * with the environment's settings, prints the URL to open, and stops cleanly on SIGTERM. Skipped when the jar has not
 * been built (an IDE run).
 */
class ShadedJarIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void javaDashJar_startsTheHub_printsItsUrl_andStopsCleanly() throws Exception {
        Path jar = Path.of(System.getProperty("hub.jar", "target/chorus-hub.jar"));
        assumeTrue(Files.isRegularFile(jar), "no runnable jar at " + jar + "; run mvn package first");
        int port = freePort();
        int secondPort = freePort();
        Path log = dir.resolve("hub.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("SECOND_PORT", Integer.toString(secondPort));
        builder.environment().put("CHORUS_DATA", dir.resolve("data").toString());
        builder.environment().remove("CHORUS_ADMIN_TOKEN");
        Process hub = builder.start();
        try {
            Visitor visitor = new Visitor(port);
            HttpResponse<String> home = waitForHome(visitor, hub, log);

            assertThat(home.body()).contains("<chorus-feed");
            assertThat(visitor.get("assets/hub.css").statusCode()).isEqualTo(200);
            assertThat(visitor.get("chorus/widget.js").statusCode()).isEqualTo(200);
            assertThat(visitor.getJson("chorus/api/timeline").path("items")).hasSize(20);
            assertThat(new Visitor(secondPort).get("").body()).contains("http://localhost:" + port + "/chorus");
            assertThat(output(log)).contains("Open http://localhost:" + port + "/");
        } finally {
            hub.destroy(); // SIGTERM: the shutdown hook stops Jetty and closes the store
            if (!hub.waitFor(20, TimeUnit.SECONDS)) {
                hub.destroyForcibly();
            }
        }
        assertThat(output(log)).contains("Hub stopped");
    }

    private static HttpResponse<String> waitForHome(Visitor visitor, Process hub, Path log) throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(hub.isAlive()).as("the hub exited early:%n%s", output(log)).isTrue();
            try {
                HttpResponse<String> home = visitor.get("");
                if (home.statusCode() == 200) {
                    return home;
                }
            } catch (IOException notYet) {
                // not listening yet: it seeds the demo network before Jetty starts
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the hub did not answer within " + START_TIMEOUT + ":\n" + output(log));
    }

    private static String output(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
