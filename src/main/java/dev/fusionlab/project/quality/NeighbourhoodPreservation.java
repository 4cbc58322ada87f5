package dev.fusionlab.project.quality;

import dev.fusionlab.project.neighbors.KnnGraph;
import dev.fusionlab.project.neighbors.Metric;
import dev.fusionlab.project.neighbors.NearestNeighbors;
import dev.fusionlab.task.TaskContext;
import java.util.Arrays;

/**
 * How faithfully a 2D layout keeps each point's neighbourhood: for point i, the share of its k nearest
 * neighbours in the input (high-dimensional) space that are also among its k nearest neighbours in the
 * layout, |kNN_high(i) ∩ kNN_2D(i)| / k. 1 means the layout kept the whole neighbourhood, 0 that the
 * point's 2D neighbours are strangers: a cluster made of low-scoring points may be one the projection
 * invented. Per point, unlike {@link Trustworthiness}, so it can colour a plot.
 *
 * <p>Both searches are euclidean, as the projections' own neighbour searches are. Up to
 * {@link NearestNeighbors#EXACT_UP_TO} points they are exact and the scores are bit-identical across
 * runs and thread counts; above, the high-dimensional search is approximate (seeded, recall above 0.95),
 * so scores agree with the exact ones to within a few percent per point.
 */
public final class NeighbourhoodPreservation {

    /** The k used when nobody says otherwise: small enough to be local, large enough to be stable. */
    public static final int DEFAULT_K = 10;

    private NeighbourhoodPreservation() {
    }

    /**
     * @param input  n high-dimensional rows (what was projected)
     * @param layout n x 2 layout of those rows
     * @param k      neighbours per point; reduced to n - 1 for tiny data sets
     * @return the preservation of each point, in [0, 1]; all 1 when there are fewer than 2 points
     */
    public static double[] perPoint(float[][] input, double[][] layout, int k, long seed, TaskContext ctx) {
        int n = input.length;
        if (layout.length != n) {
            throw new IllegalArgumentException("layout has " + layout.length + " points but input has " + n);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        double[] out = new double[n];
        if (n < 2) {
            Arrays.fill(out, 1.0);
            return out;
        }
        int kk = Math.min(k, n - 1);
        ctx.report("faithfulness", 0, "neighbours in the embedding space");
        KnnGraph high = NearestNeighbors.search(input, kk, Metric.EUCLIDEAN, seed, 0, ctx);
        ctx.throwIfCancelled("faithfulness");
        float[][] flat = new float[n][];
        for (int i = 0; i < n; i++) {
            flat[i] = new float[] {(float) layout[i][0], (float) layout[i][1]};
        }
        ctx.report("faithfulness", 0.5, "neighbours in the layout");
        KnnGraph low = NearestNeighbors.search(flat, kk, Metric.EUCLIDEAN, seed, 0, ctx);
        for (int i = 0; i < n; i++) {
            out[i] = overlap(high.indices()[i], low.indices()[i]) / (double) kk;
        }
        ctx.report("faithfulness", 1, "done");
        return out;
    }

    /** Mean of the per-point scores: one number for a layout. */
    public static double mean(double[] perPoint) {
        return Arrays.stream(perPoint).average().orElse(Double.NaN);
    }

    static int overlap(int[] a, int[] b) {
        int[] sorted = b.clone();
        Arrays.sort(sorted);
        int common = 0;
        for (int x : a) {
            if (Arrays.binarySearch(sorted, x) >= 0) {
                common++;
            }
        }
        return common;
    }
}
