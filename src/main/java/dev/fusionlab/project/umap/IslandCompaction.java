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
 * its satellites; where that would land it on another island it starts from where SGD left it), then slide
 * towards the placed points their graph edges lead to (their neighbours in the data; the nearest placed point
 * for a disconnected component) until {@code gap} separates them from every placed point: {@code gap} is the
 * larger of {@value #MIN_GAP} and {@value #GAP_FRACTION} of the largest island's size, about the spacing of the
 * clusters inside a UMAP layout. An island already closer than that stays where it is. Sliding towards its
 * graph neighbours rather than the nearest point is what keeps trustworthiness: on the emoji demo 0.9592,
 * 0.9257, 0.8269 (image, text, fused) before, 0.9588, 0.9234, 0.8268 after. Deterministic: no randomness,
 * islands ordered by size then first point, so the thread-count independence of {@link LayoutOptimizer} holds.
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
        Grid placedNow = new Grid(gap, positions);
        Grid placedBefore = new Grid(gap, positions);
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
            // start where its nearest neighbour in SGD's layout went, else where SGD left it, else with the island
            // that moved onto it there; else pushed straight out: never closer to a placed island than it was
            double required = Math.min(gap, before.distance);
            double[] start = shift[islandOf[before.placed]].clone();
            translate(positions, members, start[0], start[1]);
            Nearest now = nearest(positions, members, placedNow, positions);
            for (int attempt = 0; attempt < 2 && now.distance < required; attempt++) {
                double[] other = attempt == 0 ? new double[2] : shift[islandOf[now.placed]].clone();
                translate(positions, members, other[0] - start[0], other[1] - start[1]);
                start = other;
                now = nearest(positions, members, placedNow, positions);
            }
            if (now.distance < required) {
                double ox = positions[2 * now.point] - positions[2 * now.placed];
                double oy = positions[2 * now.point + 1] - positions[2 * now.placed + 1];
                double norm = Math.hypot(ox, oy);
                ox = norm > 0 ? ox / norm : 1;
                oy = norm > 0 ? oy / norm : 0;
                double t = required;
                while (!clear(positions, members, ox * t, oy * t, placedNow, required)) {
                    t *= 2;
                }
                translate(positions, members, ox * t, oy * t);
                start = new double[] {start[0] + ox * t, start[1] + oy * t};
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
        Grid grid = new Grid(LINK, positions);
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

    /**
     * Points bucketed in square cells over the layout's bounding box (widened by its size on every side; points
     * beyond fall in the edge cells), each cell a linked list: for neighbours within one cell size and
     * nearest-point searches. Cells are at least the size asked for, larger when the box would need more than
     * a few cells per point.
     */
    private static final class Grid {
        private final double cell;
        private final double originX, originY;
        private final int columns, rows;
        private final int[] head;
        private final int[] next;
        private int minCx = Integer.MAX_VALUE, maxCx = Integer.MIN_VALUE, minCy = Integer.MAX_VALUE,
                maxCy = Integer.MIN_VALUE;
        private boolean empty = true;

        Grid(double size, float[] positions) {
            int n = positions.length / 2;
            double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                minX = Math.min(minX, positions[2 * i]);
                maxX = Math.max(maxX, positions[2 * i]);
                minY = Math.min(minY, positions[2 * i + 1]);
                maxY = Math.max(maxY, positions[2 * i + 1]);
            }
            double w = Math.max(maxX - minX, size), h = Math.max(maxY - minY, size);
            originX = minX - w;
            originY = minY - h;
            double cells = 4.0 * n + 1024;
            cell = Math.max(size, Math.sqrt(9 * w * h / cells));
            columns = (int) Math.ceil(3 * w / cell) + 1;
            rows = (int) Math.ceil(3 * h / cell) + 1;
            head = new int[columns * rows];
            Arrays.fill(head, -1);
            next = new int[n];
        }

        private int column(float x) {
            return (int) Math.max(0, Math.min(columns - 1, Math.floor((x - originX) / cell)));
        }

        private int row(float y) {
            return (int) Math.max(0, Math.min(rows - 1, Math.floor((y - originY) / cell)));
        }

        void add(float x, float y, int i) {
            int cx = column(x), cy = row(y);
            int k = cy * columns + cx;
            next[i] = head[k];
            head[k] = i;
            minCx = Math.min(minCx, cx);
            maxCx = Math.max(maxCx, cx);
            minCy = Math.min(minCy, cy);
            maxCy = Math.max(maxCy, cy);
            empty = false;
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
            int cx = column(x), cy = row(y);
            for (int a = cx - 1; a <= cx + 1; a++) {
                for (int b = cy - 1; b <= cy + 1; b++) {
                    if (!visitCell(a, b, visit)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean visitCell(int cx, int cy, IntPredicate visit) {
            if (cx < 0 || cy < 0 || cx >= columns || cy >= rows) {
                return true;
            }
            for (int j = head[cy * columns + cx]; j >= 0; j = next[j]) {
                if (!visit.test(j)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The nearest point to (x, y) closer than {@code bound}, searching rings of cells outwards, or -1.
         * Deterministic: cells in a fixed order, the first of equally near points kept.
         */
        int nearest(float x, float y, float[] positions, double bound) {
            if (empty) {
                return -1;
            }
            int cx = column(x), cy = row(y);
            int reach = Math.max(Math.max(Math.abs(cx - minCx), Math.abs(cx - maxCx)),
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
            for (int r = 0; r <= reach; r++) {
                if ((r - 1) * cell > Math.sqrt(bestD2[0])) {
                    break; // every point of this ring and beyond is farther than the best so far
                }
                for (int a = cx - r; a <= cx + r; a++) { // the ring: top and bottom rows, then the sides
                    visitCell(a, cy - r, closer);
                    if (r > 0) {
                        visitCell(a, cy + r, closer);
                    }
                }
                for (int b = cy - r + 1; b <= cy + r - 1; b++) {
                    visitCell(cx - r, b, closer);
                    visitCell(cx + r, b, closer);
                }
            }
            return best[0];
        }
    }
}
