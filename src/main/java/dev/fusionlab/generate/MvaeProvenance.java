package dev.fusionlab.generate;

import java.util.List;

/**
 * How a {@link Mvae} was trained: enough to report it or to train it again identically.
 *
 * @param spec               the settings, seed included
 * @param textDim            width of the text embeddings it reads
 * @param textEncoder        id of the text encoder whose embeddings it learned from
 * @param trainPairs         image-text pairs it learned from (the training split)
 * @param validationPairs    pairs whose loss decided when to stop (0 = none: the last epoch is kept)
 * @param epochsRun          epochs actually run
 * @param bestEpoch          1-based epoch whose weights were kept
 * @param bestValidationLoss the three ELBO terms' negative sum per validation pair at {@code bestEpoch},
 *                           KL weight 1, posterior means decoded (NaN without validation pairs)
 * @param trainLosses        mean training loss of every epoch (with that epoch's KL weight)
 * @param validationLosses   validation loss of every epoch (empty without validation pairs)
 * @param threads            PyTorch intra-op threads it trained on
 * @param trainMillis        wall time of the training
 */
public record MvaeProvenance(MvaeSpec spec, int textDim, String textEncoder, int trainPairs, int validationPairs,
                             int epochsRun, int bestEpoch, double bestValidationLoss, List<Double> trainLosses,
                             List<Double> validationLosses, int threads, long trainMillis) {

    public MvaeProvenance {
        trainLosses = List.copyOf(trainLosses);
        validationLosses = List.copyOf(validationLosses);
    }
}
