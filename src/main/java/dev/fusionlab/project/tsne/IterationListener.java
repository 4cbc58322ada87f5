package dev.fusionlab.project.tsne;

/**
 * Watches the layout while t-SNE optimises it, e.g. to animate a live view. Called on the optimising
 * thread, so it must be quick: copy what it needs and return.
 */
@FunctionalInterface
public interface IterationListener {

    /** A listener that ignores every snapshot. */
    IterationListener NONE = (iteration, total, layout) -> { };

    /**
     * @param iteration iterations done so far
     * @param total     iterations planned
     * @param layout    interleaved x0, y0, x1, y1, ...; a buffer reused for every snapshot, valid only
     *                  during the call
     */
    void onSnapshot(int iteration, int total, float[] layout);

    /** Iterations between snapshots; the final layout is always delivered. */
    default int snapshotInterval() {
        return 10;
    }
}
