package org.chorusfeed.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.chorusfeed.Chorus;
import org.chorusfeed.post.PostId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once {@code publish} returns, the post survives the JVM being killed (SIGKILL, no shutdown hooks, no close): a
 * child JVM publishes as fast as it can from several threads and reports each acknowledged id; it is killed
 * mid-way, the store is reopened, and every acknowledged post must be there.
 */
class KillDashNineIT {
    private static final int ROUNDS = 3;
    private static final int PUBLISHERS = 8;
    private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 300;

    @Test
    void everyAcknowledgedPost_survivesKillDashNine_inEachOfThreeRounds(@TempDir Path temp) throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            Path directory = temp.resolve("round-" + round);
            Set<PostId> acknowledged = ConcurrentHashMap.newKeySet();
            Process child = startChild(directory, temp.resolve("round-" + round + ".stderr"));
            Thread reader = readIds(child, acknowledged);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged.size() < ACKNOWLEDGEMENTS_BEFORE_KILL && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("child alive before the kill; its stderr: %s",
                    stderr(temp.resolve("round-" + round + ".stderr"))).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(30));
            if (!System.getProperty("os.name").startsWith("Windows")) {
                assertThat(child.exitValue()).as("exit value of a SIGKILLed JVM").isEqualTo(128 + 9);
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGEMENTS_BEFORE_KILL);

            try (Chorus chorus = Chorus.builder().dataDirectory(directory).build()) {
                List<PostId> missing = new ArrayList<>();
                for (PostId id : acknowledged) {
                    if (chorus.posts().find(id).isEmpty()) {
                        missing.add(id);
                    }
                }
                assertThat(missing).as("round %d: acknowledged posts missing after kill -9 (of %d)", round,
                        acknowledged.size()).isEmpty();
                System.out.printf("kill -9 round %d: %d acknowledged posts, all present after reopening%n", round,
                        acknowledged.size());
            }
        }
    }

    private static Process startChild(Path directory, Path stderr) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillDashNineChild.class.getName(), directory.toString(), Integer.toString(PUBLISHERS));
        builder.redirectError(stderr.toFile());
        return builder.start();
    }

    /** Reads the ids the child prints, until its output ends. */
    private static Thread readIds(Process child, Set<PostId> acknowledged) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    acknowledged.add(PostId.parse(line.strip()));
                }
            } catch (IOException e) {
                // the pipe closes when the child dies; every complete line was read
            }
        }, "kill9-reader");
        reader.start();
        return reader;
    }

    private static String stderr(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(none)";
    }
}
