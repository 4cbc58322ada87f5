package dev.fusionlab.project.bench;

import dev.fusionlab.project.neighbors.KnnGraph;
import dev.fusionlab.project.neighbors.Metric;
import dev.fusionlab.project.neighbors.NearestNeighbors;
import dev.fusionlab.project.testdata.GaussianMixture;
import dev.fusionlab.task.TaskContext;
import java.util.Arrays;

/**
 * Times the approximate neighbour search and measures its recall against brute force on a sample.
 * Arguments: n dimensions k [seed]. See bench/tsne/RESULTS.md for the command.
 */
public final class KnnBench {

    private KnnBench() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        float[][] data = GaussianMixture.generate(n, d, 20, 3, seed).points();
        for (int rep = 0; rep < 2; rep++) {
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            KnnGraph graph = NearestNeighbors.search(data, k, Metric.EUCLIDEAN, seed, 0, TaskContext.silent());
            long t1 = System.nanoTime();
            System.out.printf("knn n=%d d=%d k=%d: %.2f s wall, %.2f s cpu%n", n, d, k, (t1 - t0) / 1e9,
                    (cpuNanos() - c0) / 1e9);
            if (rep == 1) {
                int[] queries = java.util.stream.IntStream.range(0, n).filter(i -> i % Math.max(1, n / 500) == 0).toArray();
                System.out.printf("recall@%d on %d queries: %.4f%n", k, queries.length,
                        recall(data, graph, queries, k));
            }
        }
    }

    public static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Recall against brute force computed only for the query rows. */
    static double recall(float[][] data, KnnGraph graph, int[] queries, int k) {
        long hits = 0;
        for (int q : queries) {
            float[] dist = new float[data.length];
            Integer[] order = new Integer[data.length];
            for (int j = 0; j < data.length; j++) {
                dist[j] = j == q ? Float.POSITIVE_INFINITY
                        : dev.fusionlab.project.neighbors.Distances.squaredEuclidean(data[q], data[j]);
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Float.compare(dist[a], dist[b]));
            int[] truth = new int[k];
            for (int m = 0; m < k; m++) {
                truth[m] = order[m];
            }
            Arrays.sort(truth);
            for (int j : graph.indices()[q]) {
                if (Arrays.binarySearch(truth, j) >= 0) {
                    hits++;
                }
            }
        }
        return (double) hits / ((long) queries.length * k);
    }
}
