package dev.fusionlab.project.pca;

import dev.fusionlab.project.Workers;
import dev.fusionlab.task.TaskContext;

/**
 * A 2-D PCA layout and the share of the data's variance each of its axes shows, so that an axis can say
 * "PC1 (23.4%)" and a reader can tell a layout that keeps most of the structure from one that keeps a
 * sliver of it. Both are computed together, on the worker that lays the data out: nothing about PCA is
 * recomputed where the layout is shown.
 *
 * @param points         n x 2 coordinates, one row per input row, in input order
 * @param varianceRatios the variance along each axis over the total variance of the rows laid out (the sum of
 *                       every dimension's variance), two values; null when there is no variance to share
 *                       (fewer than 3 rows, or all rows equal)
 */
public record PcaLayout(double[][] points, double[] varianceRatios) {

    /** Rows per chunk of {@link #project}: fixed, so the sums do not depend on the thread count. */
    private static final int CHUNK = 16_384;

    /**
     * Lays {@code data} out on its first two principal axes ({@link Pca#fit}); the ratios are
     * {@link PcaResult#explainedVarianceRatio()}, over all rows. One-dimensional data has one axis: every point
     * lies on x, and y shows 0% of the variance. Fewer than 3 rows: every point at the origin, no ratios.
     *
     * @param threads worker threads; 0 means one per processor
     */
    public static PcaLayout fit(float[][] data, long seed, int threads, TaskContext ctx) {
        if (data.length < 3) {
            return new PcaLayout(new double[data.length][2], null);
        }
        int axes = Math.min(2, data[0].length);
        PcaResult fit = Pca.fit(data, PcaParams.of(axes, seed).withThreads(threads), ctx);
        double[][] scores = fit.scores();
        if (axes == 1) {
            double[][] padded = new double[scores.length][2];
            for (int i = 0; i < scores.length; i++) {
                padded[i][0] = scores[i][0];
            }
            scores = padded;
        }
        double[] ratios = fit.explainedVariance()[0] > 0
                ? new double[] {fit.explainedVarianceRatio()[0], axes == 2 ? fit.explainedVarianceRatio()[1] : 0} : null;
        return new PcaLayout(scores, ratios);
    }

    /**
     * Lays every row of {@code data} out on the first two axes of {@code fit}, a PCA fitted elsewhere (on a
     * subsample of these rows, say): one parallel pass over the data. The ratios are measured over all the
     * rows laid out, not over the rows the axes were fitted on: the variance of each coordinate over the
     * total variance of {@code data}, both about the mean of {@code data}, so they describe the picture shown.
     * Deterministic: the sums are taken over fixed chunks and added in order.
     *
     * @param fit a PCA of rows of the same dimension, with at least two components
     */
    public static PcaLayout project(PcaResult fit, float[][] data) {
        int n = data.length;
        int d = fit.mean().length;
        double[] mean = fit.mean();
        double[] ax = fit.components()[0];
        double[] ay = fit.components()[1];
        double[][] out = new double[n][];
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[][] sums = new double[chunks][]; // per chunk: sum x, sum x^2, sum y, sum y^2, sum |c|^2, sum c (d)
        try (Workers workers = new Workers(0)) { // the caller's thread budget (the workbench keeps a core for its view)
            workers.forRange(chunks, 1, (from, to, worker) -> {
                for (int chunk = from; chunk < to; chunk++) {
                    double[] s = new double[5 + d];
                    for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                        float[] row = data[i];
                        double x = 0, y = 0, squares = 0;
                        for (int j = 0; j < d; j++) {
                            double c = row[j] - mean[j];
                            x += c * ax[j];
                            y += c * ay[j];
                            squares += c * c;
                            s[5 + j] += c;
                        }
                        out[i] = new double[] {x, y};
                        s[0] += x;
                        s[1] += x * x;
                        s[2] += y;
                        s[3] += y * y;
                        s[4] += squares;
                    }
                    sums[chunk] = s;
                }
            });
        }
        double[] total = new double[5 + d];
        for (double[] s : sums) {
            for (int j = 0; j < total.length; j++) {
                total[j] += s[j];
            }
        }
        double offset = 0; // |mean of data - mean of the fit|^2 * n
        for (int j = 0; j < d; j++) {
            offset += total[5 + j] * total[5 + j];
        }
        double all = total[4] - offset / Math.max(1, n);
        double varX = total[1] - total[0] * total[0] / Math.max(1, n);
        double varY = total[3] - total[2] * total[2] / Math.max(1, n);
        double[] ratios = n >= 2 && all > 0 ? new double[] {varX / all, varY / all} : null;
        return new PcaLayout(out, ratios);
    }
}
