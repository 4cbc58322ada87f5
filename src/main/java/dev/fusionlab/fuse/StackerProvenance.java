package dev.fusionlab.fuse;

import dev.fusionlab.classify.ClassifierProvenance;

/**
 * Where a {@link Stacker} came from, next to the base classifiers' {@link ClassifierProvenance}: enough to
 * report the stacking setup in a paper or to redo it.
 *
 * @param requestedFolds folds asked for ({@link StackingSpec#folds()})
 * @param folds          folds used: fewer when the smallest class had fewer labelled training rows
 * @param seed           seed of the fold assignment and of every classifier trained for stacking
 * @param features       what the meta-classifier reads
 * @param outOfFoldRows  training rows that got out-of-fold base predictions: the meta-classifier's training rows
 * @param metaClassifier how the meta-classifier was trained (its spec, epochs, validation loss)
 * @param trainMillis    wall time of the whole stacking stage: fold models and meta-classifier
 */
public record StackerProvenance(int requestedFolds, int folds, long seed, StackingFeatures features, int outOfFoldRows,
                                ClassifierProvenance metaClassifier, long trainMillis) {
}
