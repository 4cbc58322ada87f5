package dev.fusionlab.align;

/**
 * How a {@link JointSpace} was learned.
 *
 * @param spec               the training settings, seed included
 * @param imageDim           width of the image embeddings it maps
 * @param textDim            width of the text embeddings it maps
 * @param trainPairs         image-text pairs it learned from (the training split)
 * @param validationPairs    pairs whose loss decided when to stop (the validation split; 0 = none)
 * @param epochsRun          epochs actually run
 * @param bestEpoch          1-based epoch whose weights were kept
 * @param bestValidationLoss symmetric InfoNCE on the validation pairs at {@code bestEpoch} (NaN without them)
 * @param trainMillis        wall time of the training
 */
public record JointSpaceProvenance(JointSpaceSpec spec, int imageDim, int textDim, int trainPairs,
                                   int validationPairs, int epochsRun, int bestEpoch, double bestValidationLoss,
                                   long trainMillis) {
}
