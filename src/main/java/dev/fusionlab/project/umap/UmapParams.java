package dev.fusionlab.project.umap;

/**
 * Settings of {@link Umap}. The defaults are umap-learn's.
 *
 * @param nNeighbors size of the local neighbourhood, the point itself included (umap-learn's
 *                   {@code n_neighbors}): larger keeps more global structure, smaller more local detail
 * @param minDist    how tightly points may pack in the layout (umap-learn's {@code min_dist}), in [0, 1)
 * @param epochs     optimisation epochs; 0 chooses like umap-learn: 500 up to 10,000 points, 200 above
 * @param seed       seed of the initial noise and of the negative sampling: same seed, same layout
 * @param threads    worker threads; 0 means one per processor. The layout does not depend on it
 */
public record UmapParams(int nNeighbors, double minDist, int epochs, long seed, int threads) {

    public UmapParams {
        if (nNeighbors < 2) {
            throw new IllegalArgumentException("UMAP needs nNeighbors >= 2, got " + nNeighbors);
        }
        if (!(minDist >= 0 && minDist < 1)) {
            throw new IllegalArgumentException("UMAP minDist must be in [0, 1), got " + minDist);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("UMAP epochs must be >= 0 (0 = automatic), got " + epochs);
        }
    }

    /** umap-learn's defaults: 15 neighbours, min_dist 0.1, automatic epochs, all processors. */
    public static UmapParams defaults(long seed) {
        return new UmapParams(15, 0.1, 0, seed, 0);
    }

    public UmapParams withNeighbors(int count) {
        return new UmapParams(count, minDist, epochs, seed, threads);
    }

    public UmapParams withEpochs(int count) {
        return new UmapParams(nNeighbors, minDist, count, seed, threads);
    }

    public UmapParams withThreads(int count) {
        return new UmapParams(nNeighbors, minDist, epochs, seed, count);
    }

    /** The epoch count used for {@code n} points. */
    int epochsFor(int n) {
        return epochs > 0 ? epochs : n > 10_000 ? 200 : 500;
    }
}
