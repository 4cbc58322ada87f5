package dev.fusionlab.ui.scatter;

import dev.fusionlab.export.plot.Viewport;
import dev.fusionlab.pipeline.ProjectionKey;

/**
 * One 2D layout ready to draw and to query: coordinates as floats (half the memory, and the renderer's
 * input), a spatial index for hover and lasso, and the bounds to fit the view to.
 */
public record ScatterLayout(ProjectionKey key, float[] xs, float[] ys, SpatialGrid grid, Viewport bounds) {

    /** @param coordinates n x 2, as the pipeline produces them */
    public static ScatterLayout of(ProjectionKey key, double[][] coordinates) {
        int n = coordinates.length;
        float[] xs = new float[n], ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) coordinates[i][0];
            ys[i] = (float) coordinates[i][1];
        }
        return new ScatterLayout(key, xs, ys, new SpatialGrid(xs, ys, 4), Viewport.fitting(xs, ys, 0.04));
    }

    public int size() {
        return xs.length;
    }
}
