package dev.fusionlab.fuse;

/**
 * Puts one modality's embeddings on a common footing before classification and concatenation, with
 * statistics taken from the training rows only (so nothing about validation or test rows leaks in):
 * <ol>
 *   <li><b>L2-normalise</b> each vector: encoders are trained for cosine geometry and their raw norms carry
 *       little class information (MobileNet's pooled features grow with image contrast; MiniLM's are already
 *       unit length), so the direction is what is kept;</li>
 *   <li><b>z-score</b> each dimension with the training mean and standard deviation: centres the large common
 *       component (pooled CNN features are all positive) and gives every dimension unit variance, which is what
 *       Xavier initialisation, Adam's step size and weight decay assume; a dimension constant on the training
 *       rows is only centred;</li>
 *   <li><b>scale the block by 1/sqrt(dim)</b>: after z-scoring a d-dimensional block has an expected squared norm
 *       of d, so without this a 1280-d image block would weigh 3.3 times a 384-d text block in every distance
 *       of the concatenated vector; scaled, each modality contributes an expected squared norm of 1.</li>
 * </ol>
 */
public final class ModalityNormalizer {

    /** Standard deviations below this are treated as a constant dimension. */
    private static final double MIN_STD = 1e-8;

    private final float[] mean;
    private final float[] invStd;
    private final float blockScale;

    private ModalityNormalizer(float[] mean, float[] invStd) {
        this.mean = mean;
        this.invStd = invStd;
        this.blockScale = (float) (1 / Math.sqrt(mean.length));
    }

    /**
     * @param x         every row of one modality
     * @param trainRows indices of the rows to take the statistics from (the training split)
     */
    public static ModalityNormalizer fit(float[][] x, int[] trainRows) {
        Moments moments = unitMoments(x, trainRows);
        int dim = moments.mean().length;
        float[] mean = new float[dim];
        float[] invStd = new float[dim];
        for (int d = 0; d < dim; d++) {
            double std = moments.std()[d];
            mean[d] = (float) moments.mean()[d];
            invStd[d] = std < MIN_STD ? 1f : (float) (1 / std);
        }
        return new ModalityNormalizer(mean, invStd);
    }

    /**
     * Mean and population standard deviation of each dimension over the training rows, each row first
     * L2-normalised ({@link #unitLength}): the statistics {@link #fit} z-scores with, shared with the MVAE's text
     * scaler so the two standardise the same way.
     *
     * @throws IllegalArgumentException without training rows, for zero-width rows, or rows of unequal width
     */
    public static Moments unitMoments(float[][] x, int[] trainRows) {
        if (trainRows.length == 0) {
            throw new IllegalArgumentException("cannot fit a normaliser without training rows");
        }
        int dim = x[trainRows[0]].length;
        if (dim == 0) {
            throw new IllegalArgumentException("cannot fit a normaliser to zero-width rows");
        }
        double[] sum = new double[dim];
        double[] sumSq = new double[dim];
        for (int r : trainRows) {
            if (x[r].length != dim) {
                throw new IllegalArgumentException("row " + r + " has " + x[r].length + " values, expected " + dim);
            }
            float[] u = unitLength(x[r]);
            for (int d = 0; d < dim; d++) {
                sum[d] += u[d];
                sumSq[d] += (double) u[d] * u[d];
            }
        }
        double[] mean = new double[dim];
        double[] std = new double[dim];
        int n = trainRows.length;
        for (int d = 0; d < dim; d++) {
            double m = sum[d] / n;
            mean[d] = m;
            std[d] = Math.sqrt(Math.max(0, sumSq[d] / n - m * m));
        }
        return new Moments(mean, std);
    }

    /** Per-dimension mean and population standard deviation of L2-normalised training rows. */
    public record Moments(double[] mean, double[] std) {
    }

    /**
     * A normaliser with statistics fitted earlier ({@link #mean()}, {@link #invStd()}), e.g. read back from a
     * saved workspace: it normalises exactly as the one it was saved from.
     */
    public static ModalityNormalizer restore(float[] mean, float[] invStd) {
        if (mean.length != invStd.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and inverse standard deviation of " + mean.length + " and "
                    + invStd.length + " values");
        }
        return new ModalityNormalizer(mean.clone(), invStd.clone());
    }

    /** Training mean of each dimension (after L2 normalisation); a copy. */
    public float[] mean() {
        return mean.clone();
    }

    /** Inverse training standard deviation of each dimension (1 for a constant one); a copy. */
    public float[] invStd() {
        return invStd.clone();
    }

    public int dim() {
        return mean.length;
    }

    public float[] apply(float[] v) {
        if (v.length != dim()) {
            throw new IllegalArgumentException("expected " + dim() + " values, got " + v.length);
        }
        float[] u = unitLength(v);
        for (int d = 0; d < u.length; d++) {
            u[d] = (u[d] - mean[d]) * invStd[d] * blockScale;
        }
        return u;
    }

    public float[][] apply(float[][] x) {
        float[][] out = new float[x.length][];
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != dim()) {
                throw new IllegalArgumentException("row " + r + " has " + x[r].length + " values, expected " + dim());
            }
            out[r] = apply(x[r]);
        }
        return out;
    }

    /** A copy of {@code v} scaled to unit L2 norm; an all-zero vector stays zero. */
    public static float[] unitLength(float[] v) {
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
