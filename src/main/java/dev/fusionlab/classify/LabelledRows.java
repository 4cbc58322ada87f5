package dev.fusionlab.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Feature rows with their class indices: the training or the validation part of one classifier's data.
 *
 * @param x rows of equal width
 * @param y class index of each row, in {@code [0, classes)}
 */
public record LabelledRows(float[][] x, int[] y) {

    public LabelledRows {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows but " + y.length + " labels");
        }
        for (int r = 1; r < x.length; r++) {
            if (x[r].length != x[0].length) {
                throw new IllegalArgumentException("row " + r + " has " + x[r].length + " features, row 0 " + x[0].length);
            }
        }
    }

    /** The rows of {@code x} at {@code indices}, with their labels (rows are shared, not copied). */
    public static LabelledRows select(float[][] x, int[] labels, int[] indices) {
        float[][] rows = new float[indices.length][];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = x[indices[i]];
            y[i] = labels[indices[i]];
        }
        return new LabelledRows(rows, y);
    }

    public int size() {
        return y.length;
    }

    /** Row width; 0 when there are no rows. */
    public int dim() {
        return x.length == 0 ? 0 : x[0].length;
    }

    public void checkLabels(int classCount, String what) {
        for (int r = 0; r < y.length; r++) {
            if (y[r] < 0 || y[r] >= classCount) {
                throw new IllegalArgumentException(what + " row " + r + ": label " + y[r]
                        + " is not a class index in [0, " + classCount + ")");
            }
        }
    }

    public NDArray features(NDManager manager) {
        float[] flat = new float[size() * dim()];
        for (int r = 0; r < x.length; r++) {
            System.arraycopy(x[r], 0, flat, r * dim(), dim());
        }
        return manager.create(flat, new Shape(size(), dim()));
    }

    public NDArray labels(NDManager manager) {
        long[] labels = new long[y.length];
        for (int r = 0; r < y.length; r++) {
            labels[r] = y[r];
        }
        return manager.create(labels);
    }
}
