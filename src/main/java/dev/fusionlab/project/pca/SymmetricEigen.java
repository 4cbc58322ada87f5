package dev.fusionlab.project.pca;

/**
 * Eigen-decomposition of a small dense symmetric matrix by cyclic Jacobi rotations: a few dozen lines,
 * accurate to machine precision, and plenty fast for the (k + oversamples)-square matrices PCA needs.
 */
final class SymmetricEigen {

    private SymmetricEigen() {
    }

    /**
     * @param matrix symmetric m x m matrix (not modified)
     * @return {@code [values, vectors]}: values[0][i] in decreasing order, vectors[1 + i] the unit eigenvector
     *         of values[0][i]
     */
    static double[][] decompose(double[][] matrix) {
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
