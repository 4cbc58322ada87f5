package dev.fusionlab.pipeline;

import dev.fusionlab.project.pca.PcaLayout;
import java.util.Map;

/**
 * What one projection pass makes: the 2-D layout of each space and, for PCA, the share of the
 * embedding's variance each axis shows (computed with the layout, on the worker; see
 * {@link dev.fusionlab.project.pca.PcaLayout}).
 *
 * @param points            n x 2 layouts
 * @param explainedVariance two ratios per PCA layout; no entry for other methods
 */
public record Layouts(Map<ProjectionKey, double[][]> points, Map<ProjectionKey, double[]> explainedVariance) {

    /** One PCA layout under {@code key}, with its ratios when it has them. */
    public static Layouts of(ProjectionKey key, PcaLayout layout) {
        return new Layouts(Map.of(key, layout.points()),
                layout.varianceRatios() == null ? Map.of() : Map.of(key, layout.varianceRatios()));
    }
}
