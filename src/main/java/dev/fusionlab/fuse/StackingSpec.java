package dev.fusionlab.fuse;

/**
 * How to train late fusion's stacking combiner.
 *
 * @param folds    folds of the out-of-fold base predictions; fewer are used when the smallest class has
 *                 fewer labelled training rows (never fewer than 2)
 * @param features what the meta-classifier reads
 */
public record StackingSpec(int folds, StackingFeatures features) {

    /** scikit-learn's default for {@code StackingClassifier}'s cross-validation. */
    public static final int DEFAULT_FOLDS = 5;

    public StackingSpec {
        if (folds < 2) {
            throw new IllegalArgumentException("stacking needs at least 2 folds, got " + folds);
        }
        if (features == null) {
            throw new IllegalArgumentException("stacking features are missing");
        }
    }

    public static StackingSpec defaults() {
        return new StackingSpec(DEFAULT_FOLDS, StackingFeatures.LOG_PROBABILITIES);
    }

    /**
     * The meta-classifier: multinomial logistic regression ({@link ClassifierKind#SOFTMAX}) with the default
     * optimiser settings, whatever kind the base classifiers are: it sees only {@code 2 * classes} features.
     */
    public ClassifierSpec metaClassifier(long seed) {
        return ClassifierSpec.defaults(ClassifierKind.SOFTMAX, seed);
    }
}
