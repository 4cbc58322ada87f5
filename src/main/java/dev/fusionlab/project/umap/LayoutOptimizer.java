package dev.fusionlab.project.umap;

import dev.fusionlab.project.Workers;
import dev.fusionlab.task.TaskContext;

/**
 * UMAP's stochastic gradient descent on the 2D layout: every graph edge pulls its ends together as often as
 * its weight says (edge e is sampled every {@code max(w) / w_e} epochs), and each such pull comes with
 * {@value #NEGATIVE_RATE} pushes away from random points. Learning rate decays linearly from 1 to 0.
 * The forces are umap-learn's ({@code optimize_layout_euclidean}), gradients clipped to [-4, 4].
 *
 * <p>Deterministic in parallel, by design. umap-learn updates the shared layout from many threads without
 * synchronisation (Hogwild), so its layouts change from run to run. Here each task owns a fixed range of
 * points and moves only those; the positions of <em>other</em> points are read from a snapshot taken at the
 * start of the epoch; the random negative samples come from a generator seeded by (seed, epoch, point).
 * Nothing depends on scheduling, so the same seed gives the same layout for any thread count. Because only
 * the owner moves a point, an edge's pull is applied to each end through the edge's two directions (both
 * are in the graph), with the doubled step that umap-learn's "move both ends" gives each point.
 */
final class LayoutOptimizer {

    static final int NEGATIVE_RATE = 5;
    private static final double REPULSION_STRENGTH = 1.0;
    private static final float CLIP = 4f;
    /** Points per task: ranges are fixed by this, not by the thread count, so layouts do not depend on it. */
    private static final int POINT_CHUNK = 256;
    private static final String STAGE = "umap";
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final FuzzyGraph graph;
    private final AttractionCurve curve;
    private final int epochs;
    private final long seed;
    private final double[] epochsPerSample;
    private final double[] nextSample;
    private final double[] nextNegative;

    LayoutOptimizer(FuzzyGraph graph, AttractionCurve curve, int epochs, long seed) {
        this.graph = graph;
        this.curve = curve;
        this.epochs = epochs;
        this.seed = seed;
        float[] weights = graph.weights();
        double max = 0;
        for (float w : weights) {
            max = Math.max(max, w);
        }
        epochsPerSample = new double[weights.length];
        nextSample = new double[weights.length];
        nextNegative = new double[weights.length];
        for (int e = 0; e < weights.length; e++) {
            // edges too weak to be sampled once in the whole run are never sampled (umap-learn prunes them)
            epochsPerSample[e] = weights[e] >= max / epochs ? max / weights[e] : Double.POSITIVE_INFINITY;
            nextSample[e] = epochsPerSample[e];
            nextNegative[e] = epochsPerSample[e] / NEGATIVE_RATE;
        }
    }

    /** Optimises {@code positions} (x0, y0, x1, y1, ...) in place. */
    void optimize(float[] positions, Workers workers, TaskContext ctx) {
        int n = graph.size();
        float[] snapshot = new float[positions.length];
        for (int epoch = 0; epoch < epochs; epoch++) {
            ctx.throwIfCancelled(STAGE);
            System.arraycopy(positions, 0, snapshot, 0, positions.length);
            float alpha = (float) (1.0 - (double) epoch / epochs);
            int current = epoch;
            workers.forRange(n, POINT_CHUNK, (from, to, worker) -> {
                for (int i = from; i < to; i++) {
                    movePoint(i, current, alpha, positions, snapshot);
                }
            });
            ctx.report(STAGE, 0.1 + 0.9 * (epoch + 1) / epochs, "epoch " + (epoch + 1) + "/" + epochs);
        }
    }

    private void movePoint(int i, int epoch, float alpha, float[] positions, float[] others) {
        int n = graph.size();
        int[] rowStart = graph.rowStart();
        int[] columns = graph.columns();
        double a = curve.a();
        double b = curve.b();
        float x = positions[2 * i];
        float y = positions[2 * i + 1];
        long random = mix(seed ^ mix(((long) epoch << 32) + i)); // SplitMix64 state of this point and epoch
        for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
            if (nextSample[e] > epoch) {
                continue;
            }
            int j = columns[e];
            float dx = x - others[2 * j];
            float dy = y - others[2 * j + 1];
            float d2 = dx * dx + dy * dy;
            if (d2 > 0) {
                float powB1 = pow(d2, b - 1);
                float coefficient = (float) (-2 * a * b * powB1 / (a * powB1 * d2 + 1));
                x += 2 * clip(coefficient * dx) * alpha;
                y += 2 * clip(coefficient * dy) * alpha;
            }
            nextSample[e] += epochsPerSample[e];

            double negativeStep = epochsPerSample[e] / NEGATIVE_RATE;
            int negatives = (int) ((epoch - nextNegative[e]) / negativeStep);
            for (int s = 0; s < negatives; s++) {
                random += GOLDEN_GAMMA;
                int k = (int) (((mix(random) >>> 32) * n) >>> 32);
                if (k == i) {
                    continue;
                }
                float ndx = x - others[2 * k];
                float ndy = y - others[2 * k + 1];
                float nd2 = ndx * ndx + ndy * ndy;
                if (nd2 > 0) {
                    float coefficient = (float) (2 * REPULSION_STRENGTH * b
                            / ((0.001 + nd2) * (a * pow(nd2, b) + 1)));
                    x += clip(coefficient * ndx) * alpha;
                    y += clip(coefficient * ndy) * alpha;
                } else {
                    x += CLIP * alpha;
                    y += CLIP * alpha;
                }
            }
            nextNegative[e] += negatives * negativeStep;
        }
        positions[2 * i] = x;
        positions[2 * i + 1] = y;
    }

    /**
     * {@code x^p} for x > 0 as {@code 2^(p log2 x)}, with log2 and 2^y from the float bit layout and short
     * polynomials: relative error below 1e-5, several times faster than {@link Math#pow}, which would
     * otherwise be most of the optimisation's time (one call per positive and per negative sample). SGD
     * forces do not need more precision than that.
     */
    static float pow(float x, double p) {
        return exp2((float) (p * log2(x)));
    }

    /** log2 of a positive normal float: exponent bits plus a polynomial in the mantissa m in [1, 2). */
    static float log2(float x) {
        int bits = Float.floatToRawIntBits(x);
        int exponent = ((bits >>> 23) & 0xFF) - 127;
        float m = Float.intBitsToFloat((bits & 0x007FFFFF) | 0x3F800000);
        // least-squares fit of log2(1 + t) on [0, 1], |error| < 5e-6
        float t = m - 1;
        float poly = t * (1.44251703f + t * (-0.71789838f + t * (0.45689417f + t * (-0.27736505f
                + t * (0.12191414f + t * -0.0260663f)))));
        return exponent + poly;
    }

    /** 2^y: integer part into the exponent bits, a polynomial for the fraction in [0, 1). */
    static float exp2(float y) {
        if (y < -126) {
            return 0;
        }
        if (y > 127) {
            return Float.POSITIVE_INFINITY;
        }
        float floor = (float) Math.floor(y);
        float f = y - floor;
        // least-squares fit of 2^f on [0, 1], relative error < 2e-7
        float poly = 1 + f * (0.69315275f + f * (0.24015319f + f * (0.05582818f + f * (0.00898895f + f * 0.00187664f))));
        return Float.intBitsToFloat(((int) floor + 127) << 23) * poly;
    }

    private static float clip(float value) {
        return Math.max(-CLIP, Math.min(CLIP, value));
    }

    /** SplitMix64's finaliser: a fast, well-mixed 64-bit hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
