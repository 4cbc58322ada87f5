package dev.fusionlab.project.pca;

import static dev.fusionlab.project.DenseAlgebra.axpy;
import static dev.fusionlab.project.DenseAlgebra.dot;
import static dev.fusionlab.project.DenseAlgebra.orthonormalize;

import dev.fusionlab.project.DenseAlgebra;
import dev.fusionlab.project.OpenBlas;
import dev.fusionlab.project.Workers;
import dev.fusionlab.task.TaskContext;
import java.util.SplittableRandom;

/**
 * Principal component analysis by randomized SVD (Halko, Martinsson and Tropp 2011, algorithms 4.4 and 5.1).
 *
 * <p>Why not a full eigen-decomposition: a plot needs 2 components (a t-SNE pre-reduction 50) out of
 * hundreds or thousands of dimensions. The randomized range finder gets them from a few passes over the
 * data, each a product with a thin (k + 10)-column matrix, instead of forming and decomposing the d x d
 * covariance. Those products run in OpenBLAS on a centred single-precision copy of the data
 * ({@link BlasCenteredMatrix}), or, where the native library cannot be loaded, in plain Java on the caller's
 * rows with the centring folded in ({@link JavaCenteredMatrix}); the products (one single-threaded OpenBLAS
 * call per fixed block of rows) and every reduction are split into fixed ranges, independent of the thread
 * count. The sign of each axis is fixed (largest loading positive), so the same data and seed give the same
 * picture: bit-identical for any thread count; across CPUs (whose OpenBLAS kernels round differently) and
 * between the OpenBLAS and Java paths, equal to single-precision accuracy.
 */
public final class Pca {

    private static final String STAGE = "pca";
    /** Partial sums are taken over this many row ranges, whatever the thread count: thread-independent results. */
    private static final int PARTS = 64;
    private static final int COLUMN_CHUNK = 32;

    private final float[][] data;
    private final int n;
    private final int d;
    private final double[] mean;
    private final Workers workers;

    private Pca(float[][] data, double[] mean, Workers workers) {
        this.data = data;
        this.n = data.length;
        this.d = data[0].length;
        this.mean = mean;
        this.workers = workers;
    }

    /**
     * Fits a PCA and projects the data.
     *
     * @param data n x d rows (n >= 2, all rows of the same length, finite values)
     * @throws IllegalArgumentException on empty or ragged input or more components than min(n, d)
     */
    public static PcaResult fit(float[][] data, PcaParams params, TaskContext ctx) {
        return fit(data, params, ctx, !Boolean.getBoolean("fusionlab.pca.java"));
    }

    /** @param useBlas try OpenBLAS products first (falling back to Java when it cannot be loaded) */
    static PcaResult fit(float[][] data, PcaParams params, TaskContext ctx, boolean useBlas) {
        checkInput(data, params.components());
        int n = data.length;
        int d = data[0].length;
        int k = params.components();
        int width = Math.min(k + params.oversamples(), Math.min(n, d));
        int passes = 2 * params.powerIterations() + 4;
        try (Workers workers = new Workers(params.threads())) {
            ctx.report(STAGE, 0, "column means");
            double[] mean = columnMeans(data, workers);
            Pca pca = new Pca(data, mean, workers);
            double totalVariance = pca.totalVariance();
            ctx.report(STAGE, 1.0 / passes, "range finder");

            try (CenteredMatrix matrix = centredMatrix(data, mean, workers, useBlas)) {
                double[][] y = matrix.times(gaussian(width, d, params.seed()));
                orthonormalize(y);
                for (int it = 0; it < params.powerIterations(); it++) {
                    ctx.throwIfCancelled(STAGE);
                    double[][] z = matrix.transposeTimes(y);
                    orthonormalize(z);
                    y = matrix.times(z);
                    orthonormalize(y);
                    ctx.report(STAGE, (2.0 + 2 * it) / passes, "power iteration " + (it + 1) + "/" + params.powerIterations());
                }
                ctx.throwIfCancelled(STAGE);
                double[][] b = matrix.transposeTimes(y); // rows of B = Q^T (X - mean), width x d
                PcaResult result = pca.decompose(y, b, k, totalVariance);
                ctx.report(STAGE, 1, k + " components");
                return result;
            }
        }
    }

    /**
     * OpenBLAS products when the native library is there (the launcher and the tests put it on the library
     * path), plain Java otherwise or when the system property {@code fusionlab.pca.java} is true.
     */
    private static CenteredMatrix centredMatrix(float[][] data, double[] mean, Workers workers, boolean useBlas) {
        return useBlas && OpenBlas.available() ? new BlasCenteredMatrix(data, mean, workers)
                : new JavaCenteredMatrix(data, mean, workers);
    }

    /** SVD of the small matrix B = Q^T Xc through the eigen-decomposition of B B^T, then back to n x k. */
    private PcaResult decompose(double[][] q, double[][] b, int k, double totalVariance) {
        int width = b.length;
        double[][] gram = new double[width][width];
        for (int i = 0; i < width; i++) {
            for (int j = i; j < width; j++) {
                gram[i][j] = gram[j][i] = dot(b[i], b[j]);
            }
        }
        double[][] eigen = DenseAlgebra.symmetricEigen(gram);
        double[][] components = new double[k][d];
        double[][] scores = new double[n][k];
        double[] variance = new double[k];
        double[] ratio = new double[k];
        for (int c = 0; c < k; c++) {
            double singular = Math.sqrt(Math.max(0, eigen[0][c]));
            double[] u = eigen[1 + c];
            if (singular > 1e-12 * Math.sqrt(Math.max(eigen[0][0], Double.MIN_NORMAL))) {
                for (int j = 0; j < width; j++) {
                    axpy(u[j] / singular, b[j], components[c]);
                }
            }
            double sign = largestMagnitudeSign(components[c]);
            for (int j = 0; j < d; j++) {
                components[c][j] *= sign;
            }
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < width; j++) {
                    sum += q[j][i] * u[j];
                }
                scores[i][c] = sign * singular * sum;
            }
            variance[c] = singular * singular / (n - 1);
            ratio[c] = totalVariance > 0 ? variance[c] / totalVariance : 0;
        }
        return new PcaResult(scores, components, mean.clone(), variance, ratio);
    }

    private double totalVariance() {
        double[] partial = new double[PARTS];
        workers.forRange(PARTS, 1, (firstPart, endPart, worker) -> {
            for (int part = firstPart; part < endPart; part++) {
                double sum = 0;
                for (int i = (int) ((long) n * part / PARTS); i < (int) ((long) n * (part + 1) / PARTS); i++) {
                    float[] x = data[i];
                    for (int c = 0; c < d; c++) {
                        double centred = x[c] - mean[c];
                        sum += centred * centred;
                    }
                }
                partial[part] = sum;
            }
        });
        double sum = 0;
        for (double p : partial) {
            sum += p;
        }
        return sum / (n - 1);
    }

    private static double[] columnMeans(float[][] data, Workers workers) {
        int n = data.length;
        int d = data[0].length;
        double[] mean = new double[d];
        workers.forRange(d, COLUMN_CHUNK, (from, to, worker) -> {
            for (float[] x : data) {
                for (int c = from; c < to; c++) {
                    mean[c] += x[c];
                }
            }
            for (int c = from; c < to; c++) {
                mean[c] /= n;
            }
        });
        return mean;
    }

    private static double[][] gaussian(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int c = 0; c < columns; c++) {
                row[c] = gaussian(random);
            }
        }
        return m;
    }

    /** Standard normal by Box-Muller (SplittableRandom has no nextGaussian of its own in every JDK). */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double largestMagnitudeSign(double[] v) {
        double best = 0;
        for (double x : v) {
            if (Math.abs(x) > Math.abs(best)) {
                best = x;
            }
        }
        return best < 0 ? -1 : 1;
    }

    private static void checkInput(float[][] data, int components) {
        if (data == null || data.length < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + (data == null ? 0 : data.length));
        }
        int d = data[0].length;
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != d) {
                throw new IllegalArgumentException("PCA input row " + i + " has " + data[i].length
                        + " values, row 0 has " + d);
            }
        }
        if (components > Math.min(data.length, d)) {
            throw new IllegalArgumentException("PCA cannot give " + components + " components for "
                    + data.length + " rows of dimension " + d);
        }
    }
}
