package dev.fusionlab.fuse;

/**
 * How late fusion combines the image and the text classifier's class probabilities. Cheap, so a
 * GUI can switch combiner or weight and recolour at once without retraining anything.
 *
 * <p>MEAN, WEIGHTED, PRODUCT and MAX are fixed formulas applied by {@link #combine}. STACKING is learned:
 * its {@link Stacker} is trained with the other classifiers of a run, and its probabilities come from
 * {@link FusionModels#lateProbs} or the run result, never from {@link #combine}, which refuses it.
 */
public enum LateCombiner {
    /** arithmetic mean of the two distributions */
    MEAN,
    /** w * p_image + (1 - w) * p_text */
    WEIGHTED,
    /** normalised product (a naive-Bayes style combination) */
    PRODUCT,
    /** normalised element-wise maximum */
    MAX,
    /** a meta-classifier trained on out-of-fold image and text probabilities (see {@link StackingTrainer}) */
    STACKING;

    /** True for a combiner learned from the training rows, whose output only a trained run can give. */
    public boolean isTrained() {
        return this == STACKING;
    }

    /**
     * @param imageProbs  probabilities of the image classifier for one sample
     * @param textProbs   probabilities of the text classifier for the same sample
     * @param imageWeight weight of the image side in [0, 1]; used by WEIGHTED only
     * @return a probability distribution over the same classes
     * @throws IllegalStateException for {@link #STACKING}, which needs its trained {@link Stacker}
     */
    public float[] combine(float[] imageProbs, float[] textProbs, double imageWeight) {
        requireFormula();
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
                case STACKING -> throw new AssertionError("refused above");
            };
        }
        return this == MEAN || this == WEIGHTED ? out : normalise(out);
    }

    /** Combines row by row. @throws IllegalStateException for {@link #STACKING} */
    public float[][] combine(float[][] imageProbs, float[][] textProbs, double imageWeight) {
        requireFormula();
        float[][] out = new float[imageProbs.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = combine(imageProbs[i], textProbs[i], imageWeight);
        }
        return out;
    }

    private void requireFormula() {
        if (isTrained()) {
            throw new IllegalStateException(name() + " is a trained combiner, not a formula: take its probabilities"
                    + " from the run that trained its stacker (FusionModels.lateProbs, RunResult.lateProbabilities)"
                    + " or apply a Stacker");
        }
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
