package dev.fusionlab.project;

/**
 * The projection knobs a user turns, the same in the GUI, {@code fusionlab run} and
 * {@code fusionlab project}. Each method reads its own and ignores the others (PCA has none).
 *
 * @param tsnePerplexity t-SNE perplexity: the effective number of neighbours each point attends to
 *                       (scikit-learn's default 30; 5 to 50 is usual)
 * @param umapNeighbors  UMAP neighbourhood size (umap-learn's n_neighbors, 15): larger keeps more of
 *                       the global structure, smaller more of the local detail
 * @param umapMinDist    UMAP minimum distance in the layout (umap-learn's min_dist, 0.1): smaller packs
 *                       clusters more tightly
 */
public record ProjectionSettings(double tsnePerplexity, int umapNeighbors, double umapMinDist) {

    public ProjectionSettings {
        if (!(tsnePerplexity > 0)) {
            throw new IllegalArgumentException("t-SNE perplexity must be positive, got " + tsnePerplexity);
        }
        if (umapNeighbors < 2) {
            throw new IllegalArgumentException("UMAP needs at least 2 neighbours, got " + umapNeighbors);
        }
        if (!(umapMinDist >= 0 && umapMinDist < 1)) {
            throw new IllegalArgumentException("UMAP min-dist must be in [0, 1), got " + umapMinDist);
        }
    }

    /** scikit-learn's and umap-learn's defaults. */
    public static ProjectionSettings defaults() {
        return new ProjectionSettings(30, 15, 0.1);
    }
}
