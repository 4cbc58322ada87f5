package dev.fusionlab.project.umap;

import dev.fusionlab.project.Workers;
import dev.fusionlab.project.neighbors.KnnGraph;
import dev.fusionlab.project.neighbors.Metric;
import dev.fusionlab.project.neighbors.NearestNeighbors;
import dev.fusionlab.task.TaskContext;

/**
 * Uniform Manifold Approximation and Projection (McInnes, Healy and Melville 2018) to 2D, following
 * umap-learn's choices: fuzzy graph of the k nearest neighbours ({@link FuzzyGraph}), spectral start
 * ({@link InitialLayout}), SGD with negative sampling ({@link LayoutOptimizer}); then separate groups of points
 * that SGD pushed far apart are moved rigidly back to a small gap ({@link IslandCompaction}).
 *
 * <p>Why our own rather than Smile's UMAP: Smile's needs ARPACK (not shipped) for its spectral start, and
 * took 79 s on 20,000 x 384 where umap-learn takes 19 s (2-core machine). This one is faster than umap-learn
 * at the same trustworthiness (see {@code bench/RESULTS.md}), returns every input point, and is
 * deterministic for a given seed at any thread count (see {@link LayoutOptimizer} for how).
 */
public final class Umap {

    private static final String STAGE = "umap";
    private static final double SPREAD = 1.0;

    private Umap() {
    }

    /**
     * Lays the rows of {@code data} out in 2D: finds their {@code nNeighbors - 1} nearest neighbours
     * (Euclidean, NN-descent; see {@link NearestNeighbors}), then {@link #layout}s that graph.
     *
     * @param data n x d rows of equal length
     * @return n x 2 coordinates, one row per input row
     */
    public static double[][] fit(float[][] data, UmapParams params, TaskContext ctx) {
        int n = data.length;
        if (n < 3) {
            return new double[n][2];
        }
        int k = Math.min(params.nNeighbors() - 1, n - 1);
        ctx.report(STAGE, 0, "nearest neighbours");
        KnnGraph graph = NearestNeighbors.search(data, k, Metric.EUCLIDEAN, params.seed(), params.threads(), ctx);
        ctx.throwIfCancelled(STAGE);
        return layout(data, graph.indices(), graph.distances(), params, ctx);
    }

    /**
     * Lays out a k-nearest-neighbour graph of {@code data} in 2D.
     *
     * @param data      the rows the graph was built from; where the graph falls apart into several connected
     *                  components, their centroids decide where each component starts (see {@link InitialLayout})
     * @param indices   for each point, its neighbours (itself excluded), closest first; k = nNeighbors - 1
     *                  is what umap-learn uses
     * @param distances their distances in the input space, ascending
     * @return n x 2 coordinates
     */
    public static double[][] layout(float[][] data, int[][] indices, float[][] distances, UmapParams params,
                                    TaskContext ctx) {
        int n = indices.length;
        if (distances.length != n || data.length != n) {
            throw new IllegalArgumentException("UMAP got " + n + " neighbour lists, " + distances.length
                    + " distance lists and " + data.length + " rows");
        }
        if (n < 3) {
            return new double[n][2]; // nothing to arrange: one or two points sit at the origin
        }
        try (Workers workers = new Workers(params.threads())) {
            ctx.report(STAGE, 0.02, "fuzzy graph");
            FuzzyGraph graph = FuzzyGraph.build(indices, distances);
            ctx.throwIfCancelled(STAGE);
            ctx.report(STAGE, 0.05, "spectral initialisation");
            float[] positions = InitialLayout.of(data, graph, params.seed(), workers, ctx);
            AttractionCurve curve = AttractionCurve.fit(params.minDist(), SPREAD);
            int epochs = params.epochsFor(n);
            ctx.report(STAGE, 0.1, "optimising " + epochs + " epochs");
            new LayoutOptimizer(graph, curve, epochs, params.seed()).optimize(positions, workers, ctx);
            IslandCompaction.apply(positions, graph);
            double[][] result = new double[n][2];
            for (int i = 0; i < n; i++) {
                result[i][0] = positions[2 * i];
                result[i][1] = positions[2 * i + 1];
            }
            return result;
        }
    }
}
