package dev.fusionlab.project.tsne;

/**
 * Settings of a t-SNE run. {@link #defaults()} follows scikit-learn 1.2 and openTSNE: perplexity 30,
 * early exaggeration 12 for 250 iterations, automatic learning rate, Barnes-Hut angle 0.5, PCA
 * initialisation, inputs wider than 50 dimensions first reduced to 50 by PCA.
 *
 * @param perplexity             effective number of neighbours (5 to 50 is usual); capped at (n-1)/3
 * @param iterations             total gradient-descent iterations, exaggeration phase included
 * @param earlyExaggeration      factor applied to the attractive forces in the first phase
 * @param exaggerationIterations length of the first phase
 * @param learningRate           step size, or {@link #AUTO_LEARNING_RATE} for max(n / exaggeration / 4, 50)
 * @param theta                  Barnes-Hut opening angle: 0 would be exact, larger is faster and rougher
 * @param pcaDimensions          inputs with more columns are PCA-reduced to this many first; 0 disables
 * @param initialization         starting layout
 * @param seed                   seed of everything random: same seed, same layout
 * @param threads                worker threads; 0 means all processors
 * @param repulsion              how the repulsive forces are approximated; {@link RepulsionMethod#AUTO} picks
 *                               by the number of points
 */
public record TsneParams(double perplexity, int iterations, double earlyExaggeration, int exaggerationIterations,
                         double learningRate, double theta, int pcaDimensions, Initialization initialization,
                         long seed, int threads, RepulsionMethod repulsion) {

    /** Marks the automatic learning rate. */
    public static final double AUTO_LEARNING_RATE = 0;

    /** Starting layout of the optimisation. */
    public enum Initialization {
        /** First two principal components scaled to a standard deviation of 1e-4: global structure kept, reproducible. */
        PCA,
        /** Gaussian noise of standard deviation 1e-4 drawn from the seed. */
        RANDOM
    }

    public TsneParams {
        if (!(perplexity > 0)) {
            throw new IllegalArgumentException("perplexity must be positive, got " + perplexity);
        }
        if (iterations < 1 || exaggerationIterations < 0 || exaggerationIterations > iterations) {
            throw new IllegalArgumentException("need 0 <= exaggerationIterations (" + exaggerationIterations
                    + ") <= iterations (" + iterations + "), iterations >= 1");
        }
        if (!(earlyExaggeration >= 1)) {
            throw new IllegalArgumentException("earlyExaggeration must be >= 1, got " + earlyExaggeration);
        }
        if (!(learningRate >= 0)) {
            throw new IllegalArgumentException("learningRate must be positive or AUTO (0), got " + learningRate);
        }
        if (!(theta >= 0)) {
            throw new IllegalArgumentException("theta must be >= 0, got " + theta);
        }
        if (pcaDimensions < 0) {
            throw new IllegalArgumentException("pcaDimensions must be >= 0, got " + pcaDimensions);
        }
        java.util.Objects.requireNonNull(initialization, "initialization");
        java.util.Objects.requireNonNull(repulsion, "repulsion");
    }

    /** The settings before the repulsion method was selectable: {@link RepulsionMethod#AUTO}. */
    public TsneParams(double perplexity, int iterations, double earlyExaggeration, int exaggerationIterations,
                      double learningRate, double theta, int pcaDimensions, Initialization initialization,
                      long seed, int threads) {
        this(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta, pcaDimensions,
                initialization, seed, threads, RepulsionMethod.AUTO);
    }

    public static TsneParams defaults() {
        return new TsneParams(30, 750, 12, 250, AUTO_LEARNING_RATE, 0.5, 50, Initialization.PCA, 42, 0, RepulsionMethod.AUTO);
    }

    public TsneParams withPerplexity(double value) {
        return new TsneParams(value, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                pcaDimensions, initialization, seed, threads, repulsion);
    }

    public TsneParams withIterations(int value) {
        return new TsneParams(perplexity, value, earlyExaggeration, Math.min(exaggerationIterations, value),
                learningRate, theta, pcaDimensions, initialization, seed, threads, repulsion);
    }

    public TsneParams withInitialization(Initialization value) {
        return new TsneParams(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                pcaDimensions, value, seed, threads, repulsion);
    }

    public TsneParams withSeed(long value) {
        return new TsneParams(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                pcaDimensions, initialization, value, threads, repulsion);
    }

    public TsneParams withThreads(int value) {
        return new TsneParams(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                pcaDimensions, initialization, seed, value, repulsion);
    }

    public TsneParams withTheta(double value) {
        return new TsneParams(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, value,
                pcaDimensions, initialization, seed, threads, repulsion);
    }

    public TsneParams withPcaDimensions(int value) {
        return new TsneParams(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                value, initialization, seed, threads, repulsion);
    }

    public TsneParams withRepulsion(RepulsionMethod value) {
        return new TsneParams(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                pcaDimensions, initialization, seed, threads, value);
    }

    /** The learning rate used for {@code n} points. */
    public double effectiveLearningRate(int n) {
        return learningRate > 0 ? learningRate : Math.max(n / earlyExaggeration / 4.0, 50.0);
    }
}
