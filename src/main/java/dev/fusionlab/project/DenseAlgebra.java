package dev.fusionlab.project;

/**
 * The two small dense operations the projections need, on a handful of vectors at a time: Gram-Schmidt
 * orthonormalisation and the eigen-decomposition of a small symmetric matrix (cyclic Jacobi rotations: a
 * few dozen lines, accurate to machine precision, plenty fast for matrices of a few dozen rows). Not worth
 * a native LAPACK call.
 */
public final class DenseAlgebra {

    private DenseAlgebra() {
    }

    /**
     * Makes the vectors orthonormal in place by modified Gram-Schmidt, run twice ("twice is enough") for
     * stability. A vector that is (numerically) in the span of the previous ones becomes zero.
     */
    public static void orthonormalize(double[][] vectors) {
        double[] original = new double[vectors.length];
        for (int j = 0; j < vectors.length; j++) {
            original[j] = Math.sqrt(dot(vectors[j], vectors[j]));
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < vectors.length; j++) {
                double[] v = vectors[j];
                for (int p = 0; p < j; p++) {
                    axpy(-dot(vectors[p], v), vectors[p], v);
                }
                double norm = Math.sqrt(dot(v, v));
                double scale = norm > 1e-10 * original[j] && norm > 0 ? 1 / norm : 0;
                for (int i = 0; i < v.length; i++) {
                    v[i] *= scale;
                }
            }
        }
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** y += alpha x */
    public static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    /**
     * @param matrix symmetric m x m matrix (not modified)
     * @return {@code [values, vectors]}: values[0][i] in decreasing order, vectors[1 + i] the unit eigenvector
     *         of values[0][i]
     */
    public static double[][] symmetricEigen(double[][] matrix) {
        int m = matrix.length;
        double[][] a = new double[m][];
        double[][] v = new double[m][m];
        for (int i = 0; i < m; i++) {
            a[i] = matrix[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100 && offDiagonal(a) > 1e-30 * Math.max(1e-300, diagonal(a)); sweep++) {
            for (int p = 0; p < m - 1; p++) {
                for (int q = p + 1; q < m; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
        double[][] result = new double[m + 1][];
        result[0] = new double[m];
        for (int r = 0; r < m; r++) {
            int i = order[r];
            result[0][r] = a[i][i];
            result[1 + r] = new double[m];
            for (int j = 0; j < m; j++) {
                result[1 + r][j] = v[j][i];
            }
        }
        return result;
    }

    /** Zeroes a[p][q] by a rotation in the (p, q) plane, accumulating the rotation into v's columns. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int m = a.length;
        for (int k = 0; k < m; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < m; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < m; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    sum += a[i][j] * a[i][j];
                }
            }
        }
        return sum;
    }

    private static double diagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i][i] * a[i][i];
        }
        return sum;
    }
}
