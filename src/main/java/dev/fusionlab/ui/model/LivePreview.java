package dev.fusionlab.ui.model;

import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.project.tsne.IterationListener;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns t-SNE snapshots into preview layouts on the UI thread, at most one every
 * {@value #MIN_INTERVAL_MILLIS} ms and never more than one waiting, so the optimiser is not slowed and
 * the UI thread is not flooded.
 */
final class LivePreview implements LayoutPreview {

    static final long MIN_INTERVAL_MILLIS = 80;

    private final Executor uiThread;
    private final ProjectionViewModel projection;

    LivePreview(Executor uiThread, ProjectionViewModel projection) {
        this.uiThread = uiThread;
        this.projection = projection;
    }

    @Override
    public IterationListener forLayout(ProjectionKey key) {
        AtomicReference<double[][]> pending = new AtomicReference<>();
        return new IterationListener() {
            private long lastNanos;

            @Override
            public void onSnapshot(int iteration, int total, float[] layout) {
                long now = System.nanoTime();
                if (iteration < total && now - lastNanos < MIN_INTERVAL_MILLIS * 1_000_000L) {
                    return;
                }
                lastNanos = now;
                double[][] coordinates = new double[layout.length / 2][];
                for (int i = 0; i < coordinates.length; i++) {
                    coordinates[i] = new double[] {layout[2 * i], layout[2 * i + 1]};
                }
                if (pending.getAndSet(coordinates) == null) {
                    uiThread.execute(() -> projection.previewLayout(key, pending.getAndSet(null)));
                }
            }
        };
    }
}
