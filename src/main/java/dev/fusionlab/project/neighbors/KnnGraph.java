package dev.fusionlab.project.neighbors;

import java.util.Objects;

/**
 * The k nearest neighbours of every point of a data set: the input of t-SNE's affinities and of
 * UMAP's fuzzy graph. Row {@code i} lists the neighbours of point {@code i}, the point itself
 * excluded, closest first.
 *
 * @param indices   n rows of k neighbour indices
 * @param distances n rows of k distances (in the metric of the search, not squared), ascending
 */
public record KnnGraph(int[][] indices, float[][] distances) {

    public KnnGraph {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(distances, "distances");
        if (indices.length != distances.length) {
            throw new IllegalArgumentException("indices has " + indices.length + " rows but distances has "
                    + distances.length);
        }
    }

    /** Number of points. */
    public int size() {
        return indices.length;
    }

    /** Number of neighbours per point. */
    public int k() {
        return indices.length == 0 ? 0 : indices[0].length;
    }
}
