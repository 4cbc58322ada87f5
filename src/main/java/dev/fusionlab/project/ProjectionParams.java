package dev.fusionlab.project;

import dev.fusionlab.project.pca.PcaParams;
import dev.fusionlab.project.tsne.TsneParams;
import dev.fusionlab.project.umap.UmapParams;

/**
 * The user's projection settings, for whichever method runs. Method-specific settings are ignored by the
 * other methods.
 *
 * @param seed           seed of every random choice: same seed, same layout
 * @param threads        worker threads; 0 means one per processor
 * @param umapNeighbors  UMAP neighbourhood size (umap-learn's n_neighbors, 15)
 * @param umapMinDist    UMAP minimum distance (umap-learn's min_dist, 0.1)
 * @param tsnePerplexity t-SNE perplexity (30), the effective number of neighbours each point attends to
 */
public record ProjectionParams(long seed, int threads, int umapNeighbors, double umapMinDist, double tsnePerplexity) {

    public ProjectionParams {
        if (!(tsnePerplexity > 0)) {
            throw new IllegalArgumentException("t-SNE perplexity must be positive, got " + tsnePerplexity);
        }
    }

    /** The usual defaults of umap-learn and scikit-learn, all processors. */
    public static ProjectionParams defaults(long seed) {
        return new ProjectionParams(seed, 0, 15, 0.1, 30);
    }

    public ProjectionParams withThreads(int count) {
        return new ProjectionParams(seed, count, umapNeighbors, umapMinDist, tsnePerplexity);
    }

    public UmapParams umap() {
        return new UmapParams(umapNeighbors, umapMinDist, 0, seed, threads);
    }

    /** Barnes-Hut / FFT t-SNE with scikit-learn's defaults apart from the perplexity. */
    public TsneParams tsne() {
        TsneParams defaults = TsneParams.defaults().withPerplexity(tsnePerplexity).withSeed(seed);
        return threads > 0 ? defaults.withThreads(threads) : defaults;
    }

    public PcaParams pca(int components) {
        return PcaParams.of(components, seed).withThreads(threads);
    }
}
