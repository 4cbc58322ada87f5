package dev.fusionlab.project.tsne;

import dev.fusionlab.project.neighbors.Distances;

/**
 * Exact t-SNE cost of a layout: KL(P || Q) with P calibrated over all pairs (not only neighbours) and
 * Q the normalised Student-t similarities of the layout. O(n²): for small data, to compare layouts
 * made by different implementations on equal terms.
 */
public final class KlDivergence {

    private KlDivergence() {
    }

    public static double exact(float[][] data, double[][] layout, double perplexity) {
        int n = data.length;
        if (layout.length != n) {
            throw new IllegalArgumentException("layout has " + layout.length + " points but data has " + n);
        }
        double[][] p = new double[n][n];
        double[] sq = new double[n - 1];
        double[] row = new double[n - 1];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sq[m++] = Distances.squaredEuclidean(data[i], data[j]);
                }
            }
            PerplexitySearch.conditional(sq, n - 1, perplexity, row);
            m = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    p[i][j] = row[m++];
                }
            }
        }
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    z += student(layout[i], layout[j]);
                }
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double pij = (p[i][j] + p[j][i]) / (2.0 * n);
                if (j != i && pij > 0) {
                    double qij = student(layout[i], layout[j]) / z;
                    kl += pij * Math.log(pij / Math.max(qij, Double.MIN_NORMAL));
                }
            }
        }
        return kl;
    }

    private static double student(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        return 1 / (1 + dx * dx + dy * dy);
    }
}
