package dev.fusionlab.project.pca;

import dev.fusionlab.project.Workers;

/**
 * Products with the centred data computed in plain Java straight from the caller's rows: no copy, no
 * native code. Centring is folded into the products ((X - 1 m^T) z = X z - (m . z) 1). Each output slice is
 * written by one task of a fixed split, so results do not depend on the thread count. The fallback when
 * OpenBLAS is not available.
 */
final class JavaCenteredMatrix implements CenteredMatrix {

    /** Rows per task of {@link #times}; columns per task of {@link #transposeTimes}. */
    private static final int ROW_CHUNK = 128;
    private static final int COLUMN_CHUNK = 32;

    private final float[][] data;
    private final double[] mean;
    private final int n;
    private final int d;
    private final Workers workers;

    JavaCenteredMatrix(float[][] data, double[] mean, Workers workers) {
        this.data = data;
        this.mean = mean;
        this.n = data.length;
        this.d = mean.length;
        this.workers = workers;
    }

    @Override
    public double[][] times(double[][] z) {
        int width = z.length;
        double[][] y = new double[width][n];
        double[] meanDots = new double[width];
        for (int j = 0; j < width; j++) {
            meanDots[j] = dot(mean, z[j]);
        }
        workers.forRange(n, ROW_CHUNK, (from, to, worker) -> {
            for (int i = from; i < to; i++) {
                float[] x = data[i];
                int j = 0;
                for (; j + 4 <= width; j += 4) {
                    double[] z0 = z[j], z1 = z[j + 1], z2 = z[j + 2], z3 = z[j + 3];
                    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    for (int c = 0; c < d; c++) {
                        double xc = x[c];
                        s0 += xc * z0[c];
                        s1 += xc * z1[c];
                        s2 += xc * z2[c];
                        s3 += xc * z3[c];
                    }
                    y[j][i] = s0 - meanDots[j];
                    y[j + 1][i] = s1 - meanDots[j + 1];
                    y[j + 2][i] = s2 - meanDots[j + 2];
                    y[j + 3][i] = s3 - meanDots[j + 3];
                }
                for (; j < width; j++) {
                    double[] zj = z[j];
                    double s = 0;
                    for (int c = 0; c < d; c++) {
                        s += x[c] * zj[c];
                    }
                    y[j][i] = s - meanDots[j];
                }
            }
        });
        return y;
    }

    @Override
    public double[][] transposeTimes(double[][] y) {
        int width = y.length;
        double[][] w = new double[width][d];
        workers.forRange(d, COLUMN_CHUNK, (from, to, worker) -> {
            for (int i = 0; i < n; i++) {
                float[] x = data[i];
                for (int j = 0; j < width; j++) {
                    double yij = y[j][i];
                    double[] wj = w[j];
                    for (int c = from; c < to; c++) {
                        wj[c] += yij * x[c];
                    }
                }
            }
        });
        for (int j = 0; j < width; j++) {
            double columnSum = 0;
            for (double v : y[j]) {
                columnSum += v;
            }
            double[] wj = w[j];
            for (int c = 0; c < d; c++) {
                wj[c] -= columnSum * mean[c];
            }
        }
        return w;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
