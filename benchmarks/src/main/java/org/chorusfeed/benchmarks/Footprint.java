package org.chorusfeed.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chorusfeed.Chorus;
import org.chorusfeed.internal.Cursors;
import org.chorusfeed.post.PostId;
import org.chorusfeed.timeline.Page;
import org.chorusfeed.post.Post;
import org.chorusfeed.timeline.TimelineQuery;

/**
 * What an open Chorus over the generated store costs in memory and on disk: the Java heap it keeps (heap in
 * use after a full GC with Chorus open and every kind of page read once, less the same before it was opened)
 * and the size of the store's files. SQLite's own page cache lives outside the Java heap and is not counted.
 *
 * <p>Run alone with {@code java -cp benchmarks/target/benchmarks.jar org.chorusfeed.benchmarks.Footprint}.
 */
public final class Footprint {
    private static final int GC_ROUNDS = 4;

    /**
     * The figures.
     *
     * @param retainedHeapBytes heap kept by the open Chorus
     * @param heapUsedBytes     all heap in use in this JVM after GC, Chorus open
     * @param storeFileBytes    {@code chorus.db} plus its {@code -wal} and {@code -shm} files
     * @param posts             posts in the store
     */
    record Figures(long retainedHeapBytes, long heapUsedBytes, long storeFileBytes, int posts) {
    }

    private Footprint() {
    }

    /** Prints the figures for the store the system properties name. */
    public static void main(String[] args) {
        Figures figures = measure(BenchConfig.fromSystemProperties());
        System.out.printf("posts in the store:            %,d%n", figures.posts());
        System.out.printf("heap kept by an open Chorus:   %s%n", megabytes(figures.retainedHeapBytes()));
        System.out.printf("heap in use, Chorus open:      %s%n", megabytes(figures.heapUsedBytes()));
        System.out.printf("store file size:               %s%n", megabytes(figures.storeFileBytes()));
    }

    /** Opens Chorus over the generated store (generating it if needed), reads from it and measures. */
    static Figures measure(BenchConfig config) {
        Path directory = GeneratedStore.ensure(config);
        long before = settledHeapUsed();
        try (Chorus chorus = Chorus.builder().dataDirectory(directory).build()) {
            Page<Post> newest = chorus.timeline().read(TimelineQuery.latest());
            PostId middle = new PostId((newest.items().get(0).id().value() + GeneratedStore.START.toEpochMilli()
                    * (1L << PostId.COUNTER_BITS)) / 2);
            chorus.timeline().read(TimelineQuery.latest().before(Cursors.encode(middle)));
            chorus.timeline().read(TimelineQuery.latest().tag(SampleNetwork.TAGS.get(0)));
            chorus.timeline().read(TimelineQuery.latest().member(SampleNetwork.handle(0)));
            long after = settledHeapUsed();
            Reference.reachabilityFence(chorus);
            return new Figures(after - before, after, storeBytes(directory), config.posts());
        }
    }

    /** Heap in use after full collections, once it stops falling. */
    private static long settledHeapUsed() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static long storeBytes(Path directory) {
        Path file = RawSql.file(directory);
        long total = 0;
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path part = file.resolveSibling(file.getFileName() + suffix);
            try {
                total += Files.exists(part) ? Files.size(part) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the size of " + part, e);
            }
        }
        return total;
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_000_000.0);
    }
}
