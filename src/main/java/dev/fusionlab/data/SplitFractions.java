package dev.fusionlab.data;

/**
 * Shares of train, validation and test used when a dataset does not name its own splits.
 *
 * @param train      share of groups for fitting classifiers
 * @param validation share of groups for early stopping
 * @param test       share of groups for the reported scores
 */
public record SplitFractions(double train, double validation, double test) {

    /** The usual 70 / 15 / 15. */
    public static final SplitFractions DEFAULT = new SplitFractions(0.70, 0.15, 0.15);

    public SplitFractions {
        if (train <= 0 || validation < 0 || test < 0) {
            throw new IllegalArgumentException("split fractions must be >= 0 and train > 0: "
                    + train + "/" + validation + "/" + test);
        }
        if (Math.abs(train + validation + test - 1.0) > 1e-6) {
            throw new IllegalArgumentException("split fractions must add up to 1: "
                    + train + "/" + validation + "/" + test);
        }
    }

    double of(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VALIDATION -> validation;
            case TEST -> test;
        };
    }
}
