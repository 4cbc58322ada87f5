package dev.fusionlab.project.bench;

import java.util.Random;

/**
 * Embedding-like benchmark data: a mixture of clusters of unequal sizes (Zipf-like), each spread over its
 * own low-dimensional subspace with a decaying spectrum plus isotropic noise, like class clusters of
 * encoder outputs. Text-like data is L2-normalised (sentence encoders output unit vectors); image-like
 * data is made non-negative (pooled ReLU features).
 */
final class SyntheticEmbeddings {

    private SyntheticEmbeddings() {
    }

    static float[][] generate(int n, int d, int clusters, boolean unitNorm, long seed) {
        Random random = new Random(seed);
        int latent = 8;
        double[] share = new double[clusters];
        double total = 0;
        for (int c = 0; c < clusters; c++) {
            share[c] = 1.0 / Math.pow(c + 1, 0.7);
            total += share[c];
        }
        double[][] centres = new double[clusters][d];
        double[][][] axes = new double[clusters][latent][d];
        for (int c = 0; c < clusters; c++) {
            for (int j = 0; j < d; j++) {
                centres[c][j] = random.nextGaussian() * 1.0;
            }
            for (int a = 0; a < latent; a++) {
                for (int j = 0; j < d; j++) {
                    axes[c][a][j] = random.nextGaussian() * 0.9 / (1 + a) / Math.sqrt(1.0);
                }
            }
        }
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble() * total;
            int c = 0;
            while (c < clusters - 1 && u > share[c]) {
                u -= share[c];
                c++;
            }
            double[] row = centres[c].clone();
            for (int a = 0; a < latent; a++) {
                double z = random.nextGaussian();
                for (int j = 0; j < d; j++) {
                    row[j] += z * axes[c][a][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < d; j++) {
                row[j] += random.nextGaussian() * 0.6;
                if (!unitNorm) {
                    row[j] = Math.max(0, row[j]);
                }
                norm += row[j] * row[j];
            }
            double scale = unitNorm ? 1 / Math.sqrt(norm) : 1;
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) (row[j] * scale);
            }
        }
        return x;
    }
}
