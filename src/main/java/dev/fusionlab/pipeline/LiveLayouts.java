package dev.fusionlab.pipeline;

/**
 * Receives intermediate 2D layouts while a run projects, so the workbench can show t-SNE converging.
 * Called on the worker thread; {@code xy} (interleaved x, y) is reused between calls: copy it.
 */
@FunctionalInterface
public interface LiveLayouts {

    LiveLayouts NONE = (key, step, total, xy) -> { };

    void onLayout(ProjectionKey key, int step, int total, float[] xy);
}
