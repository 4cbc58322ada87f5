package dev.fusionlab.project.tsne;

import dev.fusionlab.project.Workers;
import java.util.Arrays;

/**
 * A quadtree over the 2D layout that approximates t-SNE's repulsive forces (van der Maaten 2014): a
 * cell that looks small from a point (width / distance below theta) acts as one body at its centre
 * of mass. Stored flat: nodes are array slots, every node covers a contiguous range of the points
 * sorted by cell, children of a node are consecutive. The arrays are reused from one iteration to the
 * next, so rebuilding the tree allocates nothing once they have grown to size.
 */
final class BarnesHutTree {

    private static final int LEAF_SIZE = 8;
    private static final int MAX_DEPTH = 48;

    private final int n;
    /** Point indices in tree order, and their coordinates in that order. */
    private final int[] order;
    private final double[] px;
    private final double[] py;
    private final int[] scratch;
    /** Per-depth quadrant bounds and cursors of the counting sort, reused by every build. */
    private final int[][] bounds = new int[MAX_DEPTH + 1][5];
    private final int[][] cursors = new int[MAX_DEPTH + 1][4];

    /** Per node: centre of mass x, y, (cell width / theta)^2, number of points; packed for one cache line. */
    private static final int GEOMETRY = 4;
    /** Per node: first child (-1 for a leaf), number of children, first point, end of points. */
    private static final int LINKS = 4;

    private int nodes;
    private double theta2 = 0.25;
    private double[] geometry = new double[0];
    private int[] links = new int[0];

    BarnesHutTree(int n) {
        this.n = n;
        this.order = new int[n];
        this.px = new double[n];
        this.py = new double[n];
        this.scratch = new int[n];
        grow(Math.max(16, n / 2));
    }

    /** Rebuilds the tree for the interleaved layout {@code y} and opening angle {@code theta}. */
    void build(double[] y, double theta) {
        this.theta2 = Math.max(theta * theta, 1e-300);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            double x = y[2 * i];
            double v = y[2 * i + 1];
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, v);
            maxY = Math.max(maxY, v);
        }
        double half = Math.max(maxX - minX, maxY - minY) / 2 * (1 + 1e-9) + 1e-12;
        nodes = 1;
        buildNode(0, 0, n, (minX + maxX) / 2, (minY + maxY) / 2, half, 0, y);
    }

    private void buildNode(int node, int from, int to, double cx, double cy, double half, int depth, double[] y) {
        double sx = 0;
        double sy = 0;
        for (int p = from; p < to; p++) {
            int i = order[p];
            double x = y[2 * i];
            double v = y[2 * i + 1];
            px[p] = x;
            py[p] = v;
            sx += x;
            sy += v;
        }
        int count = to - from;
        int g = node * GEOMETRY;
        geometry[g] = sx / count;
        geometry[g + 1] = sy / count;
        geometry[g + 2] = 4 * half * half / theta2;
        geometry[g + 3] = count;
        int l = node * LINKS;
        links[l + 2] = from;
        links[l + 3] = to;
        if (count <= LEAF_SIZE || depth >= MAX_DEPTH) {
            links[l] = -1;
            links[l + 1] = 0;
            return;
        }
        // quadrant q = (x >= cx) + 2 (y >= cy); counting sort of the range by quadrant
        int[] bounds = this.bounds[depth];
        Arrays.fill(bounds, 0);
        for (int p = from; p < to; p++) {
            bounds[quadrant(px[p], py[p], cx, cy) + 1]++;
        }
        bounds[0] = from;
        for (int q = 1; q <= 4; q++) {
            bounds[q] += bounds[q - 1];
        }
        int[] cursor = cursors[depth];
        System.arraycopy(bounds, 0, cursor, 0, 4);
        for (int p = from; p < to; p++) {
            scratch[cursor[quadrant(px[p], py[p], cx, cy)]++] = order[p];
        }
        System.arraycopy(scratch, from, order, from, count);
        int children = 0;
        for (int q = 0; q < 4; q++) {
            if (bounds[q + 1] > bounds[q]) {
                children++;
            }
        }
        int first = nodes;
        if ((nodes + children) * GEOMETRY > geometry.length) {
            grow(2 * (nodes + children));
        }
        nodes += children;
        links[l] = first;
        links[l + 1] = children;
        int child = first;
        double quarter = half / 2;
        for (int q = 0; q < 4; q++) {
            if (bounds[q + 1] > bounds[q]) {
                double ccx = cx + ((q & 1) != 0 ? quarter : -quarter);
                double ccy = cy + ((q & 2) != 0 ? quarter : -quarter);
                buildNode(child++, bounds[q], bounds[q + 1], ccx, ccy, quarter, depth + 1, y);
            }
        }
    }

    private static int quadrant(double x, double y, double cx, double cy) {
        return (x >= cx ? 1 : 0) | (y >= cy ? 2 : 0);
    }

    private void grow(int capacity) {
        geometry = Arrays.copyOf(geometry, capacity * GEOMETRY);
        links = Arrays.copyOf(links, capacity * LINKS);
    }

    /**
     * Unnormalised repulsion of every point: {@code force[2i..2i+1]} = sum over j of q_ij^2 (y_i - y_j)
     * and {@code z[i]} = sum over j != i of q_ij, with q_ij = 1 / (1 + |y_i - y_j|^2). Points are
     * visited in tree order so that neighbouring points walk the same cells (cache friendly); each
     * point writes only its own slots, so the result does not depend on the thread count.
     */
    void repulsion(double[] force, double[] z, Workers workers, int[][] stacks) {
        workers.forRange(n, 512, (from, to, worker) -> {
            int[] stack = stacks[worker];
            for (int p = from; p < to; p++) {
                walk(p, force, z, stack);
            }
        });
    }

    private void walk(int p, double[] force, double[] z, int[] stack) {
        double[] geometry = this.geometry;
        int[] links = this.links;
        double x = px[p];
        double y = py[p];
        double fx = 0;
        double fy = 0;
        double sum = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            int g = node * GEOMETRY;
            double dx = x - geometry[g];
            double dy = y - geometry[g + 1];
            double d2 = dx * dx + dy * dy;
            int l = node * LINKS;
            int first = links[l];
            if (first >= 0 && geometry[g + 2] < d2) {
                double q = 1 / (1 + d2);
                double mq = geometry[g + 3] * q;
                sum += mq;
                mq *= q;
                fx += mq * dx;
                fy += mq * dy;
            } else if (first < 0) {
                for (int o = links[l + 2], e = links[l + 3]; o < e; o++) {
                    if (o != p) {
                        double ex = x - px[o];
                        double ey = y - py[o];
                        double q = 1 / (1 + ex * ex + ey * ey);
                        sum += q;
                        q *= q;
                        fx += q * ex;
                        fy += q * ey;
                    }
                }
            } else {
                for (int c = first + links[l + 1] - 1; c >= first; c--) {
                    stack[top++] = c;
                }
            }
        }
        int i = order[p];
        force[2 * i] = fx;
        force[2 * i + 1] = fy;
        z[i] = sum;
    }

    /** Stack size that any walk fits in. */
    static int stackSize() {
        return 4 * (MAX_DEPTH + 2);
    }
}
