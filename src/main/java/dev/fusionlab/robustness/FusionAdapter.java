package dev.fusionlab.robustness;

import dev.fusionlab.fuse.EarlyFusion;
import dev.fusionlab.fuse.FusionModels;
import dev.fusionlab.fuse.LateFusion;
import dev.fusionlab.pipeline.RunResult;

/**
 * The one place this package touches the trained models of a run ({@code fuse}): normalise each modality as
 * in training, run the image, text and early-fusion classifiers, combine late fusion with the run's combiner.
 * Everything else in the package works on plain arrays, so a change of the fusion API is ported here.
 */
final class FusionAdapter {

    private final FusionModels models;
    private final LateFusion late;

    private FusionAdapter(FusionModels models, LateFusion late) {
        this.models = models;
        this.late = late;
    }

    /**
     * @throws IllegalArgumentException when the run trained no classifier (unlabelled data) or kept no models
     */
    static FusionAdapter of(RunResult run) {
        if (!run.isClassified() || run.models() == null) {
            throw new IllegalArgumentException("ablation needs a run with trained classifiers: "
                    + (run.isClassified() ? "this result does not keep its models" : "the dataset is unlabelled"));
        }
        LateFusion.Resolved late = run.lateFusion();
        if (late.isFallback()) {
            throw new IllegalArgumentException("the run's late fusion is not available: " + late.note());
        }
        return new FusionAdapter(run.models(), late.fusion());
    }

    float[][] normaliseImage(float[][] raw) {
        return models.normalisation().image().apply(raw);
    }

    float[][] normaliseText(float[][] raw) {
        return models.normalisation().text().apply(raw);
    }

    float[][] image(float[][] normalisedImage) {
        return models.image().predictProba(normalisedImage);
    }

    float[][] text(float[][] normalisedText) {
        return models.text().predictProba(normalisedText);
    }

    /** Early fusion on the concatenation, image block first, as in training. */
    float[][] early(float[][] normalisedImage, float[][] normalisedText) {
        return models.early().predictProba(EarlyFusion.concatRows(normalisedImage, normalisedText));
    }

    /** Late fusion of the two classifiers' probabilities as the run resolved it (stacking: its stacker). */
    float[][] late(float[][] imageProbs, float[][] textProbs) {
        return late.combine(imageProbs, textProbs);
    }

    /** The combiner's name as written in reports, e.g. {@code mean} or {@code weighted}. */
    String combinerName() {
        return late.combiner().key();
    }

    /** The image weight late fusion used (weighted, tuned); NaN where none applies. */
    double imageWeight() {
        return late.imageWeight();
    }
}
