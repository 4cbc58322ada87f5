package dev.fusionlab.ui.model;

import java.util.Locale;

/**
 * The share of the data's variance each axis of a PCA layout shows ("PC1 (23.4%)"), so that a reader can
 * tell a layout that keeps most of the structure from one that keeps a sliver of it.
 *
 * <p>A PCA layout's axes are orthonormal directions of the centred embedding and its coordinates are the
 * projections on them, so the variance along axis k is the variance of coordinate k, and its share is
 * that over the total variance (the sum of every dimension's variance) of the embedding laid out. This is
 * the explained-variance ratio {@code project.pca.PcaResult} computes, obtained from the layout and the
 * embedding alone, so that nothing about PCA has to travel with the layout; it agrees with it to float
 * rounding (the layout is kept in floats).
 */
public final class ExplainedVariance {

    private ExplainedVariance() {
    }

    /**
     * @param xs        first coordinate of every point
     * @param ys        second coordinate
     * @param embedding the rows laid out, in the same order
     * @return the share of the total variance along each axis, or null when the sizes disagree or the
     *         embedding has no variance
     */
    public static double[] ratios(float[] xs, float[] ys, float[][] embedding) {
        int n = xs.length;
        if (n < 2 || embedding == null || embedding.length != n || ys.length != n) {
            return null;
        }
        int d = embedding[0].length;
        double[] mean = new double[d];
        for (float[] row : embedding) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double total = 0;
        for (float[] row : embedding) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                total += c * c;
            }
        }
        if (!(total > 0)) {
            return null;
        }
        return new double[] {sumOfSquares(xs) / total, sumOfSquares(ys) / total};
    }

    /** "PC1 (23.4%)" for axis 1 with ratio 0.234. */
    public static String label(int axis, double ratio) {
        return String.format(Locale.ROOT, "PC%d (%.1f%%)", axis, ratio * 100);
    }

    private static double sumOfSquares(float[] v) {
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double sum = 0;
        for (float x : v) {
            sum += (x - mean) * (x - mean);
        }
        return sum;
    }
}
