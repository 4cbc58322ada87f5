package dev.fusionlab.project.tsne;

import dev.fusionlab.project.neighbors.Workers;
import java.util.SplittableRandom;

/**
 * Principal component scores by randomized subspace iteration (Halko, Martinsson and Tropp 2011):
 * a few passes of products with the centred data give an orthonormal basis of the leading subspace,
 * and a small eigen-decomposition inside it gives the components. t-SNE uses it to reduce wide inputs
 * to 50 dimensions and for its initial layout; a handful of passes over the data instead of a d x d
 * covariance matrix. Sums over rows are split into fixed blocks so the result does not depend on the
 * number of threads.
 */
final class RandomizedPca {

    private static final int OVERSAMPLING = 10;
    private static final int POWER_ITERATIONS = 2;
    private static final int BLOCK = 512;

    private RandomizedPca() {
    }

    /** Scores of the rows on the first {@code components} principal axes, in decreasing variance order. */
    static float[][] scores(float[][] data, int components, long seed, Workers workers) {
        int n = data.length;
        int d = data[0].length;
        int l = Math.min(Math.min(n, d), components + OVERSAMPLING);
        int c = Math.min(components, l);
        float[] mean = new float[d];
        double[] sum = new double[d];
        for (float[] row : data) {
            for (int j = 0; j < d; j++) {
                sum[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] = (float) (sum[j] / n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] basis = new double[d][l];
        for (double[] r : basis) {
            for (int m = 0; m < l; m++) {
                r[m] = random.nextDouble() - 0.5;
            }
        }
        double[][] q = new double[n][l];
        for (int it = 0; it <= POWER_ITERATIONS; it++) {
            multiply(data, mean, basis, q, workers);
            orthonormalize(q);
            if (it < POWER_ITERATIONS) {
                transposeMultiply(data, mean, q, basis, workers);
                orthonormalize(basis);
            }
        }
        // B = Q^T X is l x d; B B^T = U S^2 U^T and the scores are Q U S.
        double[][] bt = new double[d][l];
        transposeMultiply(data, mean, q, bt, workers);
        double[][] gram = new double[l][l];
        for (double[] row : bt) {
            for (int a = 0; a < l; a++) {
                for (int b = 0; b < l; b++) {
                    gram[a][b] += row[a] * row[b];
                }
            }
        }
        double[][] vectors = new double[l][l];
        double[] values = SymmetricEigen.decompose(gram, vectors);
        float[][] out = new float[n][c];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < c; m++) {
                double s = 0;
                for (int a = 0; a < l; a++) {
                    s += q[i][a] * vectors[a][m];
                }
                out[i][m] = (float) (s * Math.sqrt(Math.max(0, values[m])));
            }
        }
        fixSigns(out);
        return out;
    }

    /** out = (X - mean) * basis, row by row. */
    private static void multiply(float[][] data, float[] mean, double[][] basis, double[][] out, Workers workers) {
        int d = mean.length;
        int l = basis[0].length;
        workers.forRange(data.length, BLOCK, (from, to, worker) -> {
            for (int i = from; i < to; i++) {
                double[] o = out[i];
                java.util.Arrays.fill(o, 0);
                float[] x = data[i];
                for (int j = 0; j < d; j++) {
                    double v = x[j] - mean[j];
                    double[] b = basis[j];
                    for (int m = 0; m < l; m++) {
                        o[m] += v * b[m];
                    }
                }
            }
        });
    }

    /** out = (X - mean)^T * q, summed in fixed row blocks, then the blocks in order. */
    private static void transposeMultiply(float[][] data, float[] mean, double[][] q, double[][] out, Workers workers) {
        int n = data.length;
        int d = mean.length;
        int l = q[0].length;
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[][][] partial = new double[blocks][][];
        workers.forRange(blocks, 1, (from, to, worker) -> {
            for (int blk = from; blk < to; blk++) {
                double[][] acc = new double[d][l];
                for (int i = blk * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                    float[] x = data[i];
                    double[] qi = q[i];
                    for (int j = 0; j < d; j++) {
                        double v = x[j] - mean[j];
                        double[] a = acc[j];
                        for (int m = 0; m < l; m++) {
                            a[m] += v * qi[m];
                        }
                    }
                }
                partial[blk] = acc;
            }
        });
        for (int j = 0; j < d; j++) {
            java.util.Arrays.fill(out[j], 0);
        }
        for (double[][] acc : partial) {
            for (int j = 0; j < d; j++) {
                for (int m = 0; m < l; m++) {
                    out[j][m] += acc[j][m];
                }
            }
        }
    }

    /**
     * Modified Gram-Schmidt, run twice per column for orthogonality to working precision, on the
     * columns of a tall matrix stored by rows (copied to contiguous columns while it works). A column
     * that is numerically in the span of the previous ones, as with rank-deficient data, becomes zero
     * instead of amplified rounding noise.
     */
    private static void orthonormalize(double[][] a) {
        int rows = a.length;
        int l = a[0].length;
        double[][] columns = new double[l][rows];
        for (int r = 0; r < rows; r++) {
            for (int m = 0; m < l; m++) {
                columns[m][r] = a[r][m];
            }
        }
        for (int m = 0; m < l; m++) {
            double[] column = columns[m];
            double before = Math.sqrt(dot(column, column));
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < m; p++) {
                    double[] previous = columns[p];
                    double projection = dot(column, previous);
                    for (int r = 0; r < rows; r++) {
                        column[r] -= projection * previous[r];
                    }
                }
            }
            double norm = Math.sqrt(dot(column, column));
            double scale = norm > 1e-10 * before && norm > 0 ? 1 / norm : 0;
            for (int r = 0; r < rows; r++) {
                column[r] *= scale;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int m = 0; m < l; m++) {
                a[r][m] = columns[m][r];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        int r = 0;
        for (; r + 1 < a.length; r += 2) {
            s0 += a[r] * b[r];
            s1 += a[r + 1] * b[r + 1];
        }
        if (r < a.length) {
            s0 += a[r] * b[r];
        }
        return s0 + s1;
    }

    /** Makes each component's largest-magnitude score positive, so the sign does not depend on the seed. */
    private static void fixSigns(float[][] scores) {
        int c = scores[0].length;
        for (int m = 0; m < c; m++) {
            float extreme = 0;
            for (float[] row : scores) {
                if (Math.abs(row[m]) > Math.abs(extreme)) {
                    extreme = row[m];
                }
            }
            if (extreme < 0) {
                for (float[] row : scores) {
                    row[m] = -row[m];
                }
            }
        }
    }
}
