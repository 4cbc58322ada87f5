package dev.fusionlab.project.tsne;

/**
 * Computes t-SNE's repulsive forces for a layout, the O(n^2) part of the gradient that the
 * approximations ({@link BarnesHutRepulsion}, {@link FftRepulsion}) exist for.
 */
interface RepulsiveForces {

    /**
     * Writes {@code force[2i..2i+1]} = sum over j of q_ij^2 (y_i - y_j) with q_ij = 1 / (1 + |y_i - y_j|^2)
     * and returns the normalisation Z = sum over i != j of q_ij.
     *
     * @param y     interleaved layout (x0, y0, x1, y1, ...)
     * @param force output, same layout as {@code y}
     */
    double compute(double[] y, double[] force);
}
