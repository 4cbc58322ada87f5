package dev.fusionlab.train;

/**
 * One trained fully connected layer, {@code y = x W + b}, held as plain Java arrays.
 *
 * @param weights {@code [inputs][outputs]}: laid out so that the forward pass is a sequence of
 *                vectorisable {@code y += x[i] * W[i]} updates
 * @param bias    {@code [outputs]}
 */
public record DenseLayer(float[][] weights, float[] bias) {

    public DenseLayer {
        for (float[] row : weights) {
            if (row.length != bias.length) {
                throw new IllegalArgumentException("weight row of " + row.length + " for " + bias.length + " outputs");
            }
        }
    }

    /**
     * Builds a layer from DJL's {@code Linear} parameters.
     *
     * @param outByIn the weight matrix as DJL stores it, {@code [outputs, inputs]} flattened row by row
     */
    public static DenseLayer fromOutByIn(float[] outByIn, float[] bias, int inputs) {
        int outputs = bias.length;
        if (outByIn.length != outputs * inputs) {
            throw new IllegalArgumentException("weights of " + outByIn.length + " values for " + outputs + "x" + inputs);
        }
        float[][] w = new float[inputs][outputs];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                w[i][o] = outByIn[o * inputs + i];
            }
        }
        return new DenseLayer(w, bias.clone());
    }

    public int inputs() {
        return weights.length;
    }

    public int outputs() {
        return bias.length;
    }

    public float[] apply(float[] x) {
        if (x.length != inputs()) {
            throw new IllegalArgumentException("expected " + inputs() + " features, got " + x.length);
        }
        float[] y = bias.clone();
        for (int i = 0; i < x.length; i++) {
            float xi = x[i];
            if (xi != 0f) {
                float[] wi = weights[i];
                for (int o = 0; o < y.length; o++) {
                    y[o] += xi * wi[o];
                }
            }
        }
        return y;
    }
}
