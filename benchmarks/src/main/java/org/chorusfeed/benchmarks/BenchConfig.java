package org.chorusfeed.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmark store lives and how big it is. Read from system properties, which JMH passes on to the
 * JVMs it forks:
 *
 * <ul>
 *   <li>{@code chorus.bench.dir}: the data directory of the generated store (default
 *       {@code benchmarks/target/bench-store} from the repository root, {@code target/bench-store} elsewhere);
 *       the fresh stores the publishing benchmarks write go next to it, on the same disk;</li>
 *   <li>{@code chorus.bench.posts}: posts in the generated store (default 1,000,000);</li>
 *   <li>{@code chorus.bench.members}: members who wrote them (default 10,000).</li>
 * </ul>
 *
 * @param storeDirectory the generated store's data directory
 * @param posts          how many posts it holds
 * @param members        how many members wrote them
 * @param seed           the seed everything generated follows from
 */
record BenchConfig(Path storeDirectory, int posts, int members, long seed) {
    static final int DEFAULT_POSTS = 1_000_000;
    static final int DEFAULT_MEMBERS = 10_000;
    static final long SEED = 20_261_130L;

    BenchConfig {
        storeDirectory = storeDirectory.toAbsolutePath().normalize();
        if (posts < 100) {
            throw new IllegalArgumentException("chorus.bench.posts is " + posts + "; at least 100 are needed");
        }
        if (members < 2 || members > posts) {
            throw new IllegalArgumentException("chorus.bench.members is " + members + "; allowed 2 to the post count "
                    + posts);
        }
    }

    /** The configuration the system properties give. */
    static BenchConfig fromSystemProperties() {
        String dir = System.getProperty("chorus.bench.dir");
        Path directory = dir != null ? Path.of(dir)
                : Files.isDirectory(Path.of("benchmarks", "src")) ? Path.of("benchmarks", "target", "bench-store")
                : Path.of("target", "bench-store");
        return new BenchConfig(directory, Integer.getInteger("chorus.bench.posts", DEFAULT_POSTS),
                Integer.getInteger("chorus.bench.members", DEFAULT_MEMBERS), SEED);
    }

    /** The directory fresh stores for the publishing benchmarks are made in: beside the generated store. */
    Path scratchDirectory() {
        Path parent = storeDirectory.getParent();
        return (parent == null ? storeDirectory : parent).resolve("bench-scratch");
    }
}
