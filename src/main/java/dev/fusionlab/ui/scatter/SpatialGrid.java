package dev.fusionlab.ui.scatter;

import java.util.Arrays;

/**
 * A uniform grid over 2D points, so hover (nearest point) and lasso (points in a polygon) look at a
 * handful of cells instead of every point: O(1) per hover at a million points. Built in O(n) with a
 * counting sort; immutable, so it can be built off the FX thread and read on it.
 */
public final class SpatialGrid {

    private final float[] xs, ys;
    private final double minX, minY, cellSize;
    private final int columns, rows;
    /** cellStart[c]..cellStart[c+1] index into {@code order}: the points of cell c */
    private final int[] cellStart;
    private final int[] order;

    /** Indexes the finite points, about {@code pointsPerCell} to a cell. */
    public SpatialGrid(float[] xs, float[] ys, int pointsPerCell) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs and ys differ in length");
        }
        this.xs = xs;
        this.ys = ys;
        double lx = Double.POSITIVE_INFINITY, ly = Double.POSITIVE_INFINITY;
        double hx = Double.NEGATIVE_INFINITY, hy = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            if (finite(i)) {
                lx = Math.min(lx, xs[i]);
                hx = Math.max(hx, xs[i]);
                ly = Math.min(ly, ys[i]);
                hy = Math.max(hy, ys[i]);
            }
        }
        if (lx > hx) {
            lx = ly = 0;
            hx = hy = 1;
        }
        double w = Math.max(hx - lx, 1e-12), h = Math.max(hy - ly, 1e-12);
        int targetCells = Math.max(1, xs.length / Math.max(1, pointsPerCell));
        double size = Math.sqrt(w * h / targetCells);
        if (!(size > 0)) {
            size = Math.max(w, h);
        }
        this.minX = lx;
        this.minY = ly;
        this.cellSize = size;
        this.columns = Math.min(4096, (int) (w / size) + 1);
        this.rows = Math.min(4096, (int) (h / size) + 1);

        int[] counts = new int[columns * rows + 1];
        int[] cellOf = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            cellOf[i] = finite(i) ? cell(column(xs[i]), row(ys[i])) : -1;
            if (cellOf[i] >= 0) {
                counts[cellOf[i] + 1]++;
            }
        }
        for (int c = 1; c < counts.length; c++) {
            counts[c] += counts[c - 1];
        }
        this.cellStart = counts.clone();
        this.order = new int[counts[counts.length - 1]];
        for (int i = 0; i < xs.length; i++) {
            if (cellOf[i] >= 0) {
                order[counts[cellOf[i]]++] = i;
            }
        }
    }

    /** @return the index of the point nearest to (x, y) within {@code maxDistance}, or -1 */
    public int nearest(double x, double y, double maxDistance) {
        int c0 = column(x - maxDistance), c1 = column(x + maxDistance);
        int r0 = row(y - maxDistance), r1 = row(y + maxDistance);
        int best = -1;
        double bestD2 = maxDistance * maxDistance;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = cell(c, r);
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    int i = order[k];
                    double dx = xs[i] - x, dy = ys[i] - y;
                    double d2 = dx * dx + dy * dy;
                    if (d2 <= bestD2) {
                        bestD2 = d2;
                        best = i;
                    }
                }
            }
        }
        return best;
    }

    /** @return indices of the points inside the polygon, ascending */
    public int[] inside(Polygon polygon) {
        int c0 = column(polygon.minX()), c1 = column(polygon.maxX());
        int r0 = row(polygon.minY()), r1 = row(polygon.maxY());
        int[] found = new int[64];
        int n = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = cell(c, r);
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    int i = order[k];
                    if (polygon.contains(xs[i], ys[i])) {
                        if (n == found.length) {
                            found = Arrays.copyOf(found, n * 2);
                        }
                        found[n++] = i;
                    }
                }
            }
        }
        int[] result = Arrays.copyOf(found, n);
        Arrays.sort(result);
        return result;
    }

    private boolean finite(int i) {
        return Float.isFinite(xs[i]) && Float.isFinite(ys[i]);
    }

    private int column(double x) {
        return clamp((int) Math.floor((x - minX) / cellSize), columns);
    }

    private int row(double y) {
        return clamp((int) Math.floor((y - minY) / cellSize), rows);
    }

    private int cell(int column, int row) {
        return row * columns + column;
    }

    private static int clamp(int v, int size) {
        return v < 0 ? 0 : Math.min(v, size - 1);
    }
}
