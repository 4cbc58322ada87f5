package dev.fusionlab.project.umap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Closes the wide empty gaps that UMAP's negative sampling opens around separate groups of points, by moving
 * each group rigidly: the shape of every group, and so every neighbourhood inside it, stays exactly as SGD
 * left it; only the white space between groups shrinks.
 *
 * <p>Why: every point is pushed away from random other points throughout the optimisation. A group tied to
 * the rest by few edges (the emoji demo's 270 flags, one kNN component with everything else) or by none (a
 * disconnected component) drifts until those pushes, weak at long range, fade; it ends several times its own
 * size away, and a few near-duplicate pairs end at the edges. Fitted to a frame, the bulk of the points then
 * fills a third of it. The distance between separate groups carries no meaning in UMAP (only who is near whom
 * does), so capping it loses nothing and gives the data the frame.
 *
 * <p>How: islands are the groups of points linked by steps of at most {@value #LINK} (UMAP's unit length, set
 * by {@code spread = 1}; points in a cluster sit about {@code min_dist = 0.1} apart). The largest island stays.
 * The others, largest first, first follow the island they were nearest to in SGD's layout (so a group keeps
 * its satellites), then slide straight towards the nearest point already placed until {@code gap} separates
 * them from every placed point: {@code gap} is the larger of {@value #MIN_GAP} and {@value #GAP_FRACTION} of
 * the largest island's size, about the spacing of the clusters inside a UMAP layout. An island already closer
 * than that stays where it is. Deterministic: no randomness, islands ordered by size then first point.
 */
final class IslandCompaction {

    /** Points closer than this belong to the same island (UMAP units). */
    static final double LINK = 0.5;
    /** Smallest gap left between islands (UMAP units). */
    static final double MIN_GAP = 1.0;
    /** Gap between islands relative to the size (geometric mean of the bounding box sides) of the largest. */
    static final double GAP_FRACTION = 0.1;
    private static final int BISECTIONS = 24;

    private IslandCompaction() {
    }

    /**
     * Moves islands of {@code positions} (x0, y0, x1, y1, ...) in place.
     *
     * @return the number of islands found
     */
    static int apply(float[] positions) {
        return apply(positions, null);
    }

    /**
     * As {@link #apply(float[])}, sliding each island towards the placed points its graph edges lead to.
     *
     * @param graph the fuzzy graph the layout was optimised on, or null to slide towards the nearest point
     */
    static int apply(float[] positions, FuzzyGraph graph) {
        int n = positions.length / 2;
        for (float v : positions) {
            if (!Float.isFinite(v)) {
                return 0; // nothing sensible to measure gaps on
            }
        }
        int[][] islands = islands(positions, n);
        if (islands.length < 2) {
            return islands.length;
        }
        double gap = Math.max(MIN_GAP, GAP_FRACTION * size(positions, islands[0]));
        float[] original = positions.clone();
        Grid placedNow = new Grid(gap);
        Grid placedBefore = new Grid(gap);
        int[] islandOf = new int[n];
        for (int c = 0; c < islands.length; c++) {
            for (int i : islands[c]) {
                islandOf[i] = c;
            }
        }
        double[][] shift = new double[islands.length][2];
        placedNow.addAll(positions, islands[0]);
        placedBefore.addAll(original, islands[0]);
        for (int c = 1; c < islands.length; c++) {
            int[] members = islands[c];
            Nearest before = nearest(original, members, placedBefore, original);
            double[] start = shift[islandOf[before.placed]].clone();
            translate(positions, members, start[0], start[1]);
            Nearest now = nearest(positions, members, placedNow, positions);
            if (now.distance < Math.min(gap, before.distance)) { // following its neighbour put it onto another island
                translate(positions, members, -start[0], -start[1]);
                start = new double[2];
                now = nearest(positions, members, placedNow, positions);
            }
            shift[c] = start;
            double[] towards = linkedCentre(graph, members, islandOf, c, positions);
            double dx, dy, reach;
            if (towards == null) { // no edge to a placed island: straight at the nearest placed point
                dx = positions[2 * now.placed] - positions[2 * now.point];
                dy = positions[2 * now.placed + 1] - positions[2 * now.point + 1];
                reach = now.distance - gap;
            } else { // towards the points its neighbours in the data lie among, as far as the gap lets it
                double[] centre = centre(positions, members);
                dx = towards[0] - centre[0];
                dy = towards[1] - centre[1];
                reach = Math.hypot(dx, dy);
            }
            double length = Math.hypot(dx, dy);
            if (now.distance > gap && length > 0) {
                double ux = dx / length, uy = dy / length;
                double clearT = 0; // the farthest slide found clear; the full one unless another island is in the way
                double blockedT = reach;
                if (clear(positions, members, ux * blockedT, uy * blockedT, placedNow, gap)) {
                    clearT = blockedT;
                } else {
                    for (int s = 0; s < BISECTIONS; s++) {
                        double t = 0.5 * (clearT + blockedT);
                        if (clear(positions, members, ux * t, uy * t, placedNow, gap)) {
                            clearT = t;
                        } else {
                            blockedT = t;
                        }
                    }
                }
                translate(positions, members, ux * clearT, uy * clearT);
                shift[c] = new double[] {start[0] + ux * clearT, start[1] + uy * clearT};
            }
            placedNow.addAll(positions, members);
            placedBefore.addAll(original, members);
        }
        return islands.length;
    }

    /** Islands by single linkage at {@link #LINK}, largest first (ties: lowest first point), points ascending. */
    static int[][] islands(float[] positions, int n) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Grid grid = new Grid(LINK);
        for (int i = 0; i < n; i++) {
            float x = positions[2 * i], y = positions[2 * i + 1];
            int point = i;
            grid.forEachNear(x, y, j -> {
                double ddx = x - positions[2 * j], ddy = y - positions[2 * j + 1];
                if (ddx * ddx + ddy * ddy <= LINK * LINK) {
                    int a = root(parent, point), b = root(parent, j);
                    if (a != b) {
                        parent[Math.max(a, b)] = Math.min(a, b);
                    }
                }
                return true;
            });
            grid.add(x, y, i);
        }
        Map<Integer, Integer> label = new HashMap<>();
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            Integer l = label.get(r);
            if (l == null) {
                l = groups.size();
                label.put(r, l);
                groups.add(new ArrayList<>());
            }
            groups.get(l).add(i);
        }
        int[][] result = groups.stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        Arrays.sort(result, (a, b) -> a.length != b.length ? Integer.compare(b.length, a.length)
                : Integer.compare(a[0], b[0]));
        return result;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Weighted mean position of the points in already placed islands that members have edges to, or null. */
    private static double[] linkedCentre(FuzzyGraph graph, int[] members, int[] islandOf, int island,
                                         float[] positions) {
        if (graph == null) {
            return null;
        }
        double x = 0, y = 0, total = 0;
        for (int i : members) {
            for (int e = graph.rowStart()[i]; e < graph.rowStart()[i + 1]; e++) {
                int j = graph.columns()[e];
                if (islandOf[j] < island) {
                    double w = graph.weights()[e];
                    x += w * positions[2 * j];
                    y += w * positions[2 * j + 1];
                    total += w;
                }
            }
        }
        return total > 0 ? new double[] {x / total, y / total} : null;
    }

    private static double[] centre(float[] positions, int[] members) {
        double x = 0, y = 0;
        for (int i : members) {
            x += positions[2 * i];
            y += positions[2 * i + 1];
        }
        return new double[] {x / members.length, y / members.length};
    }

    /** Geometric mean of the sides of the points' bounding box. */
    private static double size(float[] positions, int[] members) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i : members) {
            minX = Math.min(minX, positions[2 * i]);
            maxX = Math.max(maxX, positions[2 * i]);
            minY = Math.min(minY, positions[2 * i + 1]);
            maxY = Math.max(maxY, positions[2 * i + 1]);
        }
        return Math.sqrt((maxX - minX) * (maxY - minY));
    }

    private static void translate(float[] positions, int[] members, double dx, double dy) {
        if (dx == 0 && dy == 0) {
            return;
        }
        for (int i : members) {
            positions[2 * i] = (float) (positions[2 * i] + dx);
            positions[2 * i + 1] = (float) (positions[2 * i + 1] + dy);
        }
    }

    /** Whether no placed point lies within {@code gap} of the members moved by (dx, dy). */
    private static boolean clear(float[] positions, int[] members, double dx, double dy, Grid placed, double gap) {
        for (int i : members) {
            float x = (float) (positions[2 * i] + dx), y = (float) (positions[2 * i + 1] + dy);
            boolean clear = placed.forEachNear(x, y, j -> {
                double ddx = x - positions[2 * j], ddy = y - positions[2 * j + 1];
                return ddx * ddx + ddy * ddy >= gap * gap;
            });
            if (!clear) {
                return false;
            }
        }
        return true;
    }

    /** Closest pair between a member ({@code point}, at {@code own}) and a placed point (at {@code theirs}). */
    private record Nearest(int point, int placed, double distance) {
    }

    private static Nearest nearest(float[] own, int[] members, Grid placed, float[] theirs) {
        Nearest best = new Nearest(-1, -1, Double.POSITIVE_INFINITY);
        for (int i : members) {
            float x = own[2 * i], y = own[2 * i + 1];
            int j = placed.nearest(x, y, theirs, best.distance);
            if (j >= 0) {
                double d = Math.hypot(x - theirs[2 * j], y - theirs[2 * j + 1]);
                if (d < best.distance) {
                    best = new Nearest(i, j, d);
                }
            }
        }
        return best;
    }

    /** Points bucketed in square cells, for neighbours within one cell and nearest-point searches. */
    private static final class Grid {
        private final double cell;
        private final Map<Long, int[]> cells = new HashMap<>();
        private final Map<Long, Integer> counts = new HashMap<>();
        private long minCx = Long.MAX_VALUE, maxCx = Long.MIN_VALUE, minCy = Long.MAX_VALUE, maxCy = Long.MIN_VALUE;

        Grid(double cell) {
            this.cell = cell;
        }

        private static long key(long cx, long cy) {
            return (cx << 32) ^ (cy & 0xFFFFFFFFL);
        }

        void add(float x, float y, int i) {
            long cx = (long) Math.floor(x / cell), cy = (long) Math.floor(y / cell);
            long k = key(cx, cy);
            int count = counts.getOrDefault(k, 0);
            int[] bucket = cells.get(k);
            if (bucket == null || bucket.length == count) {
                bucket = bucket == null ? new int[4] : Arrays.copyOf(bucket, 2 * count);
                cells.put(k, bucket);
            }
            bucket[count] = i;
            counts.put(k, count + 1);
            minCx = Math.min(minCx, cx);
            maxCx = Math.max(maxCx, cx);
            minCy = Math.min(minCy, cy);
            maxCy = Math.max(maxCy, cy);
        }

        void addAll(float[] positions, int[] members) {
            for (int i : members) {
                add(positions[2 * i], positions[2 * i + 1], i);
            }
        }

        /**
         * Visits the points in the 3 x 3 cells around (x, y), which hold every point within one cell size,
         * until {@code visit} returns false.
         *
         * @return false when a visit returned false
         */
        boolean forEachNear(float x, float y, IntPredicate visit) {
            long cx = (long) Math.floor(x / cell), cy = (long) Math.floor(y / cell);
            for (long a = cx - 1; a <= cx + 1; a++) {
                for (long b = cy - 1; b <= cy + 1; b++) {
                    if (!visitCell(a, b, visit)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean visitCell(long cx, long cy, IntPredicate visit) {
            long k = key(cx, cy);
            int[] bucket = cells.get(k);
            if (bucket != null) {
                int count = counts.get(k);
                for (int t = 0; t < count; t++) {
                    if (!visit.test(bucket[t])) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * The nearest point to (x, y) closer than {@code bound}, searching rings of cells outwards, or -1.
         * Ties go to the point added first within a cell, then to the inner ring: deterministic.
         */
        int nearest(float x, float y, float[] positions, double bound) {
            if (counts.isEmpty()) {
                return -1;
            }
            long cx = (long) Math.floor(x / cell), cy = (long) Math.floor(y / cell);
            long reach = Math.max(Math.max(Math.abs(cx - minCx), Math.abs(cx - maxCx)),
                    Math.max(Math.abs(cy - minCy), Math.abs(cy - maxCy)));
            int[] best = {-1};
            double[] bestD2 = {bound * bound};
            IntPredicate closer = j -> {
                double dx = x - positions[2 * j], dy = y - positions[2 * j + 1];
                double d2 = dx * dx + dy * dy;
                if (d2 < bestD2[0]) {
                    bestD2[0] = d2;
                    best[0] = j;
                }
                return true;
            };
            for (long r = 0; r <= reach; r++) {
                if ((r - 1) * cell > Math.sqrt(bestD2[0])) {
                    break; // every point of this ring and beyond is farther than the best so far
                }
                for (long a = cx - r; a <= cx + r; a++) { // the ring: top and bottom rows, then the sides
                    visitCell(a, cy - r, closer);
                    if (r > 0) {
                        visitCell(a, cy + r, closer);
                    }
                }
                for (long b = cy - r + 1; b <= cy + r - 1; b++) {
                    visitCell(cx - r, b, closer);
                    visitCell(cx + r, b, closer);
                }
            }
            return best[0];
        }
    }
}
