package dev.fusionlab.robustness;

import dev.fusionlab.fuse.FusionModels;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.fuse.StackingOutcome;
import dev.fusionlab.pipeline.RunResult;
import java.util.Locale;

/**
 * The one place this package touches the trained models of a run ({@code fuse}): normalise each modality as
 * in training, run the image, text and early-fusion classifiers, combine late fusion with the run's combiner.
 * Everything else in the package works on plain arrays, so a change of the fusion API is ported here.
 */
final class FusionAdapter {

    private final FusionModels models;
    private final LateCombiner combiner;
    private final double imageWeight;

    private FusionAdapter(FusionModels models, LateCombiner combiner, double imageWeight) {
        this.models = models;
        this.combiner = combiner;
        this.imageWeight = imageWeight;
    }

    /**
     * @throws IllegalArgumentException when the run trained no classifier (unlabelled data) or kept no models
     */
    static FusionAdapter of(RunResult run) {
        if (!run.isClassified() || run.models() == null) {
            throw new IllegalArgumentException("ablation needs a run with trained classifiers: "
                    + (run.isClassified() ? "this result does not keep its models" : "the dataset is unlabelled"));
        }
        if (run.config().combiner().isTrained() && !(run.models().stacking() instanceof StackingOutcome.Trained)) {
            throw new IllegalArgumentException("the run's combiner is stacking but no stacker was trained");
        }
        return new FusionAdapter(run.models(), run.config().combiner(), run.config().imageWeight());
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
        float[][] joint = new float[normalisedImage.length][];
        for (int r = 0; r < joint.length; r++) {
            float[] a = normalisedImage[r];
            float[] b = normalisedText[r];
            joint[r] = new float[a.length + b.length];
            System.arraycopy(a, 0, joint[r], 0, a.length);
            System.arraycopy(b, 0, joint[r], a.length, b.length);
        }
        return models.early().predictProba(joint);
    }

    /** Late fusion of the two classifiers' probabilities under the run's combiner (stacking: its stacker). */
    float[][] late(float[][] imageProbs, float[][] textProbs) {
        if (combiner.isTrained()) {
            return ((StackingOutcome.Trained) models.stacking()).stacker().predictProba(imageProbs, textProbs);
        }
        return combiner.combine(imageProbs, textProbs, imageWeight);
    }

    /** The combiner's name as written in reports, e.g. {@code mean} or {@code weighted}. */
    String combinerName() {
        return combiner.name().toLowerCase(Locale.ROOT);
    }

    double imageWeight() {
        return imageWeight;
    }
}
