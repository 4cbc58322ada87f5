package dev.fusionlab.generate;

import dev.fusionlab.fuse.ModalityNormalizer;

/**
 * Puts sentence embeddings on the scale the text decoder's unit-variance Gaussian assumes: each vector
 * L2-normalised (sentence encoders are trained for cosine geometry), then every dimension z-scored with
 * the training rows' mean and standard deviation. {@link #restore} maps a decoded vector back to the
 * encoder's (unit-length) space, where it can be compared with real captions or fed to a classifier.
 * The statistics are {@link ModalityNormalizer#unitMoments}'s; unlike the normaliser it keeps the deviation
 * (to restore) and does not scale the block by 1/sqrt(dim).
 */
final class TextScaler {

    private static final double MIN_STD = 1e-8;

    private final float[] mean;
    private final float[] std;

    private TextScaler(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** A scaler saved earlier ({@link #mean()}, {@link #std()}). */
    static TextScaler of(float[] mean, float[] std) {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("text scale of " + mean.length + " means and " + std.length + " deviations");
        }
        return new TextScaler(mean.clone(), std.clone());
    }

    float[] mean() {
        return mean.clone();
    }

    float[] std() {
        return std.clone();
    }

    static TextScaler fit(float[][] text, int[] trainRows) {
        if (trainRows.length == 0) {
            throw new IllegalArgumentException("cannot standardise text embeddings without training rows");
        }
        ModalityNormalizer.Moments moments = ModalityNormalizer.unitMoments(text, trainRows);
        int dim = moments.mean().length;
        float[] mean = new float[dim];
        float[] std = new float[dim];
        for (int d = 0; d < dim; d++) {
            double s = moments.std()[d];
            mean[d] = (float) moments.mean()[d];
            std[d] = s < MIN_STD ? 1f : (float) s;
        }
        return new TextScaler(mean, std);
    }

    int dim() {
        return mean.length;
    }

    float[] apply(float[] v) {
        if (v.length != dim()) {
            throw new IllegalArgumentException("text embedding of " + v.length + " values, the model reads " + dim());
        }
        float[] u = unit(v);
        for (int d = 0; d < u.length; d++) {
            u[d] = (u[d] - mean[d]) / std[d];
        }
        return u;
    }

    float[][] apply(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = apply(rows[r]);
        }
        return out;
    }

    /** A decoded (standardised) vector back in the encoder's space, unit length. */
    float[] restore(float[] standardised) {
        float[] v = new float[standardised.length];
        for (int d = 0; d < v.length; d++) {
            v[d] = standardised[d] * std[d] + mean[d];
        }
        return unit(v);
    }

    /** A copy of {@code v} at unit length (the normaliser's L2 step). */
    static float[] unit(float[] v) {
        return ModalityNormalizer.unitLength(v);
    }
}
