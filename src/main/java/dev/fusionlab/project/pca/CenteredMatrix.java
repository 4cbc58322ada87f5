package dev.fusionlab.project.pca;

/**
 * The data matrix minus its column means, seen only through the two products the randomized SVD needs.
 * Thin matrices are passed as arrays of vectors: {@code z[j]} is the j-th column of a d x w matrix, and
 * {@code y[j]} the j-th column of an n x w matrix.
 */
interface CenteredMatrix extends AutoCloseable {

    /** (X - mean) Z for Z given as w columns of length d; the result as w columns of length n. */
    double[][] times(double[][] z);

    /** (X - mean)^T Y for Y given as w columns of length n; the result as w columns of length d. */
    double[][] transposeTimes(double[][] y);

    /** Gives back what the products held (nothing, unless overridden). */
    @Override
    default void close() {
    }
}
