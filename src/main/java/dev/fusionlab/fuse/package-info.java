/**
 * Fusion of the image and the text embedding. {@link dev.fusionlab.fuse.FusionTrainer#train} is the entry
 * point: it fits a {@link dev.fusionlab.fuse.ModalityNormalizer} per modality on the training rows
 * ({@link dev.fusionlab.fuse.EarlyFusion}), trains an image, a text and an early-fusion classifier (package
 * {@code classify}), tunes late fusion's image weight on the validation rows
 * ({@link dev.fusionlab.fuse.LateWeightTuner}) and, when asked, trains the stacker
 * ({@link dev.fusionlab.fuse.StackingTrainer}); it returns {@link dev.fusionlab.fuse.FusionModels}.
 *
 * <p><b>Late fusion lives in {@link dev.fusionlab.fuse.LateFusion}</b>: a sealed type (a formula with its
 * weight, the trained stacker, the tuned weight) and {@link dev.fusionlab.fuse.LateFusion#resolve}, the one
 * place a user's {@link dev.fusionlab.fuse.LateCombiner} choice becomes one of them, with the fallback and
 * its note. What a run learned for it is kept in {@link dev.fusionlab.fuse.LateFusionModels}.
 */
package dev.fusionlab.fuse;
