package dev.fusionlab.fuse;

/**
 * What a run learned for late fusion besides its image and text classifiers: the stacker (or why there is
 * none) and the image weight tuned on the validation rows. Kept with the run, so any combiner can be
 * switched to afterwards without retraining; {@link #resolve} turns a choice into a {@link LateFusion}.
 *
 * @param stacking         the trained stacker with its probabilities of every row, or why it was skipped
 * @param tunedImageWeight image weight learned on the validation rows ({@link LateWeightTuner}); 0.5
 *                         without validation rows
 */
public record LateFusionModels(StackingOutcome stacking, double tunedImageWeight) {

    public LateFusionModels {
        if (stacking == null) {
            throw new IllegalArgumentException("a stacking outcome is needed, trained or skipped");
        }
        if (!(tunedImageWeight >= 0 && tunedImageWeight <= 1)) {
            throw new IllegalArgumentException("tuned image weight must be in [0, 1], got " + tunedImageWeight);
        }
    }

    /** Nothing learned (an unlabelled run, or a run that did not train late fusion): no stacker, weight 0.5. */
    public static LateFusionModels untrained(String why) {
        return new LateFusionModels(StackingOutcome.skipped(why), 0.5);
    }

    /** See {@link LateFusion#resolve}. */
    public LateFusion.Resolved resolve(LateCombiner asked, double imageWeight) {
        return LateFusion.resolve(asked, imageWeight, this);
    }
}
