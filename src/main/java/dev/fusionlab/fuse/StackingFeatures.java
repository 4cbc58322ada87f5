package dev.fusionlab.fuse;

/**
 * What the stacking meta-classifier reads for one sample: the image and the text classifier's class
 * probabilities side by side (image first), either as they are or as log-probabilities.
 */
public enum StackingFeatures {
    /** the two probability vectors concatenated */
    PROBABILITIES,
    /**
     * the logarithms of the two probability vectors, probabilities clipped at {@value #MIN_PROBABILITY}: a
     * linear model on log-probabilities can express a weighted product of the two distributions, which
     * plain probabilities cannot
     */
    LOG_PROBABILITIES;

    /** Probabilities are clipped here before the logarithm, so a zero cannot give an infinite feature. */
    public static final double MIN_PROBABILITY = 1e-7;

    /** The feature vector of one sample: {@code 2 * classes} values. */
    public float[] of(float[] imageProbs, float[] textProbs) {
        if (imageProbs.length != textProbs.length) {
            throw new IllegalArgumentException("class counts differ: " + imageProbs.length + " vs " + textProbs.length);
        }
        float[] features = EarlyFusion.concat(imageProbs, textProbs);
        if (this == LOG_PROBABILITIES) {
            for (int i = 0; i < features.length; i++) {
                features[i] = (float) Math.log(Math.max(MIN_PROBABILITY, features[i]));
            }
        }
        return features;
    }

    /** Feature vectors row by row. */
    public float[][] of(float[][] imageProbs, float[][] textProbs) {
        if (imageProbs.length != textProbs.length) {
            throw new IllegalArgumentException(imageProbs.length + " image rows but " + textProbs.length + " text rows");
        }
        float[][] out = new float[imageProbs.length][];
        for (int r = 0; r < out.length; r++) {
            out[r] = of(imageProbs[r], textProbs[r]);
        }
        return out;
    }
}
