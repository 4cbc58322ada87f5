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
 * @param tunedImageWeight image weight for {@link LateCombiner#WEIGHTED} learned on the validation rows
 *                         (see {@link LateWeightTuner}); 0.5 without validation rows
 * @param stacking      the trained {@link LateCombiner#STACKING} combiner with its probabilities for every row,
 *                      or why it was skipped
 */
public record FusionModels(EarlyFusion normalisation, TrainedClassifier image, TrainedClassifier text,
                           TrainedClassifier early, float[][] fused, float[][] imageProbs, float[][] textProbs,
                           float[][] earlyProbs, double tunedImageWeight, StackingOutcome stacking) {

    public LateFusion lateFusion() {
        return new LateFusion(image, text);
    }

    /**
     * Late-fusion probabilities for every row; cheap, nothing is retrained ({@link LateCombiner#STACKING}'s
     * were computed at training time).
     *
     * @throws IllegalStateException for STACKING when stacking was skipped, with the reason
     */
    public float[][] lateProbs(LateCombiner combiner, double imageWeight) {
        return combiner.isTrained() ? stacking.probabilities() : combiner.combine(imageProbs, textProbs, imageWeight);
    }

    /** Probabilities of all four strategies for every row, late fusion combined as asked. */
    public Map<Strategy, float[][]> probabilities(LateCombiner combiner, double imageWeight) {
        Map<Strategy, float[][]> all = new EnumMap<>(Strategy.class);
        all.put(Strategy.IMAGE, imageProbs);
        all.put(Strategy.TEXT, textProbs);
        all.put(Strategy.EARLY, earlyProbs);
        all.put(Strategy.LATE, lateProbs(combiner, imageWeight));
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
