package dev.fusionlab.cli;

import dev.fusionlab.project.ProjectionSettings;
import picocli.CommandLine.Option;

/** The projection knobs, shared by {@code run} and {@code project}; defaults from {@link ProjectionSettings}. */
final class ProjectionOptions {

    private static final ProjectionSettings DEFAULTS = ProjectionSettings.defaults();

    @Option(names = "--perplexity", paramLabel = "<p>",
            description = "t-SNE perplexity, the effective number of neighbours (default: 30).")
    double perplexity = DEFAULTS.tsnePerplexity();

    @Option(names = "--neighbors", paramLabel = "<k>",
            description = "UMAP neighbourhood size: larger keeps more global structure (default: 15).")
    int neighbors = DEFAULTS.umapNeighbors();

    @Option(names = "--min-dist", paramLabel = "<d>",
            description = "UMAP minimum distance, in [0, 1): smaller packs clusters tighter (default: 0.1).")
    double minDist = DEFAULTS.umapMinDist();

    /** @throws IllegalArgumentException naming the option's bad value */
    ProjectionSettings toSettings() {
        return new ProjectionSettings(perplexity, neighbors, minDist);
    }
}
