package dev.fusionlab.project.umap;

import java.util.Arrays;

/** Exact Euclidean k nearest neighbours by brute force: test input for the layout, small n only. */
final class ExactNeighbors {

    final int[][] indices;
    final float[][] distances;

    ExactNeighbors(float[][] data, int k) {
        int n = data.length;
        indices = new int[n][k];
        distances = new float[n][k];
        for (int i = 0; i < n; i++) {
            long[] keyed = new long[n - 1];
            double[] d = new double[n];
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double sum = 0;
                    for (int c = 0; c < data[i].length; c++) {
                        double diff = data[i][c] - data[j][c];
                        sum += diff * diff;
                    }
                    d[j] = Math.sqrt(sum);
                    keyed[m++] = ((long) Float.floatToIntBits((float) d[j]) << 32) | j;
                }
            }
            Arrays.sort(keyed);
            for (int r = 0; r < k; r++) {
                indices[i][r] = (int) keyed[r];
                distances[i][r] = (float) d[indices[i][r]];
            }
        }
    }
}
