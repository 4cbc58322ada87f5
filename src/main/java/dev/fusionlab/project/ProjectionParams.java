package dev.fusionlab.project;

import dev.fusionlab.project.pca.PcaParams;
import dev.fusionlab.project.tsne.TsneParams;
import dev.fusionlab.project.umap.UmapParams;

/**
 * Everything a projection run needs: the user's {@link ProjectionSettings}, the seed and the threads.
 *
 * @param seed     seed of every random choice: same seed, same layout
 * @param threads  worker threads; 0 means one per processor
 * @param settings the user's method-specific settings
 */
public record ProjectionParams(long seed, int threads, ProjectionSettings settings) {

    /** {@link ProjectionSettings#defaults()}, all processors. */
    public static ProjectionParams defaults(long seed) {
        return of(seed, ProjectionSettings.defaults());
    }

    /** The given settings, all processors. */
    public static ProjectionParams of(long seed, ProjectionSettings settings) {
        return new ProjectionParams(seed, 0, settings);
    }

    public ProjectionParams withThreads(int count) {
        return new ProjectionParams(seed, count, settings);
    }

    public UmapParams umap() {
        return new UmapParams(settings.umapNeighbors(), settings.umapMinDist(), 0, seed, threads);
    }

    /** Barnes-Hut / FFT t-SNE with scikit-learn's defaults apart from the perplexity. */
    public TsneParams tsne() {
        TsneParams defaults = TsneParams.defaults().withPerplexity(settings.tsnePerplexity()).withSeed(seed);
        return threads > 0 ? defaults.withThreads(threads) : defaults;
    }

    public PcaParams pca(int components) {
        return PcaParams.of(components, seed).withThreads(threads);
    }
}
