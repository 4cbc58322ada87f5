package dev.fusionlab.io.npy;

import dev.fusionlab.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes matrices in NumPy's {@code .npy} format: the one codec behind exported embeddings,
 * embeddings opened from elsewhere, and the matrices inside a workspace.
 *
 * <p>Writing: little-endian, C order, header version 1.0 padded to 64 bytes, as {@code numpy.save} writes
 * it; {@code <f4} for float matrices, {@code <f8} for double ones, every value stored bit for bit. Reading:
 * float16, float32 or float64 of either byte order, C or Fortran order, format versions 1 to 3. A file is
 * memory-mapped 256 MiB at a time, so a 1M x 384 float32 matrix costs its 1.5 GB of
 * rows on the heap and no byte-array copy. Trailing bytes after the data the header describes are ignored,
 * as {@code numpy.load} ignores them.
 */
public final class Npy {

    /** Mapped at most this many bytes at a time (one mapping must stay under 2 GiB). */
    static final int WINDOW_BYTES = 1 << 28;

    private Npy() {
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes {@code rows} (all of one length) as float32 {@code [rows, cols]}, atomically (see
     * {@link AtomicFiles}); creates the folder when missing.
     *
     * @throws IllegalArgumentException on a ragged matrix, before the file is touched
     */
    public static void write(Path file, float[][] rows) throws IOException {
        int cols = columns(rows.length == 0 ? 0 : rows[0].length, rows.length, i -> rows[i].length);
        byte[] header = NpyHeader.format("f4", rows.length, cols);
        AtomicFiles.write(file, out -> {
            out.write(header);
            ByteBuffer row = ByteBuffer.allocate(cols * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] values : rows) {
                row.clear();
                row.asFloatBuffer().put(values);
                out.write(row.array(), 0, row.capacity());
            }
        });
    }

    /** The bytes of a {@code .npy} file holding {@code rows} as float32 ({@code <f4}), as {@link #write} writes them. */
    public static byte[] encode(float[][] rows) {
        int cols = columns(rows.length == 0 ? 0 : rows[0].length, rows.length, i -> rows[i].length);
        ByteBuffer out = allocate(NpyHeader.format("f4", rows.length, cols), (long) rows.length * cols * Float.BYTES);
        for (float[] row : rows) {
            out.asFloatBuffer().put(row);
            out.position(out.position() + row.length * Float.BYTES);
        }
        return out.array();
    }

    /** The bytes of a {@code .npy} file holding {@code rows} as float64 ({@code <f8}): every double kept bit for bit. */
    public static byte[] encode(double[][] rows) {
        int cols = columns(rows.length == 0 ? 0 : rows[0].length, rows.length, i -> rows[i].length);
        ByteBuffer out = allocate(NpyHeader.format("f8", rows.length, cols), (long) rows.length * cols * Double.BYTES);
        for (double[] row : rows) {
            out.asDoubleBuffer().put(row);
            out.position(out.position() + row.length * Double.BYTES);
        }
        return out.array();
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a 2-D array as float rows, with the dtype it was stored in.
     *
     * @throws NpyFormatException naming the file and what is wrong (magic, dtype, shape, truncation)
     * @throws IOException        when the file cannot be read at all
     */
    public static NpyMatrix readMatrix(Path file) throws IOException {
        return readMatrix(file, WINDOW_BYTES);
    }

    /** As {@link #readMatrix(Path)}, mapping at most {@code windowBytes} at a time (tests cross windows with it). */
    static NpyMatrix readMatrix(Path file, int windowBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Source source = new MappedSource(channel);
            NpyHeader header = header(source, file.toString(), false);
            return new NpyMatrix(decode(source, header, new FloatRows(header), windowBytes).rows, header.dtype());
        }
    }

    /**
     * Reads a 1-D or 2-D array as float rows; {@code [n]} comes back as n rows of one value.
     *
     * @throws NpyFormatException naming the file and what is wrong
     */
    public static float[][] read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Source source = new MappedSource(channel);
            NpyHeader header = header(source, file.toString(), true);
            return decode(source, header, new FloatRows(header), WINDOW_BYTES).rows;
        }
    }

    /**
     * A 2-D array held in memory (a workspace entry) as float rows.
     *
     * @param name the entry's name, for messages
     * @throws NpyFormatException naming the entry and what is wrong
     */
    public static float[][] decodeFloats(byte[] bytes, String name) throws IOException {
        Source source = new ArraySource(bytes);
        NpyHeader header = header(source, name, false);
        return decode(source, header, new FloatRows(header), WINDOW_BYTES).rows;
    }

    /** As {@link #decodeFloats}, as doubles: a float64 entry comes back bit for bit. */
    public static double[][] decodeDoubles(byte[] bytes, String name) throws IOException {
        Source source = new ArraySource(bytes);
        NpyHeader header = header(source, name, false);
        return decode(source, header, new DoubleRows(header), WINDOW_BYTES).rows;
    }

    // ---------------------------------------------------------------- decoding

    /** The bytes of one file or entry, handed out a window at a time. */
    private interface Source {
        long size();

        ByteBuffer window(long offset, int length) throws IOException;
    }

    private record MappedSource(FileChannel channel, long size) implements Source {
        MappedSource(FileChannel channel) throws IOException {
            this(channel, channel.size());
        }

        @Override
        public ByteBuffer window(long offset, int length) throws IOException {
            return channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
        }
    }

    private record ArraySource(byte[] bytes) implements Source {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public ByteBuffer window(long offset, int length) {
            return ByteBuffer.wrap(bytes, (int) offset, length).slice();
        }
    }

    /** The header, checked against the size of the data and the shape the caller accepts. */
    private static NpyHeader header(Source source, String name, boolean vectorAllowed) throws IOException {
        long size = source.size();
        NpyHeader h = NpyHeader.parse(source.window(0, (int) Math.min(size, NpyHeader.MAX_PREFIX)), name);
        if (h.shape().length != 2 && !(vectorAllowed && h.shape().length == 1)) {
            throw new NpyFormatException(name, "shape " + h.shapeText() + " is not 2-D: expected [rows, dimensions], "
                    + "one row per item");
        }
        if (h.rows() > Integer.MAX_VALUE - 8 || h.cols() > Integer.MAX_VALUE - 8
                || h.cols() * h.itemSize() > WINDOW_BYTES) {
            throw new NpyFormatException(name, "shape " + h.shapeText() + " is too large");
        }
        long follow = size - h.dataOffset();
        if (follow < h.dataBytes()) {
            throw new NpyFormatException(name, "truncated data: the header says " + h.rows() + " x " + h.cols() + " "
                    + h.dtype() + " (" + h.dataBytes() + " bytes) but " + follow + " bytes follow");
        }
        return h;
    }

    /**
     * Where decoded values go: whole rows (C order) or one value at a time (Fortran order). One for float
     * rows, one for double rows: alike in shape, but Java has no array type over both primitives, and the
     * bulk copy of the stored type is what keeps a 1.5 GB read fast.
     */
    private interface Rows {
        /** Row {@code i} from {@code values}, positioned at its first value and in the file's byte order. */
        void row(int i, ByteBuffer values);

        void set(int i, int j, double value);
    }

    private static final class FloatRows implements Rows {
        final float[][] rows;
        private final int itemSize;

        FloatRows(NpyHeader h) {
            rows = new float[(int) h.rows()][(int) h.cols()];
            itemSize = h.itemSize();
        }

        @Override
        public void row(int i, ByteBuffer values) {
            float[] row = rows[i];
            if (itemSize == 4) {
                values.asFloatBuffer().get(row);
            } else {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) value(values, values.position() + j * itemSize, itemSize);
                }
            }
        }

        @Override
        public void set(int i, int j, double value) {
            rows[i][j] = (float) value;
        }
    }

    private static final class DoubleRows implements Rows {
        final double[][] rows;
        private final int itemSize;

        DoubleRows(NpyHeader h) {
            rows = new double[(int) h.rows()][(int) h.cols()];
            itemSize = h.itemSize();
        }

        @Override
        public void row(int i, ByteBuffer values) {
            double[] row = rows[i];
            if (itemSize == 8) {
                values.asDoubleBuffer().get(row);
            } else {
                for (int j = 0; j < row.length; j++) {
                    row[j] = value(values, values.position() + j * itemSize, itemSize);
                }
            }
        }

        @Override
        public void set(int i, int j, double value) {
            rows[i][j] = value;
        }
    }

    private static double value(ByteBuffer b, int at, int itemSize) {
        return switch (itemSize) {
            case 4 -> b.getFloat(at);
            case 8 -> b.getDouble(at);
            default -> Float.float16ToFloat(b.getShort(at));
        };
    }

    private static <R extends Rows> R decode(Source source, NpyHeader h, R out, int windowBytes) throws IOException {
        int n = (int) h.rows();
        int d = (int) h.cols();
        int size = h.itemSize();
        if (n == 0 || d == 0) {
            return out;
        }
        if (!h.fortran()) {
            int rowBytes = d * size;
            int rowsPerWindow = Math.max(1, windowBytes / rowBytes);
            for (int first = 0; first < n; first += rowsPerWindow) {
                int count = Math.min(rowsPerWindow, n - first);
                ByteBuffer window = source.window(h.dataOffset() + (long) first * rowBytes, count * rowBytes).order(h.order());
                for (int r = 0; r < count; r++) {
                    out.row(first + r, window.position(r * rowBytes));
                }
            }
        } else { // column-major: element (i, j) at (j * n + i) * size; a column at a time
            long columnBytes = (long) n * size;
            int perWindow = Math.max(1, windowBytes / size);
            for (int j = 0; j < d; j++) {
                for (int first = 0; first < n; first += perWindow) {
                    int count = Math.min(perWindow, n - first);
                    ByteBuffer window = source.window(h.dataOffset() + j * columnBytes + (long) first * size, count * size)
                            .order(h.order());
                    for (int i = 0; i < count; i++) {
                        out.set(first + i, j, value(window, i * size, size));
                    }
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** The common row length, checked on every row before anything is written. */
    private static int columns(int cols, int rows, java.util.function.IntUnaryOperator lengthOf) {
        for (int i = 0; i < rows; i++) {
            if (lengthOf.applyAsInt(i) != cols) {
                throw new IllegalArgumentException("ragged matrix: row " + i + " has " + lengthOf.applyAsInt(i)
                        + " values, row 0 has " + cols);
            }
        }
        return cols;
    }

    private static ByteBuffer allocate(byte[] header, long dataBytes) {
        long size = header.length + dataBytes;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a matrix of " + dataBytes + " bytes is too large to encode in memory");
        }
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN).put(header);
    }
}
