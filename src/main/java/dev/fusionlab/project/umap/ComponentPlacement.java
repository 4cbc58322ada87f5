package dev.fusionlab.project.umap;

import dev.fusionlab.project.DenseAlgebra;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where the connected components of a disconnected UMAP graph start, and how much room each gets.
 *
 * <p>Centres: the meta-layout of umap-learn's {@code multi_component_layout}, a 2D embedding of the
 * components' centroids in the input space, here by classical multidimensional scaling of their pairwise
 * distances (the two leading eigenvectors of the centred Gram matrix of the centroids), so that components
 * far apart in the data start far apart.
 *
 * <p>Radii: each component gets a disk whose radius grows with the square root of its size (so a component's
 * area, like its share of the plot, follows its number of points) while no two disks overlap. umap-learn gives
 * every component the same room, half the distance to its nearest neighbour in the meta-layout, which lets
 * three near-duplicate pairs take as much of the plot as two thousand points. Radii are fixed greedily from
 * the largest component down: a component takes its size-proportional share of the gap to each neighbour
 * not yet fixed, and the whole rest of the gap to each one already fixed, but never more than the largest
 * component's radius times the square root of their size ratio. Then {@link #compact} closes the gaps.
 *
 * @param centres k x 2 component centres
 * @param radii   radius of each component's disk
 */
record ComponentPlacement(double[][] centres, double[] radii) {

    private static final int BLOCK = 4;
    private static final int ITERATIONS = 200;
    /** Smallest radius, relative to the largest: components whose centres coincide still keep some extent. */
    private static final double MIN_RELATIVE_RADIUS = 1e-2;

    double[] centre(int component) {
        return centres[component];
    }

    double radius(int component) {
        return radii[component];
    }

    /**
     * @param data    the input rows
     * @param members the points of each component
     */
    static ComponentPlacement of(float[][] data, int[][] members, SplittableRandom random) {
        double[][] centres = metaLayout(centroids(data, members), random);
        int[] sizes = Arrays.stream(members).mapToInt(m -> m.length).toArray();
        double[] radii = radii(centres, sizes);
        return new ComponentPlacement(compact(centres, radii, sizes), radii);
    }

    /** Gap left between neighbouring disks after {@link #compact}, relative to the largest radius. */
    private static final double GAP = 0.08;

    /**
     * Pulls the components together, as umap-learn's meta-layout keeps them: from the largest down, each
     * component moves along the line from its nearest already placed neighbour until only a small gap
     * separates their disks (further out again if it would overlap another placed disk). Directions, and so
     * which side of the plot each component lies on, come from the meta-layout; distances no longer do,
     * since a few near-duplicates far away in the input would otherwise sit far out in the plot and leave
     * the bulk of the points one small blob once the figure is fitted.
     */
    static double[][] compact(double[][] centres, double[] radii, int[] sizes) {
        int k = centres.length;
        double[][] placed = new double[k][];
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> sizes[a] != sizes[b] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
        double gap = GAP * Arrays.stream(radii).max().orElse(1);
        for (int rank = 0; rank < k; rank++) {
            int c = order[rank];
            if (rank == 0) {
                placed[c] = centres[c].clone();
                continue;
            }
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r < rank; r++) {
                int o = order[r];
                double d = Math.hypot(centres[c][0] - placed[o][0], centres[c][1] - placed[o][1]) - radii[o];
                if (d < best) {
                    best = d;
                    nearest = o;
                }
            }
            double dx = centres[c][0] - placed[nearest][0], dy = centres[c][1] - placed[nearest][1];
            double length = Math.hypot(dx, dy);
            if (!(length > 0)) { // same place: any direction, fixed by the rank for determinism
                dx = Math.cos(rank);
                dy = Math.sin(rank);
                length = 1;
            }
            double distance = Math.min(length, radii[nearest] + radii[c] + gap);
            double[] at = new double[2];
            for (int step = 0; step < 10_000; step++, distance += gap) {
                at[0] = placed[nearest][0] + dx / length * distance;
                at[1] = placed[nearest][1] + dy / length * distance;
                if (!overlaps(at, radii[c], placed, radii, order, rank)) {
                    break;
                }
            }
            placed[c] = at;
        }
        return placed;
    }

    private static boolean overlaps(double[] at, double radius, double[][] placed, double[] radii, Integer[] order,
                                    int count) {
        for (int r = 0; r < count; r++) {
            int o = order[r];
            if (Math.hypot(at[0] - placed[o][0], at[1] - placed[o][1]) < radius + radii[o]) {
                return true;
            }
        }
        return false;
    }

    static double[][] centroids(float[][] data, int[][] members) {
        int d = data[0].length;
        double[][] centroids = new double[members.length][d];
        for (int c = 0; c < members.length; c++) {
            for (int i : members[c]) {
                if (data[i].length != d) {
                    throw new IllegalArgumentException("UMAP input row " + i + " has " + data[i].length
                            + " values, row 0 has " + d);
                }
                for (int j = 0; j < d; j++) {
                    centroids[c][j] += data[i][j];
                }
            }
            for (int j = 0; j < d; j++) {
                centroids[c][j] /= members[c].length;
            }
        }
        return centroids;
    }

    /** Classical MDS of the points to 2D: k x 2 coordinates, (0, 0) for all when they coincide. */
    static double[][] metaLayout(double[][] points, SplittableRandom random) {
        int k = points.length;
        int d = points[0].length;
        double[] mean = new double[d];
        for (double[] p : points) {
            DenseAlgebra.axpy(1.0 / k, p, mean);
        }
        double[][] centred = new double[k][];
        for (int a = 0; a < k; a++) {
            centred[a] = points[a].clone();
            DenseAlgebra.axpy(-1, mean, centred[a]);
        }
        double[][] gram = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                gram[a][b] = gram[b][a] = DenseAlgebra.dot(centred[a], centred[b]);
            }
        }
        double[][] eigen = leadingEigen(gram, random);
        double[][] layout = new double[k][2];
        for (int axis = 0; axis < Math.min(2, eigen[0].length); axis++) {
            double scale = Math.sqrt(Math.max(0, eigen[0][axis]));
            for (int a = 0; a < k; a++) {
                layout[a][axis] = scale * eigen[1 + axis][a];
            }
        }
        return layout;
    }

    /**
     * Leading eigenpairs of a symmetric positive semi-definite matrix: exact (Jacobi) when it is small, else
     * by subspace iteration with Rayleigh-Ritz, since a few hundred components are possible and Jacobi is cubic.
     *
     * @return {@code [values, vector 0, vector 1, ...]}, values decreasing
     */
    private static double[][] leadingEigen(double[][] matrix, SplittableRandom random) {
        int k = matrix.length;
        if (k <= 3 * BLOCK) {
            return DenseAlgebra.symmetricEigen(matrix);
        }
        double[][] block = new double[BLOCK][k];
        for (double[] v : block) {
            for (int i = 0; i < k; i++) {
                v[i] = random.nextDouble() - 0.5;
            }
        }
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            block = times(matrix, block);
            DenseAlgebra.orthonormalize(block);
        }
        double[][] image = times(matrix, block);
        double[][] projected = new double[BLOCK][BLOCK];
        for (int a = 0; a < BLOCK; a++) {
            for (int b = 0; b < BLOCK; b++) {
                projected[a][b] = DenseAlgebra.dot(block[a], image[b]);
            }
        }
        double[][] small = DenseAlgebra.symmetricEigen(projected);
        double[][] result = new double[1 + BLOCK][];
        result[0] = small[0];
        for (int r = 0; r < BLOCK; r++) {
            result[1 + r] = new double[k];
            for (int j = 0; j < BLOCK; j++) {
                DenseAlgebra.axpy(small[1 + r][j], block[j], result[1 + r]);
            }
        }
        return result;
    }

    private static double[][] times(double[][] matrix, double[][] block) {
        double[][] result = new double[block.length][];
        for (int j = 0; j < block.length; j++) {
            result[j] = new double[matrix.length];
            for (int i = 0; i < matrix.length; i++) {
                result[j][i] = DenseAlgebra.dot(matrix[i], block[j]);
            }
        }
        return result;
    }

    /** Non-overlapping disk radii growing with sqrt(size), fixed greedily from the largest component down. */
    static double[] radii(double[][] centres, int[] sizes) {
        int k = centres.length;
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> sizes[a] != sizes[b] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
        double[] radii = new double[k];
        boolean[] fixed = new boolean[k];
        for (int c : order) {
            double radius = Double.POSITIVE_INFINITY;
            for (int o = 0; o < k; o++) {
                if (o == c) {
                    continue;
                }
                double gap = Math.hypot(centres[c][0] - centres[o][0], centres[c][1] - centres[o][1]);
                double share = Math.sqrt(sizes[c]) / (Math.sqrt(sizes[c]) + Math.sqrt(sizes[o]));
                radius = Math.min(radius, fixed[o] ? gap - radii[o] : gap * share);
            }
            if (c != order[0]) { // never more room than its size earns next to the largest: a tiny component far
                // away would otherwise take the whole gap and its few points be spread across the plot
                radius = Math.min(radius, radii[order[0]] * Math.sqrt((double) sizes[c] / sizes[order[0]]));
            }
            radii[c] = Math.max(0, radius);
            fixed[c] = true;
        }
        double largest = Arrays.stream(radii).max().orElse(0);
        if (!(largest > 0)) {
            return Arrays.stream(radii).map(r -> 1).toArray(); // all centres coincide: the spread comes from the disks
        }
        return Arrays.stream(radii).map(r -> Math.max(r, MIN_RELATIVE_RADIUS * largest)).toArray();
    }
}
