package dev.fusionlab.project.pca;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import smile.tensor.DenseMatrix;
import smile.tensor.ScalarType;

/**
 * The centred data copied once into a single-precision column-major matrix whose products run in
 * OpenBLAS (sgemm, through Smile). Costs a copy of the data (4 bytes per value) and buys multithreaded,
 * vectorised products: for 20,000 x 1,280 it used well under half the CPU time of {@link JavaCenteredMatrix}.
 * Centring during the copy avoids the cancellation an implicitly centred single-precision product would suffer.
 */
final class BlasCenteredMatrix implements CenteredMatrix {

    private final DenseMatrix centred;

    /** @throws LinkageError when the OpenBLAS native library cannot be loaded */
    BlasCenteredMatrix(float[][] data, double[] mean) {
        int n = data.length;
        int d = mean.length;
        centred = DenseMatrix.zeros(ScalarType.Float32, n, d);
        MemorySegment values = centred.memory();
        long ld = centred.ld();
        int block = 64; // rows per tile: the tile's rows stay in cache while its columns are written
        for (int i0 = 0; i0 < n; i0 += block) {
            int i1 = Math.min(n, i0 + block);
            for (int c = 0; c < d; c++) {
                float m = (float) mean[c];
                long base = c * ld;
                for (int i = i0; i < i1; i++) {
                    values.setAtIndex(ValueLayout.JAVA_FLOAT, base + i, data[i][c] - m);
                }
            }
        }
    }

    @Override
    public double[][] times(double[][] z) {
        return toColumns(centred.mm(fromColumns(z)));
    }

    @Override
    public double[][] transposeTimes(double[][] y) {
        return toColumns(centred.tm(fromColumns(y)));
    }

    private static DenseMatrix fromColumns(double[][] columns) {
        int rows = columns[0].length;
        DenseMatrix m = DenseMatrix.zeros(ScalarType.Float32, rows, columns.length);
        MemorySegment values = m.memory();
        long ld = m.ld();
        for (int j = 0; j < columns.length; j++) {
            for (int i = 0; i < rows; i++) {
                values.setAtIndex(ValueLayout.JAVA_FLOAT, j * ld + i, (float) columns[j][i]);
            }
        }
        return m;
    }

    private static double[][] toColumns(DenseMatrix m) {
        double[][] columns = new double[m.ncol()][];
        for (int j = 0; j < m.ncol(); j++) {
            columns[j] = m.column(j).toArray(new double[m.nrow()]);
        }
        return columns;
    }
}
