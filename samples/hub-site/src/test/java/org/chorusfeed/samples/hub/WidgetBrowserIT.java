package org.chorusfeed.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The widget in a real browser: starts the demo hub on free ports over a fresh data directory and runs the widget's
 * browser tests ({@code feed-widget-js/e2e/*.e2e.js}, Node's test runner driving Debian's headless Chromium through
 * playwright-core) against it. Their output goes to this test's log; any failing browser test fails this one.
 *
 * <p>Needs {@code node} on the path, {@code npm ci} done in feed-widget-js (the widget module's build does it) and
 * {@code /usr/bin/chromium}. Without Chromium the test is skipped, except under {@code CI=true}, where it fails.
 * Set {@code CHORUS_E2E_SCREENSHOTS=1} to have it rewrite {@code docs/screenshots/}.
 */
class WidgetBrowserIT {
    private static final String ADMIN_TOKEN = "it-widget-admin-" + Long.toHexString(System.nanoTime()) + "x0";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String SCREENSHOTS = "screenshots.e2e.js";
    private static final Pattern SUMMARY = Pattern.compile("^\\S* ?(tests|pass|fail|cancelled|skipped|todo) (\\d+)$");

    @TempDir
    static Path data;
    private static RunningHub hub;

    @BeforeAll
    static void startHub() throws Exception {
        hub = HubSite.start(HubConfig.forTest(data).withAdminToken(ADMIN_TOKEN).withApprovalRequests(true));
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void theWidgetsBrowserTests_passInChromium_againstTheDemoHub() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!Files.isExecutable(CHROMIUM)) {
            assertThat(ci).as("CI=true but there is no browser at %s: install Debian's chromium "
                    + "(apt-get install -y chromium); the widget must be tested in a browser on CI", CHROMIUM).isFalse();
            assumeTrue(false, "no browser at " + CHROMIUM + ", so the widget's browser tests are skipped; "
                    + "install Debian's chromium (apt-get install -y chromium) to run them");
        }
        Path widget = repositoryRoot().resolve("feed-widget-js");
        assertThat(widget.resolve("node_modules/playwright-core/package.json"))
                .as("feed-widget-js/node_modules/playwright-core is missing: run `npm ci` in feed-widget-js "
                        + "(its Maven build does: mvn -pl feed-widget-js package)")
                .isRegularFile();

        List<String> files = testFiles(widget.resolve("e2e"));
        List<Run> runs = new ArrayList<>();
        // Screenshots (only when asked for) show the demo network as seeded, so they are taken first, before
        // any test writes a post; Node sorts the files it is given, hence a run of their own.
        List<String> screenshots = files.stream().filter(f -> f.endsWith(SCREENSHOTS)).toList();
        if ("1".equals(System.getenv("CHORUS_E2E_SCREENSHOTS")) && !screenshots.isEmpty()) {
            runs.add(run(node(widget, screenshots)));
        }
        Run suite = run(node(widget, files.stream().filter(f -> !f.endsWith(SCREENSHOTS)).toList()));
        runs.add(suite);

        for (Run run : runs) {
            assertThat(run.exitCode()).as("node --test exit code (the failures are in the output above)").isZero();
            assertThat(run.output()).as("the suites ran against the hub").doesNotContain("CHORUS_E2E_URL is not set");
            Map<String, Integer> summary = run.summary();
            assertThat(summary.get("fail")).as("failed").isZero();
            assertThat(summary.get("cancelled")).as("cancelled").isZero();
            assertThat(summary.get("pass")).as("passed").isEqualTo(summary.get("tests") - summary.get("skipped"));
        }
        assertThat(suite.summary().get("tests")).as("browser tests run").isGreaterThanOrEqualTo(10);
    }

    /** {@code node --test} on these files in the widget's directory, pointed at the hub. */
    private static ProcessBuilder node(Path widget, List<String> files) {
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec"));
        command.addAll(files);
        ProcessBuilder builder = new ProcessBuilder(command).directory(widget.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("CHORUS_E2E_URL", "http://localhost:" + hub.port());
        env.put("CHORUS_E2E_SECOND_URL", "http://localhost:" + hub.secondPort());
        env.put("CHORUS_E2E_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("NO_COLOR", "1");
        return builder;
    }

    /** The repository's root, from this module's directory (where Failsafe runs). */
    private static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
        assertThat(root.resolve("feed-widget-js/e2e")).as("the widget's browser tests, from %s", root).isDirectory();
        return root;
    }

    /**
     * The test files, named explicitly: Node 20's runner, given a directory, only picks files named like
     * {@code *.test.js}, so {@code node --test e2e/} would run nothing and pass.
     */
    private static List<String> testFiles(Path e2e) throws IOException {
        try (Stream<Path> files = Files.list(e2e)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".e2e.js"))
                    .sorted().map(n -> "e2e/" + n).toList();
            assertThat(names).as("browser test files in %s", e2e).isNotEmpty();
            return names;
        }
    }

    /** Runs node, copying its output line by line to this test's output as it comes. */
    private static Run run(ProcessBuilder builder) throws Exception {
        Process node;
        try {
            node = builder.start();
        } catch (IOException e) {
            throw new AssertionError("could not start `node` (Node 20 or later must be on the PATH): " + e.getMessage(), e);
        }
        StringBuilder output = new StringBuilder();
        Thread copier = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    System.out.println(line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "e2e-output");
        copier.start();
        if (!node.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            node.descendants().forEach(ProcessHandle::destroyForcibly); // the browsers
            node.destroyForcibly().waitFor();
            copier.join(5_000);
            fail("the browser tests did not finish within " + TIMEOUT);
        }
        copier.join(10_000);
        synchronized (output) {
            return new Run(node.exitValue(), output.toString());
        }
    }

    /** What node did: its exit code and everything it printed. */
    private record Run(int exitCode, String output) {
        /** The reporter's closing counts ("ℹ tests 23", "ℹ pass 23", ...). */
        Map<String, Integer> summary() {
            Map<String, Integer> counts = new HashMap<>();
            for (String line : output.split("\n")) {
                Matcher m = SUMMARY.matcher(line.strip());
                if (m.matches()) {
                    counts.put(m.group(1), Integer.parseInt(m.group(2)));
                }
            }
            assertThat(counts).as("the test reporter's summary in:%n%s", output)
                    .containsKeys("tests", "pass", "fail", "cancelled", "skipped");
            return counts;
        }
    }
}
