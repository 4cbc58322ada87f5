package dev.fusionlab.project.tsne;

/**
 * Outcome of a t-SNE run.
 *
 * @param embedding    n rows of (x, y)
 * @param klDivergence Kullback-Leibler divergence of the final layout, over the sparse input affinities
 *                     with the normalisation Z of the approximate repulsion (as reported by scikit-learn and openTSNE)
 * @param iterations   iterations run
 */
public record TsneResult(double[][] embedding, double klDivergence, int iterations) {
}
