package dev.fusionlab.project.neighbors;

import dev.fusionlab.project.Workers;
import dev.fusionlab.task.TaskContext;
import java.util.Arrays;

/**
 * Finds the k nearest neighbours of every row of a data set: exactly by brute force when that is
 * cheap, otherwise approximately by NN-descent seeded with random projection trees (recall above
 * 0.95 in practice, see the tests and {@code bench/tsne/RESULTS.md}). The result depends only on the
 * data, k, the metric and the seed, never on the number of threads.
 */
public final class NearestNeighbors {

    /** Up to this many points the exact search is used: its n² distances then cost well under a second. */
    public static final int EXACT_UP_TO = 4096;

    private NearestNeighbors() {
    }

    /** Euclidean neighbours using all processors. */
    public static KnnGraph search(float[][] data, int k, long seed, TaskContext ctx) {
        return search(data, k, Metric.EUCLIDEAN, seed, 0, ctx);
    }

    /**
     * @param data    n rows of equal length, finite values
     * @param k       neighbours per point, 1 &lt;= k &lt; n
     * @param metric  euclidean or cosine
     * @param seed    seed of the approximate search
     * @param threads worker threads; 0 or less means all processors
     * @param ctx     progress (stage {@code "knn"}) and cancellation
     * @return the n x k neighbour graph, self excluded, closest first
     */
    public static KnnGraph search(float[][] data, int k, Metric metric, long seed, int threads, TaskContext ctx) {
        validate(data, k);
        float[][] rows = metric == Metric.COSINE ? Distances.normalizedRows(data) : data;
        try (Workers workers = new Workers(threads)) {
            boolean cosine = metric == Metric.COSINE;
            KnnGraph graph = data.length <= EXACT_UP_TO
                    ? BruteForceKnn.search(rows, k, workers, ctx).toGraph(cosine)
                    : NnDescent.search(rows, k, cosine, seed, workers, ctx);
            ctx.report("knn", 1, "neighbours found");
            return graph;
        }
    }

    /** Exact neighbours whatever the size: the reference that the approximate search is measured against. */
    public static KnnGraph exact(float[][] data, int k, Metric metric, int threads, TaskContext ctx) {
        validate(data, k);
        float[][] rows = metric == Metric.COSINE ? Distances.normalizedRows(data) : data;
        try (Workers workers = new Workers(threads)) {
            return BruteForceKnn.search(rows, k, workers, ctx).toGraph(metric == Metric.COSINE);
        }
    }

    /**
     * Fraction of the exact neighbours that {@code approximate} found, over the listed query points.
     */
    public static double recall(KnnGraph approximate, KnnGraph exact, int[] queries) {
        long hits = 0;
        long total = 0;
        for (int q : queries) {
            int[] truth = exact.indices()[q].clone();
            Arrays.sort(truth);
            for (int j : approximate.indices()[q]) {
                if (Arrays.binarySearch(truth, j) >= 0) {
                    hits++;
                }
            }
            total += truth.length;
        }
        return total == 0 ? 1 : (double) hits / total;
    }

    private static void validate(float[][] data, int k) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("no data points");
        }
        if (k < 1 || k >= data.length) {
            throw new IllegalArgumentException("k must be in [1, " + (data.length - 1) + "] for " + data.length
                    + " points, got " + k);
        }
        int d = data[0].length;
        for (int i = 0; i < data.length; i++) {
            float[] row = data[i];
            if (row == null || row.length != d) {
                throw new IllegalArgumentException("row " + i + " has " + (row == null ? "no" : row.length)
                        + " values, expected " + d);
            }
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("row " + i + " contains a non-finite value " + v);
                }
            }
        }
    }
}
