package dev.fusionlab.caption;

import java.util.List;

/**
 * The encoder side of the captioner: what the decoder's initial state is computed from. The image
 * embedding is standardised per dimension with the training images' mean and standard deviation (so its
 * squared length is about its dimension d); with {@link Conditioning#IMAGE_AND_LABEL} the one-hot label,
 * scaled by √d so both blocks weigh the same, is appended. A label the model never saw gives a zero block.
 *
 * @param mean    per-dimension mean of the training image embeddings
 * @param scale   per-dimension 1 / standard deviation (1 where the deviation is 0)
 * @param classes the labels in one-hot order; empty for {@link Conditioning#IMAGE}
 */
public record CaptionFeatures(float[] mean, float[] scale, List<String> classes) {

    public CaptionFeatures {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean and scale differ in length");
        }
        classes = List.copyOf(classes);
    }

    /** Fits the standardisation on {@code rows} of {@code image}. */
    public static CaptionFeatures fit(float[][] image, int[] rows, List<String> classes) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no training image to fit the caption features on");
        }
        int d = image[rows[0]].length;
        double[] sum = new double[d];
        double[] squares = new double[d];
        for (int r : rows) {
            if (image[r].length != d) {
                throw new IllegalArgumentException("image embeddings of different widths: " + d + " and "
                        + image[r].length);
            }
            for (int j = 0; j < d; j++) {
                sum[j] += image[r][j];
            }
        }
        float[] mean = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = (float) (sum[j] / rows.length);
        }
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                double c = image[r][j] - mean[j];
                squares[j] += c * c;
            }
        }
        float[] scale = new float[d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(squares[j] / rows.length);
            scale[j] = sd > 1e-8 ? (float) (1 / sd) : 1f;
        }
        return new CaptionFeatures(mean, scale, classes);
    }

    public int imageDim() {
        return mean.length;
    }

    /** Width of a feature vector. */
    public int dim() {
        return mean.length + classes.size();
    }

    /**
     * @param label ignored without classes; may be null
     */
    public float[] of(float[] imageEmbedding, String label) {
        if (imageEmbedding.length != mean.length) {
            throw new IllegalArgumentException("the caption model expects " + mean.length
                    + "-d image embeddings, got " + imageEmbedding.length);
        }
        float[] x = new float[dim()];
        for (int j = 0; j < mean.length; j++) {
            x[j] = (imageEmbedding[j] - mean[j]) * scale[j];
        }
        int c = label == null ? -1 : classes.indexOf(label);
        if (c >= 0) {
            x[mean.length + c] = (float) Math.sqrt(mean.length);
        }
        return x;
    }
}
