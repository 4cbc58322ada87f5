package dev.fusionlab.ui.model;

import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.project.tsne.IterationListener;

/**
 * The hook for watching a projection converge: the pipeline asks it for a listener per layout it
 * computes iteratively (t-SNE) and feeds it snapshots; the workbench draws them while the run goes on.
 */
@FunctionalInterface
public interface LayoutPreview {

    /** Watches nothing. */
    LayoutPreview NONE = key -> IterationListener.NONE;

    /** The listener for the layout {@code key}; called on the pipeline's thread. */
    IterationListener forLayout(ProjectionKey key);
}
