package dev.fusionlab.classify;

import dev.fusionlab.train.DenseLayer;
import java.util.List;

/**
 * A trained classifier: the weights of the epoch with the lowest validation loss, copied out of DJL into
 * plain arrays, plus its {@link ClassifierProvenance}. Being a plain value it holds no native memory, needs
 * no closing, and is safe to share between threads (a GUI recolouring, an exporter writing).
 */
public final class TrainedClassifier {

    private final List<DenseLayer> layers;
    private final ClassifierProvenance provenance;

    TrainedClassifier(List<DenseLayer> layers, ClassifierProvenance provenance) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a classifier needs at least one layer");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).inputs() != layers.get(l - 1).outputs()) {
                throw new IllegalArgumentException("layer " + l + " does not fit the layer before it");
            }
        }
        if (layers.getFirst().inputs() != provenance.featureDim()
                || layers.getLast().outputs() != provenance.classes().size()) {
            throw new IllegalArgumentException("layers do not match the provenance's feature and class counts");
        }
        this.layers = List.copyOf(layers);
        this.provenance = provenance;
    }

    /**
     * Class probabilities (softmax of the logits; ReLU between layers, dropout off).
     *
     * @param x rows of {@link ClassifierProvenance#featureDim()} features, normalised like the training rows
     * @return one distribution over {@link #classes()} per row
     */
    public float[][] predictProba(float[][] x) {
        float[][] out = new float[x.length][];
        for (int r = 0; r < x.length; r++) {
            float[] h = x[r];
            for (int l = 0; l < layers.size(); l++) {
                h = layers.get(l).apply(h);
                if (l < layers.size() - 1) {
                    relu(h);
                }
            }
            out[r] = softmax(h);
        }
        return out;
    }

    /** A classifier saved earlier ({@link #layers()}, {@link #provenance()}), e.g. read back from a workspace. */
    public static TrainedClassifier restore(List<DenseLayer> layers, ClassifierProvenance provenance) {
        return new TrainedClassifier(layers, provenance);
    }

    /** The layers, input first. */
    public List<DenseLayer> layers() {
        return layers;
    }

    public List<String> classes() {
        return provenance.classes();
    }

    public int featureDim() {
        return provenance.featureDim();
    }

    public ClassifierProvenance provenance() {
        return provenance;
    }

    private static void relu(float[] h) {
        for (int i = 0; i < h.length; i++) {
            h[i] = Math.max(0f, h[i]);
        }
    }

    /** Numerically stable softmax (subtracts the maximum logit). */
    static float[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int c = 0; c < logits.length; c++) {
            e[c] = Math.exp(logits[c] - max);
            sum += e[c];
        }
        float[] p = new float[logits.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = (float) (e[c] / sum);
        }
        return p;
    }
}
