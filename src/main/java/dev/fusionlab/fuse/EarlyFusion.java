package dev.fusionlab.fuse;

/**
 * Early fusion's input: each modality normalised by its own {@link ModalityNormalizer} (fitted on the
 * training rows) and the two blocks concatenated, image first. The fused vectors feed one classifier and
 * are also the "fused" embedding space that FusionLab projects to 2D. (The learned image-text space of
 * {@code dev.fusionlab.align} is the "joint space"; "joint" means only that.)
 */
public record EarlyFusion(ModalityNormalizer image, ModalityNormalizer text) {

    /** Fits both normalisers on {@code trainRows} only. */
    public static EarlyFusion fit(float[][] image, float[][] text, int[] trainRows) {
        return new EarlyFusion(ModalityNormalizer.fit(image, trainRows), ModalityNormalizer.fit(text, trainRows));
    }

    /** Width of a fused vector: image dim + text dim. */
    public int dim() {
        return image.dim() + text.dim();
    }

    /** Fused vectors of every row: normalised image block followed by normalised text block. */
    public float[][] fuse(float[][] imageRows, float[][] textRows) {
        if (imageRows.length != textRows.length) {
            throw new IllegalArgumentException(imageRows.length + " image rows but " + textRows.length + " text rows");
        }
        return concatRows(image.apply(imageRows), text.apply(textRows));
    }

    /** Row-wise concatenation of two already normalised blocks. */
    public static float[][] concatRows(float[][] imageRows, float[][] textRows) {
        float[][] out = new float[imageRows.length][];
        for (int r = 0; r < out.length; r++) {
            out[r] = concat(imageRows[r], textRows[r]);
        }
        return out;
    }

    static float[] concat(float[] a, float[] b) {
        float[] joint = new float[a.length + b.length];
        System.arraycopy(a, 0, joint, 0, a.length);
        System.arraycopy(b, 0, joint, a.length, b.length);
        return joint;
    }
}
