package dev.fusionlab.project.quality;

import dev.fusionlab.project.neighbors.Distances;
import dev.fusionlab.project.Workers;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Trustworthiness of a low-dimensional layout (Venna and Kaski 2001), computed exactly as
 * {@code sklearn.manifold.trustworthiness} does: for each point, every one of its k nearest neighbours
 * in the layout that is not among its k nearest neighbours in the input is penalised by how far down
 * the input ranking it sits. 1 means no false neighbours; the score is comparable across methods only
 * when computed the same way, so every benchmark of the project uses this class.
 *
 * <p>Input distances are exact euclidean distances computed by brute force (no approximate search),
 * so the cost is O(n² d) for {@link #compute}; {@link #estimate} ranks a random sample of query points
 * against all points, an unbiased estimate for large n.
 */
public final class Trustworthiness {

    private Trustworthiness() {
    }

    /** Exact trustworthiness over all points. */
    public static double compute(float[][] input, double[][] layout, int k, int threads) {
        int n = input.length;
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return over(input, layout, k, all, threads);
    }

    /** Trustworthiness averaged over {@code sampleSize} random query points (all points if n is smaller). */
    public static double estimate(float[][] input, double[][] layout, int k, int sampleSize, long seed, int threads) {
        int n = input.length;
        if (sampleSize >= n) {
            return compute(input, layout, k, threads);
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < sampleSize; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return over(input, layout, k, Arrays.copyOf(order, sampleSize), threads);
    }

    private static double over(float[][] input, double[][] layout, int k, int[] queries, int threads) {
        int n = input.length;
        if (layout.length != n) {
            throw new IllegalArgumentException("layout has " + layout.length + " points but input has " + n);
        }
        if (k < 1 || k >= n / 2.0) {
            throw new IllegalArgumentException("k must be in [1, n/2) for trustworthiness, got " + k);
        }
        long[] penalties = new long[queries.length];
        try (Workers workers = new Workers(threads)) {
            float[][] highBuffers = new float[workers.threads()][n];
            double[][] lowBuffers = new double[workers.threads()][n];
            workers.forRange(queries.length, 16, (from, to, worker) -> {
                for (int q = from; q < to; q++) {
                    penalties[q] = penalty(input, layout, k, queries[q], highBuffers[worker], lowBuffers[worker]);
                }
            });
        }
        double sum = 0;
        for (long p : penalties) {
            sum += p;
        }
        double m = queries.length;
        return 1.0 - 2.0 / (m * k * (2.0 * n - 3.0 * k - 1.0)) * sum;
    }

    /** Sum over the layout neighbours of point i of max(0, input rank - k). */
    private static long penalty(float[][] input, double[][] layout, int k, int i, float[] high, double[] low) {
        int n = input.length;
        for (int j = 0; j < n; j++) {
            double dx = layout[j][0] - layout[i][0];
            double dy = layout[j][1] - layout[i][1];
            low[j] = dx * dx + dy * dy;
            high[j] = Distances.squaredEuclidean(input[i], input[j]);
        }
        low[i] = Double.POSITIVE_INFINITY;
        high[i] = Float.POSITIVE_INFINITY;
        int[] layoutNeighbours = smallest(low, k);
        float kth = kthSmallest(high, k);
        long penalty = 0;
        for (int j : layoutNeighbours) {
            float dj = high[j];
            if (dj <= kth) {
                continue;
            }
            int rank = 1;
            for (int l = 0; l < n; l++) {
                if (high[l] < dj) {
                    rank++;
                }
            }
            penalty += Math.max(0, rank - k);
        }
        return penalty;
    }

    /** Indices of the k smallest values (ties by lower index). */
    private static int[] smallest(double[] values, int k) {
        int[] best = new int[k];
        double[] bestValue = new double[k];
        Arrays.fill(bestValue, Double.POSITIVE_INFINITY);
        Arrays.fill(best, -1);
        for (int j = 0; j < values.length; j++) {
            double v = values[j];
            if (v < bestValue[k - 1]) {
                int pos = k - 1;
                while (pos > 0 && bestValue[pos - 1] > v) {
                    bestValue[pos] = bestValue[pos - 1];
                    best[pos] = best[pos - 1];
                    pos--;
                }
                bestValue[pos] = v;
                best[pos] = j;
            }
        }
        return best;
    }

    /** The k-th smallest value (1-based), by a bounded insertion buffer. */
    private static float kthSmallest(float[] values, int k) {
        float[] best = new float[k];
        Arrays.fill(best, Float.POSITIVE_INFINITY);
        for (float v : values) {
            if (v < best[k - 1]) {
                int pos = k - 1;
                while (pos > 0 && best[pos - 1] > v) {
                    best[pos] = best[pos - 1];
                    pos--;
                }
                best[pos] = v;
            }
        }
        return best[k - 1];
    }
}
