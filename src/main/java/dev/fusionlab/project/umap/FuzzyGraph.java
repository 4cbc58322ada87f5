package dev.fusionlab.project.umap;

import java.util.Arrays;

/**
 * UMAP's fuzzy simplicial set: the symmetric weighted graph whose edges the layout tries to keep.
 *
 * <p>Each point i gets its own distance scale: {@code rho_i}, the distance to its nearest neighbour
 * (so every point is fully connected to at least one other), and {@code sigma_i}, found by bisection so that
 * its memberships {@code exp(-(d_ij - rho_i) / sigma_i)} sum to {@code log2(nNeighbors)}. The directed
 * memberships are then merged by the fuzzy union {@code w_ij + w_ji - w_ij w_ji}.
 *
 * <p>Stored in compressed rows: the neighbours of i are {@code columns[rowStart[i] .. rowStart[i + 1])},
 * ascending, with their {@code weights}. Both directions of every edge are present.
 */
record FuzzyGraph(int[] rowStart, int[] columns, float[] weights) {

    private static final int BISECTION_STEPS = 64;
    private static final double TOLERANCE = 1e-5;
    private static final double MIN_SCALE = 1e-3;

    int size() {
        return rowStart.length - 1;
    }

    /** The graph of each connected component, its points renumbered in the order of {@code members()}. */
    FuzzyGraph[] split(ConnectedComponents components) {
        int[] local = new int[size()];
        for (int[] members : components.members()) {
            for (int i = 0; i < members.length; i++) {
                local[members[i]] = i;
            }
        }
        FuzzyGraph[] parts = new FuzzyGraph[components.count()];
        for (int c = 0; c < parts.length; c++) {
            int[] members = components.members()[c];
            int[] subStart = new int[members.length + 1];
            for (int i = 0; i < members.length; i++) {
                subStart[i + 1] = subStart[i] + rowStart[members[i] + 1] - rowStart[members[i]];
            }
            int[] subColumns = new int[subStart[members.length]];
            float[] subWeights = new float[subColumns.length];
            for (int i = 0; i < members.length; i++) {
                int from = rowStart[members[i]];
                for (int e = from; e < rowStart[members[i] + 1]; e++) {
                    subColumns[subStart[i] + e - from] = local[columns[e]]; // members ascend: columns stay sorted
                    subWeights[subStart[i] + e - from] = weights[e];
                }
            }
            parts[c] = new FuzzyGraph(subStart, subColumns, subWeights);
        }
        return parts;
    }

    /**
     * @param indices   neighbours of each point, itself excluded, closest first
     * @param distances their distances, ascending
     */
    static FuzzyGraph build(int[][] indices, float[][] distances) {
        int n = indices.length;
        float[][] memberships = new float[n][];
        for (int i = 0; i < n; i++) {
            memberships[i] = memberships(distances[i]);
        }
        return union(indices, memberships);
    }

    /** Directed memberships of one point's neighbours (umap-learn's smooth_knn_dist, local_connectivity 1). */
    static float[] memberships(float[] distances) {
        int k = distances.length;
        float[] result = new float[k];
        if (k == 0) {
            return result;
        }
        double rho = 0;
        double mean = 0;
        for (float d : distances) {
            mean += d;
            if (rho == 0 && d > 0) {
                rho = d;
            }
        }
        mean /= k;
        double target = Math.log(k + 1) / Math.log(2); // nNeighbors counts the point itself
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double sigma = 1;
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double sum = 0;
            for (float d : distances) {
                double excess = d - rho;
                sum += excess > 0 ? Math.exp(-excess / sigma) : 1;
            }
            if (Math.abs(sum - target) < TOLERANCE) {
                break;
            }
            if (sum > target) {
                hi = sigma;
                sigma = (lo + hi) / 2;
            } else {
                lo = sigma;
                sigma = hi == Double.POSITIVE_INFINITY ? sigma * 2 : (lo + hi) / 2;
            }
        }
        sigma = Math.max(sigma, MIN_SCALE * mean);
        for (int j = 0; j < k; j++) {
            double excess = distances[j] - rho;
            result[j] = excess > 0 ? (float) Math.exp(-excess / sigma) : 1f;
        }
        return result;
    }

    /** The fuzzy union of the directed graph and its transpose, as sorted compressed rows. */
    private static FuzzyGraph union(int[][] indices, float[][] memberships) {
        int n = indices.length;
        // the directed graph A by rows (sorted by column) and its transpose by rows (sorted by source)
        int[][] outColumns = new int[n][];
        float[][] outWeights = new float[n][];
        int[] inCount = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int k = indices[i].length;
            long[] packed = new long[k];
            for (int j = 0; j < k; j++) {
                int column = indices[i][j];
                if (column < 0 || column >= n) {
                    throw new IllegalArgumentException("neighbour " + column + " of point " + i + " is out of range");
                }
                packed[j] = ((long) column << 32) | j;
            }
            Arrays.sort(packed);
            outColumns[i] = new int[k];
            outWeights[i] = new float[k];
            for (int j = 0; j < k; j++) {
                outColumns[i][j] = (int) (packed[j] >>> 32);
                outWeights[i][j] = memberships[i][(int) packed[j]];
                inCount[outColumns[i][j] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            inCount[i + 1] += inCount[i];
        }
        int[] inSources = new int[inCount[n]];
        float[] inWeights = new float[inCount[n]];
        int[] fill = Arrays.copyOf(inCount, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < outColumns[i].length; j++) {
                int slot = fill[outColumns[i][j]]++;
                inSources[slot] = i;
                inWeights[slot] = outWeights[i][j];
            }
        }
        int[] rowStart = new int[n + 1];
        int[] columns = new int[inSources.length + inSources.length];
        float[] weights = new float[columns.length];
        int size = 0;
        for (int i = 0; i < n; i++) {
            int[] out = outColumns[i];
            int a = 0;
            int b = inCount[i];
            int bEnd = inCount[i + 1];
            int lastColumn = -1;
            while (a < out.length || b < bEnd) {
                int ca = a < out.length ? out[a] : Integer.MAX_VALUE;
                int cb = b < bEnd ? inSources[b] : Integer.MAX_VALUE;
                int column = Math.min(ca, cb);
                double wa = 0;
                double wb = 0;
                while (a < out.length && out[a] == column) { // a duplicate neighbour counts once
                    wa = Math.max(wa, outWeights[i][a++]);
                }
                while (b < bEnd && inSources[b] == column) {
                    wb = Math.max(wb, inWeights[b++]);
                }
                double w = wa + wb - wa * wb;
                if (column != i && column != lastColumn && w > 0) {
                    columns[size] = column;
                    weights[size++] = (float) w;
                    lastColumn = column;
                }
            }
            rowStart[i + 1] = size;
        }
        return new FuzzyGraph(rowStart, Arrays.copyOf(columns, size), Arrays.copyOf(weights, size));
    }
}
