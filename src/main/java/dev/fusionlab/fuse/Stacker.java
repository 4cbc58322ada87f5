package dev.fusionlab.fuse;

import dev.fusionlab.classify.TrainedClassifier;

/**
 * Late fusion's trained combiner ({@link LateCombiner#STACKING}): a meta-classifier that maps the image and
 * the text classifier's probabilities of a sample to one distribution. It was fitted on out-of-fold base
 * predictions, so it learned how far to trust each modality, class by class, from predictions on rows the
 * base models had not seen. A plain value like {@link TrainedClassifier}.
 */
public final class Stacker {

    private final TrainedClassifier meta;
    private final StackerProvenance provenance;

    Stacker(TrainedClassifier meta, StackerProvenance provenance) {
        if (meta.featureDim() != 2 * meta.classes().size()) {
            throw new IllegalArgumentException("a meta-classifier reads 2 x " + meta.classes().size()
                    + " features, this one " + meta.featureDim());
        }
        this.meta = meta;
        this.provenance = provenance;
    }

    /** A stacker saved earlier, e.g. read back from a workspace. */
    public static Stacker restore(TrainedClassifier meta, StackerProvenance provenance) {
        return new Stacker(meta, provenance);
    }

    /**
     * @param imageProbs image classifier's probabilities, one row per sample
     * @param textProbs  text classifier's probabilities of the same samples
     * @return the stacked distribution of every sample
     */
    public float[][] predictProba(float[][] imageProbs, float[][] textProbs) {
        return meta.predictProba(provenance.features().of(imageProbs, textProbs));
    }

    public TrainedClassifier metaClassifier() {
        return meta;
    }

    public StackerProvenance provenance() {
        return provenance;
    }
}
