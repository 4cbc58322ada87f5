package dev.fusionlab.fuse;

/**
 * What the stacking stage of a run produced: a trained {@link Stacker} with the stacked probabilities of
 * every row, or the reason it was skipped (too few labelled training rows per class for two folds, or not
 * asked for). Kept in {@link LateFusionModels}, so {@link LateCombiner#STACKING} can be switched to without
 * retraining; {@link LateFusion#resolve} falls back with that reason when there is nothing to switch to.
 */
public sealed interface StackingOutcome {

    /** The stacked distribution of every row. @throws IllegalStateException when stacking was skipped */
    float[][] probabilities();

    /** Whether {@link #probabilities()} has something to give. */
    default boolean isAvailable() {
        return this instanceof Trained;
    }

    static StackingOutcome skipped(String reason) {
        return new Skipped(reason);
    }

    /**
     * @param stacker       the meta-classifier and its provenance
     * @param probabilities stacked distribution of every row of the run
     * @param outOfFold     the out-of-fold base predictions it was trained on
     */
    record Trained(Stacker stacker, float[][] probabilities, OutOfFoldPredictions outOfFold) implements StackingOutcome {
    }

    /** @param reason why stacking was not trained, phrased for a user */
    record Skipped(String reason) implements StackingOutcome {

        public Skipped {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a skipped stacking needs its reason");
            }
        }

        @Override
        public float[][] probabilities() {
            throw new IllegalStateException("stacking is not available for this run: " + reason);
        }
    }
}
