package dev.fusionlab.ui.model;

import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.ProjectionKey;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns the pipeline's intermediate layouts (t-SNE converging) into preview layouts on the UI thread:
 * at most one every {@value #MIN_INTERVAL_MILLIS} ms and never more than one waiting, so the optimiser
 * is not slowed and the UI thread is not flooded. The final layout always gets through.
 */
final class LivePreview implements LiveLayouts {

    static final long MIN_INTERVAL_MILLIS = 80;

    private record Snapshot(ProjectionKey key, double[][] coordinates) {
    }

    private final Executor uiThread;
    private final ProjectionViewModel projection;
    private final AtomicReference<Snapshot> pending = new AtomicReference<>();
    private long lastNanos;

    LivePreview(Executor uiThread, ProjectionViewModel projection) {
        this.uiThread = uiThread;
        this.projection = projection;
    }

    @Override
    public void onLayout(ProjectionKey key, int step, int total, float[] xy) {
        long now = System.nanoTime();
        if (step < total && now - lastNanos < MIN_INTERVAL_MILLIS * 1_000_000L) {
            return;
        }
        lastNanos = now;
        double[][] coordinates = new double[xy.length / 2][];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new double[] {xy[2 * i], xy[2 * i + 1]};
        }
        if (pending.getAndSet(new Snapshot(key, coordinates)) == null) {
            uiThread.execute(() -> {
                Snapshot latest = pending.getAndSet(null);
                projection.previewLayout(latest.key(), latest.coordinates());
            });
        }
    }
}
