package dev.fusionlab.classify;

import java.util.List;

/**
 * Where a trained classifier came from (in the spirit of Tribuo's provenance): enough to report it in a
 * paper or to retrain it identically.
 *
 * @param spec                   the training spec, seed included
 * @param featureDim             input width
 * @param classes                class names; output column {@code c} is {@code classes.get(c)}
 * @param trainSize              labelled training rows used
 * @param validationSize         labelled validation rows used for early stopping (0 = none, no early stop)
 * @param epochsRun              epochs actually run
 * @param bestEpoch              1-based epoch whose weights were kept
 * @param bestValidationLoss     mean cross-entropy on the validation rows at {@code bestEpoch} (NaN without validation rows)
 * @param bestValidationAccuracy accuracy on the validation rows at {@code bestEpoch} (NaN without validation rows)
 * @param trainMillis            wall time of the training
 */
public record ClassifierProvenance(ClassifierSpec spec, int featureDim, List<String> classes, int trainSize,
                                   int validationSize, int epochsRun, int bestEpoch, double bestValidationLoss,
                                   double bestValidationAccuracy, long trainMillis) {

    public ClassifierProvenance {
        classes = List.copyOf(classes);
    }

    /** True when training stopped on patience rather than by running out of epochs. */
    public boolean stoppedEarly() {
        return epochsRun < spec.maxEpochs();
    }
}
