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

    /**
     * The points inside the polygon (its even-odd rule, {@link Polygon#contains}), ascending. Costs in
     * proportion to the polygon's boundary, not its area: the cells its edges pass through are marked, and
     * only their points are tested; every other cell of its bounding box lies wholly inside or wholly
     * outside (no edge crosses it), so one test at its centre decides all of its points. A row's unmarked
     * cells between two marked ones share that answer and are consecutive in {@code order}. At 1M points
     * a lasso over an eighth of the view tests a few thousand points instead of over 100k.
     */
    public int[] inside(Polygon polygon) {
        int c0 = column(polygon.minX()), c1 = column(polygon.maxX());
        int r0 = row(polygon.minY()), r1 = row(polygon.maxY());
        if (!polygon.isFinite()) {
            return insideByTesting(polygon, c0, c1, r0, r1);
        }
        int width = c1 - c0 + 1;
        boolean[] crossed = crossedCells(polygon, c0, c1, r0, r1);
        long[] chosen = new long[(xs.length + 63) >>> 6]; // a bitmap gives the indices in order, unsorted
        int n = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; ) {
                int cell = cell(c, r);
                if (crossed[(r - r0) * width + c - c0]) {
                    for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                        int i = order[k];
                        if (polygon.contains(xs[i], ys[i])) {
                            chosen[i >>> 6] |= 1L << i;
                            n++;
                        }
                    }
                    c++;
                    continue;
                }
                int end = c; // a run of cells no edge crosses: all inside or all outside
                while (end + 1 <= c1 && !crossed[(r - r0) * width + end + 1 - c0]) {
                    end++;
                }
                if (polygon.contains(minX + (c + 0.5) * cellSize, minY + (r + 0.5) * cellSize)) {
                    for (int k = cellStart[cell], to = cellStart[cell(end, r) + 1]; k < to; k++) {
                        int i = order[k];
                        chosen[i >>> 6] |= 1L << i;
                    }
                    n += cellStart[cell(end, r) + 1] - cellStart[cell];
                }
                c = end + 1;
            }
        }
        int[] result = new int[n];
        int m = 0;
        for (int word = 0; word < chosen.length; word++) {
            for (long bits = chosen[word]; bits != 0; bits &= bits - 1) {
                result[m++] = (word << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
        return result;
    }

    /**
     * Cells of the box [c0..c1] x [r0..r1] (row-major) that an edge of the polygon passes through or
     * nearly touches, marked conservatively (cells widened by a margin far above rounding error); the last
     * column and row are always marked, as they hold the points the 4096-cell cap folds into them.
     */
    private boolean[] crossedCells(Polygon polygon, int c0, int c1, int r0, int r1) {
        int width = c1 - c0 + 1;
        boolean[] crossed = new boolean[width * (r1 - r0 + 1)];
        double scale = Math.max(Math.max(Math.abs(minX), Math.abs(minY)),
                Math.max(Math.abs(minX + columns * cellSize), Math.abs(minY + rows * cellSize)));
        double margin = cellSize * 1e-3 + 64 * Math.ulp(scale);
        double[] vx = polygon.xs(), vy = polygon.ys();
        for (int i = 0, j = vx.length - 1; i < vx.length; j = i++) {
            double x0 = vx[j], y0 = vy[j], x1 = vx[i], y1 = vy[i];
            double ya = Math.min(y0, y1), yb = Math.max(y0, y1);
            int ra = Math.max(r0, row(ya - margin)), rb = Math.min(r1, row(yb + margin));
            for (int r = ra; r <= rb; r++) {
                double lo = Math.max(ya, minY + r * cellSize - margin);
                double hi = Math.min(yb, minY + (r + 1) * cellSize + margin);
                if (lo > hi) {
                    continue;
                }
                double xa, xb; // the edge's x extent within this row's slab
                if (y1 == y0) {
                    xa = x0;
                    xb = x1;
                } else {
                    xa = x0 + (lo - y0) / (y1 - y0) * (x1 - x0);
                    xb = x0 + (hi - y0) / (y1 - y0) * (x1 - x0);
                }
                int ca = Math.max(c0, column(Math.min(xa, xb) - margin));
                int cb = Math.min(c1, column(Math.max(xa, xb) + margin));
                for (int c = ca; c <= cb; c++) {
                    crossed[(r - r0) * width + c - c0] = true;
                }
            }
        }
        if (c1 == columns - 1) {
            for (int r = r0; r <= r1; r++) {
                crossed[(r - r0) * width + width - 1] = true;
            }
        }
        if (r1 == rows - 1) {
            Arrays.fill(crossed, (r1 - r0) * width, crossed.length, true);
        }
        return crossed;
    }

    /** Every point of the cells in the box tested against the polygon: for polygons with a non-finite vertex. */
    private int[] insideByTesting(Polygon polygon, int c0, int c1, int r0, int r1) {
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
