package dev.fusionlab.project.testdata;

import java.util.SplittableRandom;

/**
 * Synthetic embedding-like data for the projection tests and benchmarks: {@code clusters} Gaussian
 * blobs whose centres lie on a random low-dimensional subspace, plus isotropic noise in all
 * dimensions, as real encoder embeddings look (a few directions carry the classes).
 */
public record GaussianMixture(float[][] points, int[] labels) {

    /**
     * @param n          points
     * @param dimensions input dimension
     * @param clusters   number of blobs
     * @param separation distance scale between blob centres, in units of the within-blob spread
     * @param seed       generator seed
     */
    public static GaussianMixture generate(int n, int dimensions, int clusters, double separation, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int latent = Math.min(dimensions, 16);
        double[][] basis = new double[latent][dimensions];
        for (double[] b : basis) {
            for (int j = 0; j < dimensions; j++) {
                b[j] = gaussian(random) / Math.sqrt(dimensions);
            }
        }
        double[][] centres = new double[clusters][latent];
        for (double[] c : centres) {
            for (int j = 0; j < latent; j++) {
                c[j] = gaussian(random) * separation;
            }
        }
        float[][] points = new float[n][dimensions];
        int[] labels = new int[n];
        double noise = 1.0 / Math.sqrt(dimensions);
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(clusters);
            labels[i] = c;
            double[] z = new double[latent];
            for (int j = 0; j < latent; j++) {
                z[j] = centres[c][j] + gaussian(random);
            }
            for (int d = 0; d < dimensions; d++) {
                double v = gaussian(random) * noise;
                for (int j = 0; j < latent; j++) {
                    v += z[j] * basis[j][d];
                }
                points[i][d] = (float) v;
            }
        }
        return new GaussianMixture(points, labels);
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
