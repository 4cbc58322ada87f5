package dev.fusionlab.project.pca;

/**
 * Settings of {@link Pca#fit}.
 *
 * @param components      number of principal components kept (2 for a plot, ~50 as a pre-reduction)
 * @param oversamples     extra random directions of the randomized range finder; 10 (Halko et al.) makes
 *                        the leading components accurate to many digits
 * @param powerIterations power iterations of the range finder; each sharpens the separation of the leading
 *                        components from the rest at the cost of two passes over the data
 * @param seed            seed of the random test matrix: same seed, same result
 * @param threads         worker threads; 0 means one per processor (results do not depend on it)
 */
public record PcaParams(int components, int oversamples, int powerIterations, long seed, int threads) {

    public PcaParams {
        if (components < 1) {
            throw new IllegalArgumentException("PCA needs at least one component, got " + components);
        }
        if (oversamples < 0 || powerIterations < 0) {
            throw new IllegalArgumentException("PCA oversamples and power iterations must be >= 0");
        }
    }

    /** {@code components} components with the accuracy settings of scikit-learn's randomized solver. */
    public static PcaParams of(int components, long seed) {
        return new PcaParams(components, 10, components < 20 ? 7 : 4, seed, 0);
    }

    public PcaParams withThreads(int threadCount) {
        return new PcaParams(components, oversamples, powerIterations, seed, threadCount);
    }
}
