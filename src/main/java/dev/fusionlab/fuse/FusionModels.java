package dev.fusionlab.fuse;

import dev.fusionlab.classify.ClassifierProvenance;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.classify.TrainedClassifier;

import java.util.EnumMap;
import java.util.Map;

/**
 * The trained models of one run and their outputs for every row of the {@link FusionInput}.
 *
 * @param normalisation the per-modality normalisers, fitted on the training rows
 * @param image         classifier on the normalised image embeddings
 * @param text          classifier on the normalised text embeddings
 * @param early         classifier on the fused vectors
 * @param fused         fused (early-fusion) vector of every row: the "fused" embedding space
 * @param imageProbs    image classifier's probabilities for every row
 * @param textProbs     text classifier's probabilities for every row
 * @param earlyProbs    early-fusion probabilities for every row
 * @param late          what late fusion learned besides the two classifiers: stacker (or why none) and the
 *                      image weight tuned on the validation rows
 */
public record FusionModels(EarlyFusion normalisation, TrainedClassifier image, TrainedClassifier text,
                           TrainedClassifier early, float[][] fused, float[][] imageProbs, float[][] textProbs,
                           float[][] earlyProbs, LateFusionModels late) {

    /** The stacking outcome: the trained stacker, or why there is none. */
    public StackingOutcome stacking() {
        return late.stacking();
    }

    /** Image weight for {@link LateCombiner#WEIGHTED} learned on the validation rows; what {@link LateCombiner#TUNED} uses. */
    public double tunedImageWeight() {
        return late.tunedImageWeight();
    }

    /**
     * Late-fusion probabilities for every row; cheap, nothing is retrained.
     *
     * @throws IllegalStateException for STACKING when stacking was skipped, with the reason
     */
    public float[][] lateProbs(LateCombiner combiner, double imageWeight) {
        return late.resolve(combiner, imageWeight).strict().combine(imageProbs, textProbs);
    }

    /** Probabilities of all four strategies for every row, late fusion as {@link #lateProbs}. */
    public Map<Strategy, float[][]> probabilities(LateCombiner combiner, double imageWeight) {
        return probabilities(late.resolve(combiner, imageWeight).strict());
    }

    /**
     * Late fusion of new rows: both classifiers' probabilities combined by {@code lateFusion}.
     *
     * @param imageRows normalised image embeddings ({@link EarlyFusion#image()})
     * @param textRows  normalised text embeddings of the same samples
     */
    public float[][] predictLate(float[][] imageRows, float[][] textRows, LateFusion lateFusion) {
        return lateFusion.combine(image.predictProba(imageRows), text.predictProba(textRows));
    }

    /** Probabilities of all four strategies for every row, late fusion combined by {@code lateFusion}. */
    public Map<Strategy, float[][]> probabilities(LateFusion lateFusion) {
        Map<Strategy, float[][]> all = new EnumMap<>(Strategy.class);
        all.put(Strategy.IMAGE, imageProbs);
        all.put(Strategy.TEXT, textProbs);
        all.put(Strategy.EARLY, earlyProbs);
        all.put(Strategy.LATE, lateFusion.combine(imageProbs, textProbs));
        return all;
    }

    /** Provenance of the classifier behind each trained strategy (LATE reuses IMAGE's and TEXT's). */
    public Map<Strategy, ClassifierProvenance> provenance() {
        Map<Strategy, ClassifierProvenance> all = new EnumMap<>(Strategy.class);
        all.put(Strategy.IMAGE, image.provenance());
        all.put(Strategy.TEXT, text.provenance());
        all.put(Strategy.EARLY, early.provenance());
        return all;
    }
}
