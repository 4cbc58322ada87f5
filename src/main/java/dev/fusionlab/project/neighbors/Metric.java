package dev.fusionlab.project.neighbors;

/** Dissimilarity used to find neighbours. */
public enum Metric {
    /** Straight-line distance. */
    EUCLIDEAN,
    /**
     * Cosine distance {@code 1 - cos(a, b)}: the usual choice for text and image embeddings, whose
     * direction carries the meaning. Rows are L2-normalised internally; zero rows stay zero.
     */
    COSINE
}
