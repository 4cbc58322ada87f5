/**
 * NumPy's {@code .npy} format, read and written in one place: {@link dev.fusionlab.io.npy.Npy}.
 *
 * <p>FusionLab writes little-endian float32 (and, for layouts kept in workspaces, float64) in C order with
 * a version 1.0 header padded to 64 bytes, exactly as {@code numpy.save} does, so every file opens with
 * {@code numpy.load} as it is. It reads what NumPy writes: float16, float32 and float64, either byte order,
 * C or Fortran order, format versions 1 to 3. Large files are memory-mapped a window at a time, never read
 * into a byte array, so the only copy on the heap is the matrix itself. Every problem with a file is an
 * {@link dev.fusionlab.io.npy.NpyFormatException} naming the file and what is wrong: bad magic, an
 * unsupported dtype, a shape that is not a matrix, truncated data.
 */
package dev.fusionlab.io.npy;
