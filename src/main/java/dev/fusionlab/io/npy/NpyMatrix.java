package dev.fusionlab.io.npy;

/**
 * A 2-D array as read from a {@code .npy} file.
 *
 * @param rows  n x d values, converted to float (exact for float16 and float32, rounded for float64)
 * @param dtype the element type stored in the file: {@code float16}, {@code float32} or {@code float64}
 */
public record NpyMatrix(float[][] rows, String dtype) {
}
