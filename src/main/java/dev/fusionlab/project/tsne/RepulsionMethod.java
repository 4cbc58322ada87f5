package dev.fusionlab.project.tsne;

/** How t-SNE approximates its repulsive forces, the part of the gradient that couples every pair of points. */
public enum RepulsionMethod {
    /** Quadtree, O(n log n) per iteration (van der Maaten 2014); fastest for a few thousand points. */
    BARNES_HUT,
    /**
     * Polynomial interpolation on a grid plus FFT convolution, O(n) per iteration with a grid whose size
     * does not grow with n (FIt-SNE, Linderman et al. 2019); fastest for large n.
     */
    FFT_INTERPOLATION,
    /** Barnes-Hut below {@link FastTsne#AUTO_FFT_THRESHOLD} points, FFT interpolation from there. */
    AUTO
}
