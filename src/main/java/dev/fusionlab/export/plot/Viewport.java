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
     * side; a degenerate box (one point, or all on a line) gets a unit extent.
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

    /** Share of the points, at each end of each axis, that {@link #robustFitting} may leave outside. */
    private static final double TAIL = 0.01;

    /**
     * Fits the bulk of the points, robust to a few far ones: on each axis the extent runs from the 1st to
     * the 99th percentile, widened to the extreme point when that lies within half that range of it (no
     * real outlier: everything shows), then by {@code margin}. So a handful of points far away (tiny
     * disconnected groups in a UMAP layout) no longer shrink the rest into one blob; they are outside the
     * frame, one zoom-out away. What the GUI's fit ('0') and the CLI's figures show.
     */
    public static Viewport robustFitting(float[] xs, float[] ys, double margin) {
        double[] x = robustRange(xs, ys, true), y = robustRange(xs, ys, false);
        if (x == null || y == null) {
            return fitting(xs, ys, margin);
        }
        double w = x[1] - x[0], h = y[1] - y[0];
        double padX = w > 0 ? w * margin : 0.5, padY = h > 0 ? h * margin : 0.5;
        return new Viewport(x[0] - padX, y[0] - padY, x[1] + padX, y[1] + padY);
    }

    private static double[] robustRange(float[] xs, float[] ys, boolean horizontal) {
        int finite = 0;
        float[] values = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (Float.isFinite(xs[i]) && Float.isFinite(ys[i])) {
                values[finite++] = horizontal ? xs[i] : ys[i];
            }
        }
        if (finite == 0) {
            return null;
        }
        float[] sorted = java.util.Arrays.copyOf(values, finite);
        java.util.Arrays.sort(sorted);
        int tail = (int) Math.floor(TAIL * finite);
        double lo = sorted[tail], hi = sorted[finite - 1 - tail];
        double range = hi - lo;
        double min = sorted[0] >= lo - 0.5 * range ? sorted[0] : lo;
        double max = sorted[finite - 1] <= hi + 0.5 * range ? sorted[finite - 1] : hi;
        return new double[] {min, max};
    }
}
