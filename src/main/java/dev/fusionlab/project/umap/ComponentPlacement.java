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
 * not yet fixed, and the whole rest of the gap to each one already fixed.
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
        return new ComponentPlacement(centres, radii(centres, sizes));
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
