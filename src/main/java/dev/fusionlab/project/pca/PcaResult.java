package dev.fusionlab.project.pca;

/**
 * A fitted PCA.
 *
 * @param scores                 n x k coordinates of the input rows on the principal axes
 * @param components             k x d unit principal axes, most variance first; the entry of largest
 *                               magnitude of each axis is positive, so the orientation is reproducible
 * @param mean                   d column means subtracted before projecting
 * @param explainedVariance      variance along each axis (divisor n - 1)
 * @param explainedVarianceRatio share of the total variance of the data along each axis
 */
public record PcaResult(double[][] scores, double[][] components, double[] mean, double[] explainedVariance,
                        double[] explainedVarianceRatio) {

    /** Projects new rows (of the same dimension) onto the fitted axes. */
    public double[][] transform(float[][] rows) {
        double[][] out = new double[rows.length][components.length];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < components.length; c++) {
                double sum = 0;
                double[] axis = components[c];
                for (int j = 0; j < axis.length; j++) {
                    sum += (rows[i][j] - mean[j]) * axis[j];
                }
                out[i][c] = sum;
            }
        }
        return out;
    }
}
