package dev.fusionlab.export.plot;

/**
 * The rectangle of data coordinates a plot shows. The GUI exports its current viewport (zoomed and
 * panned); the CLI uses {@link #fitting} on the whole layout.
 */
public record Viewport(double minX, double minY, double maxX, double maxY) {

    public Viewport {
        if (!(maxX > minX) || !(maxY > minY)) {
            throw new IllegalArgumentException("empty viewport: x " + minX + ".." + maxX + ", y " + minY + ".." + maxY);
        }
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }

    /**
     * The bounding box of the points, widened by {@code margin} (a fraction of its size) on every
     * side; a degenerate box (one point, or all on a line) gets a unit extent. Non-finite points are
     * ignored. What the GUI's fit ('0') and the CLI's figures show.
     *
     * <p>Every point shows: a fit that left "a few far points" outside the frame (issue 13 tried the 1st
     * to 99th percentile) can hide a whole small cluster, and a figure must not drop data without saying
     * so. The far groups that made UMAP plots one small blob are closed up in the layout itself
     * (UMAP's island compaction); a genuine outlier in a PCA layout is something the figure should show.
     */
    public static Viewport fitting(float[] xs, float[] ys, double margin) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            if (Float.isFinite(xs[i]) && Float.isFinite(ys[i])) {
                minX = Math.min(minX, xs[i]);
                maxX = Math.max(maxX, xs[i]);
                minY = Math.min(minY, ys[i]);
                maxY = Math.max(maxY, ys[i]);
            }
        }
        if (minX > maxX) { // no finite point
            return new Viewport(-1, -1, 1, 1);
        }
        double w = maxX - minX, h = maxY - minY;
        double padX = w > 0 ? w * margin : 0.5, padY = h > 0 ? h * margin : 0.5;
        return new Viewport(minX - padX, minY - padY, maxX + padX, maxY + padY);
    }
}
