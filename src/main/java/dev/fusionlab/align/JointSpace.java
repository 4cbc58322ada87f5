package dev.fusionlab.align;

import dev.fusionlab.fuse.EarlyFusion;
import dev.fusionlab.train.DenseLayer;
import java.util.Arrays;

/**
 * A learned space shared by images and texts, where an image and its caption lie close together: a text
 * query finds images and an image finds texts (cross-modal retrieval). Each modality is normalised as for
 * early fusion, then mapped by its own trained linear layer and scaled to unit length, so similarity is
 * the dot product. Plain Java at query time: no native engine needed after training.
 */
public final class JointSpace {

    private final EarlyFusion normalisation;
    private final DenseLayer image;
    private final DenseLayer text;
    private final JointSpaceProvenance provenance;

    JointSpace(EarlyFusion normalisation, DenseLayer image, DenseLayer text, JointSpaceProvenance provenance) {
        this.normalisation = normalisation;
        this.image = image;
        this.text = text;
        this.provenance = provenance;
    }

    /** A joint space saved earlier ({@link #normalisation()}, {@link #imageTower()}, {@link #textTower()}), e.g. from a workspace. */
    public static JointSpace restore(EarlyFusion normalisation, DenseLayer image, DenseLayer text,
                                     JointSpaceProvenance provenance) {
        if (image.outputs() != text.outputs()) {
            throw new IllegalArgumentException("image and text towers map to " + image.outputs() + " and "
                    + text.outputs() + " dimensions");
        }
        return new JointSpace(normalisation, image, text, provenance);
    }

    /** The per-modality normalisation applied before the towers. */
    public EarlyFusion normalisation() {
        return normalisation;
    }

    /** The image tower: normalised image embedding to a point of this space (before unit scaling). */
    public DenseLayer imageTower() {
        return image;
    }

    /** The text tower. */
    public DenseLayer textTower() {
        return text;
    }

    /** Points of raw image embeddings (as the image encoder gives them), one unit vector per row. */
    public float[][] embedImages(float[][] rawImageEmbeddings) {
        return Arrays.stream(rawImageEmbeddings).map(this::embedImage).toArray(float[][]::new);
    }

    /** Points of raw text embeddings (as the text encoder gives them), one unit vector per row. */
    public float[][] embedTexts(float[][] rawTextEmbeddings) {
        return Arrays.stream(rawTextEmbeddings).map(this::embedText).toArray(float[][]::new);
    }

    public float[] embedImage(float[] rawImageEmbedding) {
        return unit(image.apply(normalisation.image().apply(rawImageEmbedding)));
    }

    public float[] embedText(float[] rawTextEmbedding) {
        return unit(text.apply(normalisation.text().apply(rawTextEmbedding)));
    }

    /**
     * Rows of {@code gallery} most similar to {@code query} (both points of this space), best first.
     *
     * @param k how many; fewer when the gallery is smaller
     */
    public static int[] nearest(float[] query, float[][] gallery, int k) {
        double[] similarity = new double[gallery.length];
        for (int i = 0; i < gallery.length; i++) {
            similarity[i] = dot(query, gallery[i]);
        }
        return java.util.stream.IntStream.range(0, gallery.length).boxed()
                .sorted((a, b) -> Double.compare(similarity[b], similarity[a]))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    public int dimension() {
        return image.outputs();
    }

    public JointSpaceProvenance provenance() {
        return provenance;
    }

    /** Cosine similarity of two points of this space (unit vectors): their dot product. */
    public static double similarity(float[] a, float[] b) {
        return dot(a, b);
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }
}
