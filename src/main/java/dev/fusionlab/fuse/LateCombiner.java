package dev.fusionlab.fuse;

import java.util.Locale;

/**
 * The late-fusion combiner a user chooses (GUI combo box, {@code --combiner}, {@code RunConfig}): a name,
 * nothing more. {@link LateFusion#resolve} turns the choice into the {@link LateFusion} that combines:
 * a formula with its weight, the run's trained stacker, or the image weight tuned on the validation split.
 */
public enum LateCombiner {
    /** arithmetic mean of the two distributions */
    MEAN,
    /** w * p_image + (1 - w) * p_text, w chosen by the user */
    WEIGHTED,
    /** normalised product (a naive-Bayes style combination) */
    PRODUCT,
    /** normalised element-wise maximum */
    MAX,
    /** a meta-classifier trained on out-of-fold image and text probabilities (see {@link StackingTrainer}) */
    STACKING,
    /** WEIGHTED with the image weight tuned on the validation rows (see {@link LateWeightTuner}) */
    TUNED;

    /** True for STACKING: a combiner learned with extra classifiers, trained only in runs that choose it. */
    public boolean isTrained() {
        return this == STACKING;
    }

    /** True for the fixed formulas MEAN, WEIGHTED, PRODUCT and MAX. */
    public boolean isFormula() {
        return this != STACKING && this != TUNED;
    }

    /** Lower-case name used in files and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
