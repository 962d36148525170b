package org.chorusfeed.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the whole suite once (generating the store first if needed), writes JMH's results as JSON, measures the
 * footprint and prints each Chorus/raw ratio of that one run against its target, as a Markdown table.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.chorusfeed.benchmarks.Report [JMH options]
 * java -cp benchmarks/target/benchmarks.jar org.chorusfeed.benchmarks.Report --table benchmarks/target/jmh-result.json
 * </pre>
 *
 * <p>JMH options (such as {@code -f 2} or {@code -wi 5}) are passed on; the results go to
 * {@code chorus.bench.result} (default {@code benchmarks/target/jmh-result.json}). With {@code --table} it only
 * prints the table of an earlier results file, measuring the footprint again.
 */
public final class Report {

    /** A line of the table: Chorus's benchmark beside the one it is compared with, and the target. */
    record Comparison(String what, String chorus, String baseline, Kind kind, double target) {
    }

    /** How a line's ratio is read. */
    enum Kind {
        /** chorus ops/s ÷ baseline ops/s, at least the target. */
        AT_LEAST,
        /** baseline ops/s ÷ chorus ops/s (how many times the cost), at most the target. */
        COST_AT_MOST,
        /** chorus ops/s ÷ baseline ops/s, shown for information. */
        INFO
    }

    static final List<Comparison> COMPARISONS = List.of(
            new Comparison("Newest page (20)", "TimelineBenchmark.newestPageChorus",
                    "TimelineBenchmark.newestPageRaw", Kind.AT_LEAST, 0.7),
            new Comparison("Page at a random depth (`before` cursor)", "TimelineBenchmark.randomDepthPageChorus",
                    "TimelineBenchmark.randomDepthPageRaw", Kind.AT_LEAST, 0.7),
            new Comparison("Random-depth page's cost vs the newest page's (Chorus)",
                    "TimelineBenchmark.randomDepthPageChorus", "TimelineBenchmark.newestPageChorus",
                    Kind.COST_AT_MOST, 2.0),
            new Comparison("Tag-filtered page", "TimelineBenchmark.tagPageChorus", "TimelineBenchmark.tagPageRaw",
                    Kind.AT_LEAST, 0.7),
            new Comparison("Member-filtered page (by handle)", "TimelineBenchmark.memberPageChorus",
                    "TimelineBenchmark.memberPageRaw", Kind.AT_LEAST, 0.7),
            new Comparison("Member-filtered page vs raw given the member id", "TimelineBenchmark.memberPageChorus",
                    "TimelineBenchmark.memberPageRawById", Kind.INFO, 0),
            new Comparison("Publish, durable, 1 thread", "PublishBenchmark.publish1ThreadChorus",
                    "PublishBenchmark.publish1ThreadRaw", Kind.AT_LEAST, 0.5),
            new Comparison("Publish, durable, 32 threads", "PublishBenchmark.publish32ThreadsChorus",
                    "PublishBenchmark.publish32ThreadsRaw", Kind.AT_LEAST, 4.0),
            new Comparison("Keyset page vs `OFFSET` page at a random depth (raw SQL, both)",
                    "TimelineBenchmark.randomDepthPageRawKeyset", "TimelineBenchmark.randomDepthPageRawOffset", Kind.INFO, 0));

    /** One benchmark's score. */
    record Score(double opsPerSecond, double error) {
    }

    private Report() {
    }

    /** Runs the suite and prints the table; or, with {@code --table FILE}, prints the table of earlier results. */
    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        if (args.length == 2 && args[0].equals("--table")) {
            System.out.println(table(read(Path.of(args[1])), Footprint.measure(config), config));
            return;
        }
        GeneratedStore.ensure(config); // before the forks, so none of them spends its setup generating
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        Path result = Path.of(cli.getResult().orElse(System.getProperty("chorus.bench.result",
                Files.isDirectory(Path.of("benchmarks", "src")) ? "benchmarks/target/jmh-result.json"
                        : "target/jmh-result.json")));
        options.resultFormat(cli.getResultFormat().orElse(ResultFormatType.JSON)).result(result.toString());
        new Runner(options.build()).run();
        Footprint.Figures footprint = Footprint.measure(config);
        System.out.println();
        System.out.println(table(read(result), footprint, config));
    }

    /**
     * The scores of a JMH JSON results file by {@code Class.method}: each benchmark's own, and for a group (whose
     * methods ran at the same time) each of its methods' from the secondary metrics.
     */
    static Map<String, Score> read(Path json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        Map<String, Score> scores = new HashMap<>();
        for (JsonNode run : root) {
            String benchmark = run.path("benchmark").asString();
            String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
            className = className.substring(className.lastIndexOf('.') + 1);
            scores.put(className + benchmark.substring(benchmark.lastIndexOf('.')), score(benchmark, run.path("primaryMetric")));
            for (Map.Entry<String, JsonNode> secondary : run.path("secondaryMetrics").properties()) {
                if (secondary.getKey().chars().allMatch(Character::isJavaIdentifierPart)) {
                    scores.put(className + "." + secondary.getKey(), score(benchmark, secondary.getValue()));
                }
            }
        }
        return scores;
    }

    private static Score score(String benchmark, JsonNode metric) {
        if (!metric.path("scoreUnit").asString().equals("ops/s")) {
            throw new IllegalArgumentException(benchmark + " was measured in " + metric.path("scoreUnit").asString()
                    + "; the report compares ops/s (Mode.Throughput, seconds)");
        }
        return new Score(metric.path("score").asDouble(), metric.path("scoreError").asDouble(Double.NaN));
    }

    /** The Markdown table of every comparison whose two benchmarks ran, then the footprint. */
    static String table(Map<String, Score> scores, Footprint.Figures footprint, BenchConfig config) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Chorus beside raw SQL, %,d posts by %,d members, %s, %d cores%n%n",
                config.posts(), config.members(), LocalDate.now(), Runtime.getRuntime().availableProcessors()));
        out.append("| what | benchmark | ops/s | beside | ops/s | ratio | target | met |\n");
        out.append("|---|---|---:|---|---:|---:|---:|:---:|\n");
        for (Comparison c : COMPARISONS) {
            Score chorus = scores.get(c.chorus());
            Score baseline = scores.get(c.baseline());
            if (chorus == null || baseline == null) {
                continue;
            }
            double ratio = c.kind() == Kind.COST_AT_MOST ? baseline.opsPerSecond() / chorus.opsPerSecond()
                    : chorus.opsPerSecond() / baseline.opsPerSecond();
            String target = switch (c.kind()) {
                case AT_LEAST -> String.format(Locale.ROOT, "≥ %.1f×", c.target());
                case COST_AT_MOST -> String.format(Locale.ROOT, "≤ %.1f× cost", c.target());
                case INFO -> "(info)";
            };
            String met = switch (c.kind()) {
                case AT_LEAST -> ratio >= c.target() ? "yes" : "**no**";
                case COST_AT_MOST -> ratio <= c.target() ? "yes" : "**no**";
                case INFO -> "";
            };
            out.append(String.format(Locale.ROOT, "| %s | `%s` | %s | `%s` | %s | %s | %s | %s |%n", c.what(),
                    shortName(c.chorus()), opsPerSecond(chorus), shortName(c.baseline()), opsPerSecond(baseline),
                    String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio), target, met));
        }
        out.append(String.format(Locale.ROOT, "%nHeap kept by an open Chorus over %,d posts (after GC): %s "
                + "(all heap in use then: %s). Store file (chorus.db with -wal and -shm): %s.%n",
                footprint.posts(), Footprint.megabytes(footprint.retainedHeapBytes()),
                Footprint.megabytes(footprint.heapUsedBytes()), Footprint.megabytes(footprint.storeFileBytes())));
        return out.toString();
    }

    /** The score with its 99.9% error, both to the precision the score needs. */
    private static String opsPerSecond(Score score) {
        String format = score.opsPerSecond() >= 100 ? "%,.0f" : "%,.2f";
        String value = String.format(Locale.ROOT, format, score.opsPerSecond());
        return Double.isNaN(score.error()) ? value : value + " ± " + String.format(Locale.ROOT, format, score.error());
    }

    private static String shortName(String benchmark) {
        return benchmark.substring(benchmark.indexOf('.') + 1);
    }
}
