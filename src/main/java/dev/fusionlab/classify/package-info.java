/**
 * Classifiers: the {@link dev.fusionlab.classify.Strategy four ways} FusionLab classifies a sample, and the
 * model that does it. {@link dev.fusionlab.classify.ClassifierTrainer} trains softmax regression or an MLP
 * ({@link dev.fusionlab.classify.ClassifierSpec}) on {@link dev.fusionlab.classify.LabelledRows} with the
 * shared DJL loop of {@code dev.fusionlab.train}; the result, {@link dev.fusionlab.classify.TrainedClassifier},
 * is plain Java arrays with its {@link dev.fusionlab.classify.ClassifierProvenance}: no native memory, safe
 * to share. Knows nothing of modalities or fusion ({@code fuse} decides what a classifier is trained on).
 */
package dev.fusionlab.classify;
