package dev.fusionlab.project.umap;

import dev.fusionlab.project.DenseAlgebra;
import dev.fusionlab.project.Workers;
import dev.fusionlab.task.TaskContext;
import java.util.SplittableRandom;

/**
 * UMAP's starting layout: the two leading non-trivial eigenvectors of the normalised graph
 * {@code D^-1/2 W D^-1/2} (equivalently the smallest non-trivial ones of the normalised Laplacian, as in
 * umap-learn). A start that already reflects the graph's large-scale structure is what lets 200 epochs of
 * SGD suffice, and what keeps distinct clusters apart.
 *
 * <p>Computed by block subspace iteration with Rayleigh-Ritz on {@code (I + D^-1/2 W D^-1/2) / 2}, whose
 * spectrum lies in [0, 1], deflating the known top eigenvector {@code D^1/2 1}: only sparse products, no
 * ARPACK. The iteration stops when the Ritz values settle, or after a fixed budget: a partly converged
 * subspace is still a good start.
 */
final class SpectralInit {

    private static final int BLOCK = 6;
    private static final int MAX_ITERATIONS = 300;
    private static final int CHECK_EVERY = 10;
    private static final int ROW_CHUNK = 512;

    private SpectralInit() {
    }

    /**
     * @param graph  a connected graph (on a disconnected one the leading directions are component indicators)
     * @param random source of the starting block
     * @return the two eigenvectors as 2 x n coordinates, unscaled, or null when the graph is too small for them
     */
    static double[][] coordinates(FuzzyGraph graph, SplittableRandom random, Workers workers, TaskContext ctx) {
        int n = graph.size();
        if (n < BLOCK + 2) {
            return null;
        }
        double[] invSqrtDegree = new double[n];
        double[] trivial = new double[n];
        for (int i = 0; i < n; i++) {
            double degree = 0;
            for (int e = graph.rowStart()[i]; e < graph.rowStart()[i + 1]; e++) {
                degree += graph.weights()[e];
            }
            invSqrtDegree[i] = degree > 0 ? 1 / Math.sqrt(degree) : 0;
            trivial[i] = Math.sqrt(degree);
        }
        double[][] trivialBasis = {trivial};
        DenseAlgebra.orthonormalize(trivialBasis);

        double[][] block = new double[BLOCK][n];
        for (double[] v : block) {
            for (int i = 0; i < n; i++) {
                v[i] = random.nextDouble() - 0.5;
            }
        }
        double[] previousRitz = new double[BLOCK];
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            ctx.throwIfCancelled("umap");
            block = multiply(graph, invSqrtDegree, block, workers);
            deflate(block, trivialBasis[0]);
            DenseAlgebra.orthonormalize(block);
            if (iteration % CHECK_EVERY == 0) {
                double[] ritz = rayleighRitz(graph, invSqrtDegree, block, workers)[0];
                double change = 0;
                for (int j = 0; j < 2; j++) {
                    change = Math.max(change, Math.abs(ritz[j] - previousRitz[j]));
                }
                previousRitz = ritz;
                if (change < 1e-7) {
                    break;
                }
            }
        }
        double[][] ritz = rayleighRitz(graph, invSqrtDegree, block, workers);
        double[][] coordinates = new double[2][n];
        for (int c = 0; c < 2; c++) {
            double[] weights = ritz[1 + c];
            for (int j = 0; j < BLOCK; j++) {
                DenseAlgebra.axpy(weights[j], block[j], coordinates[c]);
            }
        }
        return coordinates;
    }

    /** The block times (I + D^-1/2 W D^-1/2) / 2, one output row range per task. */
    private static double[][] multiply(FuzzyGraph graph, double[] invSqrtDegree, double[][] block, Workers workers) {
        int n = graph.size();
        double[][] result = new double[block.length][n];
        int[] rowStart = graph.rowStart();
        int[] columns = graph.columns();
        float[] weights = graph.weights();
        workers.forRange(n, ROW_CHUNK, (from, to, worker) -> {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < block.length; j++) {
                    double[] v = block[j];
                    double sum = 0;
                    for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                        sum += weights[e] * invSqrtDegree[columns[e]] * v[columns[e]];
                    }
                    result[j][i] = 0.5 * (v[i] + invSqrtDegree[i] * sum);
                }
            }
        });
        return result;
    }

    private static void deflate(double[][] block, double[] trivial) {
        for (double[] v : block) {
            DenseAlgebra.axpy(-DenseAlgebra.dot(trivial, v), trivial, v);
        }
    }

    /** Eigen-decomposition of the operator restricted to the block: {@code [values, weights of vector 0, ...]}. */
    private static double[][] rayleighRitz(FuzzyGraph graph, double[] invSqrtDegree, double[][] block,
                                           Workers workers) {
        double[][] image = multiply(graph, invSqrtDegree, block, workers);
        double[][] projected = new double[BLOCK][BLOCK];
        for (int a = 0; a < BLOCK; a++) {
            for (int b = a; b < BLOCK; b++) {
                projected[a][b] = projected[b][a] = DenseAlgebra.dot(block[a], image[b]);
            }
        }
        return DenseAlgebra.symmetricEigen(projected);
    }
}
