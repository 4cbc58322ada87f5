package dev.fusionlab.generate;

/**
 * Puts sentence embeddings on the scale the text decoder's unit-variance Gaussian assumes: each vector
 * L2-normalised (sentence encoders are trained for cosine geometry), then every dimension z-scored with
 * the training rows' mean and standard deviation. {@link #restore} maps a decoded vector back to the
 * encoder's (unit-length) space, where it can be compared with real captions or fed to a classifier.
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
        int dim = text[trainRows[0]].length;
        double[] sum = new double[dim];
        double[] sumSq = new double[dim];
        for (int r : trainRows) {
            float[] u = unit(text[r]);
            for (int d = 0; d < dim; d++) {
                sum[d] += u[d];
                sumSq[d] += (double) u[d] * u[d];
            }
        }
        float[] mean = new float[dim];
        float[] std = new float[dim];
        for (int d = 0; d < dim; d++) {
            double m = sum[d] / trainRows.length;
            double s = Math.sqrt(Math.max(0, sumSq[d] / trainRows.length - m * m));
            mean[d] = (float) m;
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

    static float[] unit(float[] v) {
        double sq = 0;
        for (float f : v) {
            sq += (double) f * f;
        }
        float[] u = v.clone();
        if (sq > 0) {
            float inv = (float) (1 / Math.sqrt(sq));
            for (int d = 0; d < u.length; d++) {
                u[d] *= inv;
            }
        }
        return u;
    }
}
