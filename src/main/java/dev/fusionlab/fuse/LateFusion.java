package dev.fusionlab.fuse;

import dev.fusionlab.classify.TrainedClassifier;

/**
 * Late fusion: an image classifier and a text classifier trained separately, their class probabilities
 * combined per sample by a {@link LateCombiner} or, for stacking, by a trained {@link Stacker}. Combining is
 * cheap, so combiner and weight can change without retraining.
 */
public record LateFusion(TrainedClassifier image, TrainedClassifier text) {

    public LateFusion {
        if (!image.classes().equals(text.classes())) {
            throw new IllegalArgumentException("image and text classifiers have different classes: "
                    + image.classes() + " vs " + text.classes());
        }
    }

    /**
     * @param imageRows   normalised image embeddings
     * @param textRows    normalised text embeddings of the same samples
     * @param imageWeight image weight in [0, 1], used by {@link LateCombiner#WEIGHTED}
     * @throws IllegalStateException for {@link LateCombiner#STACKING}: use {@link #predictStacked}
     */
    public float[][] predictProba(float[][] imageRows, float[][] textRows, LateCombiner combiner, double imageWeight) {
        return combiner.combine(image.predictProba(imageRows), text.predictProba(textRows), imageWeight);
    }

    /** Stacked late fusion: both classifiers' probabilities through the trained meta-classifier. */
    public float[][] predictStacked(float[][] imageRows, float[][] textRows, Stacker stacker) {
        return stacker.predictProba(image.predictProba(imageRows), text.predictProba(textRows));
    }
}
