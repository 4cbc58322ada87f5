package dev.fusionlab.classify;

/**
 * How to train one classifier. A value (so it can be logged, compared and written next to the results):
 * the same spec on the same data gives the same model on CPU.
 *
 * @param kind         softmax regression or a one-hidden-layer MLP
 * @param hidden       hidden units of the MLP; ignored by {@link ClassifierKind#SOFTMAX}
 * @param learningRate Adam learning rate
 * @param weightDecay  L2 penalty applied by Adam to every parameter (0 = none)
 * @param maxEpochs    upper bound on passes over the training rows
 * @param patience     epochs without a lower validation loss before training stops
 * @param batchSize    rows per Adam step
 * @param seed         seeds weight initialisation, dropout and shuffling
 */
public record ClassifierSpec(ClassifierKind kind, int hidden, double learningRate, double weightDecay,
                             int maxEpochs, int patience, int batchSize, long seed) {

    /** Dropout rate between the MLP's hidden layer and its output layer. */
    public static final float MLP_DROPOUT = 0.2f;

    public ClassifierSpec {
        if (kind == null) {
            throw new IllegalArgumentException("classifier kind is missing");
        }
        if (kind == ClassifierKind.MLP && hidden < 1) {
            throw new IllegalArgumentException("an MLP needs at least one hidden unit, got " + hidden);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        if (maxEpochs < 1 || patience < 1 || batchSize < 1) {
            throw new IllegalArgumentException("maxEpochs, patience and batchSize must be >= 1, got "
                    + maxEpochs + ", " + patience + ", " + batchSize);
        }
    }

    /**
     * Defaults tuned for a few hundred to a few thousand rows of pretrained embeddings: Adam at 3e-3,
     * light weight decay, batches of 64, at most 200 epochs with a patience of 15, 128 hidden units.
     */
    public static ClassifierSpec defaults(ClassifierKind kind, long seed) {
        return new ClassifierSpec(kind, 128, 3e-3, 1e-4, 200, 15, 64, seed);
    }

    public ClassifierSpec withSeed(long newSeed) {
        return new ClassifierSpec(kind, hidden, learningRate, weightDecay, maxEpochs, patience, batchSize, newSeed);
    }

    public ClassifierSpec withMaxEpochs(int epochs) {
        return new ClassifierSpec(kind, hidden, learningRate, weightDecay, epochs, patience, batchSize, seed);
    }
}
