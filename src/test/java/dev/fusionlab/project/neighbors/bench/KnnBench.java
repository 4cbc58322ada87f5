package dev.fusionlab.project.neighbors.bench;

import dev.fusionlab.project.neighbors.Distances;
import dev.fusionlab.project.neighbors.KnnGraph;
import dev.fusionlab.project.neighbors.Metric;
import dev.fusionlab.project.neighbors.NearestNeighbors;
import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The kNN graph alone, as UMAP asks for it: time per stage (wall and process CPU) and recall against the
 * exact neighbours of a seeded sample of query rows (brute force over all rows).
 * {@code java ... KnnBench embeddings.npy [rows] [k] [threads] [queries]} (a float32 C-order .npy; the
 * first {@code rows} rows). Results: bench/embeddings/RESULTS.md.
 */
public final class KnnBench {

    private KnnBench() {
    }

    public static void main(String[] args) throws IOException {
        Path npy = Path.of(args[0]);
        float[][] all = readNpy(npy, args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE);
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int queries = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        System.out.printf(Locale.ROOT, "%d x %d, k = %d, threads %d, load %s%n", all.length, all[0].length, k, threads,
                Files.readString(Path.of("/proc/loadavg")).strip());
        long t0 = System.nanoTime();
        double c0 = cpu();
        long[] last = {t0};
        double[] lastCpu = {c0};
        TaskContext ctx = new TaskContext((stage, fraction, message) -> {
            long now = System.nanoTime();
            double c = cpu();
            System.out.printf(Locale.ROOT, "  %7.1f s wall (+%.1f), %7.1f s CPU (+%.1f): %s %.0f%% %s%n",
                    (now - t0) / 1e9, (now - last[0]) / 1e9, c - c0, c - lastCpu[0], stage, 100 * fraction, message);
            last[0] = now;
            lastCpu[0] = c;
        }, new CancellationToken());
        KnnGraph graph = NearestNeighbors.search(all, k, Metric.EUCLIDEAN, 42, threads, ctx);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = cpu() - c0;
        int[] q = new SplittableRandom(7).ints(0, all.length).distinct().limit(queries).toArray();
        long hits = 0;
        for (int i : q) {
            float[] d = new float[all.length];
            for (int j = 0; j < all.length; j++) {
                d[j] = j == i ? Float.POSITIVE_INFINITY : Distances.squaredEuclidean(all[i], all[j]);
            }
            float[] sorted = d.clone();
            Arrays.sort(sorted);
            float kth = sorted[k - 1];
            for (int j : graph.indices()[i]) {
                if (d[j] <= kth) {
                    hits++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "knn: %.1f s wall, %.1f s CPU; recall@%d on %d queries: %.4f; heap used %.2f GB%n",
                wall, cpu, k, q.length, (double) hits / ((long) q.length * k),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e9);
    }

    /** The first {@code limit} rows of a float32 C-order .npy file. */
    public static float[][] readNpy(Path npy, int limit) throws IOException {
        try (FileChannel channel = FileChannel.open(npy, StandardOpenOption.READ)) {
            var head = channel.map(FileChannel.MapMode.READ_ONLY, 0, 12).order(ByteOrder.LITTLE_ENDIAN);
            int headerLength = head.get(6) == 1 ? (head.getShort(8) & 0xffff) : head.getInt(8);
            int offset = head.get(6) == 1 ? 10 : 12;
            byte[] h = new byte[headerLength];
            channel.map(FileChannel.MapMode.READ_ONLY, offset, headerLength).get(h);
            String header = new String(h, StandardCharsets.ISO_8859_1);
            String shape = header.substring(header.indexOf("'shape': (") + 10);
            String[] dims = shape.substring(0, shape.indexOf(')')).split(",");
            int n = Math.min(limit, Integer.parseInt(dims[0].trim()));
            int d = Integer.parseInt(dims[1].trim());
            float[][] rows = new float[n][d];
            long start = offset + headerLength;
            long rowsPerChunk = (1L << 30) / (4L * d);
            for (int from = 0; from < n; from += (int) rowsPerChunk) {
                int to = (int) Math.min(n, from + rowsPerChunk);
                var buf = channel.map(FileChannel.MapMode.READ_ONLY, start + 4L * d * from, 4L * d * (to - from))
                        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                for (int i = from; i < to; i++) {
                    buf.get(rows[i]);
                }
            }
            return rows;
        }
    }

    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
