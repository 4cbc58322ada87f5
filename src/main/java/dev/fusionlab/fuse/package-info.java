/**
 * Classifiers and fusion. {@link dev.fusionlab.fuse.FusionTrainer#train} is the entry point: it fits a
 * {@link dev.fusionlab.fuse.ModalityNormalizer} per modality on the training rows, trains an image, a text
 * and an early-fusion classifier ({@link dev.fusionlab.classify.ClassifierTrainer}, DJL with the PyTorch engine)
 * and returns {@link dev.fusionlab.fuse.FusionModels}: probabilities of every row for the four
 * {@link dev.fusionlab.classify.Strategy strategies}, late fusion recombined on demand by a
 * {@link dev.fusionlab.fuse.LateCombiner} (or taken from the trained {@link dev.fusionlab.fuse.Stacker}, see
 * {@link dev.fusionlab.fuse.StackingTrainer}), plus the fused embedding and each classifier's provenance.
 *
 * <p>DJL is used for what it is good at, training (autograd, Adam); the trained weights are then copied
 * into plain arrays ({@link dev.fusionlab.classify.TrainedClassifier}), so results hold no native memory.
 */
package dev.fusionlab.fuse;
