package dev.fusionlab.fuse;

import dev.fusionlab.classify.ClassifierSpec;
import dev.fusionlab.classify.ClassifierTrainer;
import dev.fusionlab.classify.LabelledRows;
import dev.fusionlab.classify.TrainedClassifier;

import dev.fusionlab.data.Split;
import dev.fusionlab.task.TaskContext;

/**
 * Trains everything fusion needs in one call: per-modality normalisers on the training rows, then an image
 * classifier, a text classifier (the unimodal baselines, also late fusion's two sides) and an early-fusion
 * classifier on the fused vectors, all with the same {@link ClassifierSpec}. Progress stages are
 * {@code train-image}, {@code train-text} and {@code train-early}. The late-fusion image weight is also
 * tuned on the validation rows ({@link LateWeightTuner}). The stacking combiner, when asked for, is
 * trained last ({@link StackingTrainer}, stage {@code train-stacking}); it fits two classifiers per
 * fold, which more than doubles the training time, so a run that does not use it skips it.
 */
public final class FusionTrainer {

    private FusionTrainer() {
    }

    /** Why a run has no stacker when nobody asked for one. */
    public static final String STACKING_NOT_REQUESTED =
            "stacking is trained only when it is the combiner chosen before the run, as it fits 2 classifiers per fold";

    /**
     * Everything but the stacker: its outcome is {@link StackingOutcome.Skipped} with
     * {@link #STACKING_NOT_REQUESTED}.
     *
     * @throws IllegalArgumentException when the training split has no labelled row
     * @throws dev.fusionlab.task.CancelledException when cancelled
     */
    public static FusionModels train(FusionInput in, ClassifierSpec spec, TaskContext ctx) {
        return train(in, spec, null, ctx);
    }

    /**
     * As {@link #train(FusionInput, ClassifierSpec, TaskContext)}, and the stacking combiner too.
     *
     * @param stacking how to train the stacker, or null for none
     * @throws IllegalArgumentException when the training split has no labelled row
     * @throws dev.fusionlab.task.CancelledException when cancelled
     */
    public static FusionModels train(FusionInput in, ClassifierSpec spec, StackingSpec stacking, TaskContext ctx) {
        int[] trainRows = in.rows(Split.TRAIN);
        int[] fitRows = in.labelledRows(Split.TRAIN);
        int[] validationRows = in.labelledRows(Split.VALIDATION);
        if (fitRows.length == 0) {
            throw new IllegalArgumentException("the training split has no labelled sample to learn from");
        }
        EarlyFusion normalisation = EarlyFusion.fit(in.image(), in.text(), trainRows);
        float[][] image = normalisation.image().apply(in.image());
        float[][] text = normalisation.text().apply(in.text());
        float[][] fused = EarlyFusion.concatRows(image, text);

        TrainedClassifier imageModel = fit(image, in, fitRows, validationRows, spec, ctx, "train-image");
        TrainedClassifier textModel = fit(text, in, fitRows, validationRows, spec, ctx, "train-text");
        TrainedClassifier earlyModel = fit(fused, in, fitRows, validationRows, spec, ctx, "train-early");
        float[][] imageProbs = imageModel.predictProba(image);
        float[][] textProbs = textModel.predictProba(text);
        float[][] earlyProbs = earlyModel.predictProba(fused);
        double tunedWeight = LateWeightTuner.bestImageWeight(imageProbs, textProbs, in.labels(), validationRows);
        FusionInput normalised = new FusionInput(image, text, in.labels(), in.splits(), in.classes());
        StackingOutcome stacked = stacking == null ? StackingOutcome.skipped(STACKING_NOT_REQUESTED)
                : StackingTrainer.train(normalised, imageProbs, textProbs, spec, stacking, ctx);
        return new FusionModels(normalisation, imageModel, textModel, earlyModel, fused,
                imageProbs, textProbs, earlyProbs, new LateFusionModels(stacked, tunedWeight));
    }

    private static TrainedClassifier fit(float[][] x, FusionInput in, int[] fitRows, int[] validationRows,
                                         ClassifierSpec spec, TaskContext ctx, String stage) {
        ctx.throwIfCancelled(stage);
        return ClassifierTrainer.train(LabelledRows.select(x, in.labels(), fitRows),
                LabelledRows.select(x, in.labels(), validationRows), in.classes(), spec, ctx, stage);
    }
}
