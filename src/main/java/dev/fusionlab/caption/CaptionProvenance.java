package dev.fusionlab.caption;

import java.util.List;

/**
 * How a caption model was trained.
 *
 * @param spec                the settings, seed included
 * @param device              where it was trained ({@code cpu()} or {@code gpu(0)})
 * @param features            width of its input features
 * @param vocabularySize      words it can emit or read, the four special tokens included
 * @param trainCaptions       image-caption pairs it learned from (the training split)
 * @param validationCaptions  pairs whose loss decided when to stop (0 = none: all epochs ran, the last kept)
 * @param epochsRun           epochs actually run
 * @param bestEpoch           1-based epoch whose weights were kept
 * @param bestValidationLoss  teacher-forced cross-entropy per word on the validation pairs at {@code bestEpoch}
 * @param trainLosses         mean training cross-entropy per word of each epoch
 * @param validationLosses    validation cross-entropy per word after each epoch (empty without validation)
 * @param trainMillis         wall time of the training
 */
public record CaptionProvenance(CaptionSpec spec, String device, int features, int vocabularySize,
                                int trainCaptions, int validationCaptions, int epochsRun, int bestEpoch,
                                double bestValidationLoss, List<Double> trainLosses, List<Double> validationLosses,
                                long trainMillis) {

    public CaptionProvenance {
        trainLosses = List.copyOf(trainLosses);
        validationLosses = List.copyOf(validationLosses);
    }
}
