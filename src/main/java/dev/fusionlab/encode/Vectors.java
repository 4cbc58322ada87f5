package dev.fusionlab.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Small float-vector helpers shared by the encoders. */
final class Vectors {

    private Vectors() {
    }

    /** Splits a {@code [N, D]} tensor (any further dimensions flattened into D) into N rows. */
    static float[][] rows(NDArray matrix) {
        NDArray floats = matrix.getDataType() == DataType.FLOAT32 ? matrix : matrix.toType(DataType.FLOAT32, false);
        int n = (int) floats.getShape().get(0);
        float[] flat = floats.toFloatArray();
        int d = n == 0 ? 0 : flat.length / n;
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new float[d];
            System.arraycopy(flat, i * d, rows[i], 0, d);
        }
        return rows;
    }

    /** Scales {@code v} in place to unit L2 norm (a zero vector stays zero). */
    static void normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum > 0) {
            float inv = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
    }
}
