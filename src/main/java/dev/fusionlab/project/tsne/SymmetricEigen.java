package dev.fusionlab.project.tsne;

/** Cyclic Jacobi eigen-decomposition of a small symmetric matrix (a few dozen rows). */
final class SymmetricEigen {

    private SymmetricEigen() {
    }

    /**
     * @param matrix  symmetric matrix, destroyed
     * @param vectors receives the eigenvectors as columns, ordered like the returned values
     * @return eigenvalues in decreasing order
     */
    static double[] decompose(double[][] matrix, double[][] vectors) {
        int l = matrix.length;
        double[][] a = matrix;
        for (int i = 0; i < l; i++) {
            java.util.Arrays.fill(vectors[i], 0);
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < l; p++) {
                for (int q = p + 1; q < l; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-22 * (1 + trace2(a))) {
                break;
            }
            for (int p = 0; p < l; p++) {
                for (int q = p + 1; q < l; q++) {
                    if (Math.abs(a[p][q]) > 1e-300) {
                        rotate(a, vectors, p, q);
                    }
                }
            }
        }
        Integer[] order = new Integer[l];
        for (int i = 0; i < l; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
        double[] values = new double[l];
        double[][] sorted = new double[l][l];
        for (int m = 0; m < l; m++) {
            values[m] = a[order[m]][order[m]];
            for (int r = 0; r < l; r++) {
                sorted[r][m] = vectors[r][order[m]];
            }
        }
        for (int r = 0; r < l; r++) {
            System.arraycopy(sorted[r], 0, vectors[r], 0, l);
        }
        return values;
    }

    private static double trace2(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i][i] * a[i][i];
        }
        return s;
    }

    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int l = a.length;
        for (int k = 0; k < l; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < l; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < l; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
