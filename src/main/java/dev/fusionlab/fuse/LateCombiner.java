package dev.fusionlab.fuse;

/**
 * How late fusion combines the image and the text classifier's class probabilities. Cheap, so a
 * GUI can switch combiner or weight and recolour at once without retraining anything.
 */
public enum LateCombiner {
    /** arithmetic mean of the two distributions */
    MEAN,
    /** w * p_image + (1 - w) * p_text */
    WEIGHTED,
    /** normalised product (a naive-Bayes style combination) */
    PRODUCT,
    /** normalised element-wise maximum */
    MAX;

    /**
     * @param imageProbs  probabilities of the image classifier for one sample
     * @param textProbs   probabilities of the text classifier for the same sample
     * @param imageWeight weight of the image side in [0, 1]; used by WEIGHTED only
     * @return a probability distribution over the same classes
     */
    public float[] combine(float[] imageProbs, float[] textProbs, double imageWeight) {
        if (imageProbs.length != textProbs.length) {
            throw new IllegalArgumentException("class counts differ: " + imageProbs.length + " vs " + textProbs.length);
        }
        if (imageWeight < 0 || imageWeight > 1) {
            throw new IllegalArgumentException("image weight must be in [0, 1], got " + imageWeight);
        }
        int k = imageProbs.length;
        float[] out = new float[k];
        for (int c = 0; c < k; c++) {
            out[c] = switch (this) {
                case MEAN -> (imageProbs[c] + textProbs[c]) / 2f;
                case WEIGHTED -> (float) (imageWeight * imageProbs[c] + (1 - imageWeight) * textProbs[c]);
                case PRODUCT -> imageProbs[c] * textProbs[c];
                case MAX -> Math.max(imageProbs[c], textProbs[c]);
            };
        }
        return this == MEAN || this == WEIGHTED ? out : normalise(out);
    }

    /** Combines row by row. */
    public float[][] combine(float[][] imageProbs, float[][] textProbs, double imageWeight) {
        float[][] out = new float[imageProbs.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = combine(imageProbs[i], textProbs[i], imageWeight);
        }
        return out;
    }

    private static float[] normalise(float[] p) {
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        if (sum <= 0) { // every class got zero from one side: fall back to uniform
            java.util.Arrays.fill(p, 1f / p.length);
            return p;
        }
        for (int c = 0; c < p.length; c++) {
            p[c] = (float) (p[c] / sum);
        }
        return p;
    }
}
