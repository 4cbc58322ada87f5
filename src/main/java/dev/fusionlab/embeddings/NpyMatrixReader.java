package dev.fusionlab.embeddings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 2D NumPy {@code .npy} matrix of float16, float32 or float64, little- or big-endian, C or Fortran
 * order, versions 1 to 3 of the format.
 *
 * <p>The file is memory-mapped, never read into a byte array: the only copy in the Java heap is the
 * float matrix itself (1M x 384 float32: 1.5 GB of rows, not 3 GB), and the page cache serves a second
 * open of the same file at memory speed. The sha256 of the file is computed from the same mapping.
 */
public final class NpyMatrixReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** Mapped at most this many bytes at a time (a mapping must stay under 2 GiB). */
    private static final long CHUNK_BYTES = 1L << 28;

    private NpyMatrixReader() {
    }

    /**
     * @throws EmbeddingFileException naming the file and what is wrong (magic, dtype, shape, truncation)
     */
    public static EmbeddingMatrix read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, 65_536 + 12))
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (byte b : MAGIC) {
                if (!head.hasRemaining() || head.get() != b) {
                    throw new EmbeddingFileException(file, "not a .npy file (no \\x93NUMPY magic)");
                }
            }
            if (head.remaining() < 4) {
                throw new EmbeddingFileException(file, "truncated .npy header");
            }
            int major = head.get();
            head.get();
            long headerLength = major == 1 ? Short.toUnsignedInt(head.getShort()) : Integer.toUnsignedLong(head.getInt());
            if (headerLength > head.remaining()) {
                throw new EmbeddingFileException(file, "truncated .npy header");
            }
            byte[] headerBytes = new byte[(int) headerLength];
            head.get(headerBytes);
            long dataStart = head.position();
            Header header = parseHeader(file, new String(headerBytes, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            long needed = header.rows * header.cols * header.itemSize;
            if (size - dataStart < needed) {
                throw new EmbeddingFileException(file, "truncated data: the header says " + header.rows + " x " + header.cols
                        + " " + header.dtype() + " (" + needed + " bytes) but " + (size - dataStart) + " bytes follow");
            }
            if (header.rows > Integer.MAX_VALUE - 8 || header.cols > Integer.MAX_VALUE - 8) {
                throw new EmbeddingFileException(file, "shape " + header.rows + " x " + header.cols + " is too large");
            }
            MessageDigest digest = sha256();
            digestRange(channel, 0, size, digest);
            float[][] rows = header.fortran ? readFortran(channel, dataStart, header) : readC(channel, dataStart, header);
            return new EmbeddingMatrix(file, rows, null, header.dtype(), HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new EmbeddingFileException(file, "cannot read: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new EmbeddingFileException(file, "does not fit in memory (raise -Xmx in FUSIONLAB_JAVA_OPTS)", e);
        }
    }

    private record Header(ByteOrder order, char kind, int itemSize, boolean fortran, long rows, long cols) {
        String dtype() {
            return "float" + itemSize * 8;
        }
    }

    private static Header parseHeader(Path file, String text) {
        Matcher descr = DESCR.matcher(text);
        Matcher shape = SHAPE.matcher(text);
        if (!descr.find() || !shape.find()) {
            throw new EmbeddingFileException(file, "cannot read dtype and shape from the .npy header " + text.strip());
        }
        String kind = descr.group(2);
        int itemSize = Integer.parseInt(descr.group(3));
        if (!kind.equals("f") || !(itemSize == 2 || itemSize == 4 || itemSize == 8)) {
            throw new EmbeddingFileException(file, "dtype " + descr.group(1) + kind + itemSize
                    + " is not supported: embeddings must be float16, float32 or float64 (numpy: a.astype('float32'))");
        }
        ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Matcher fortran = FORTRAN.matcher(text);
        boolean isFortran = fortran.find() && fortran.group(1).equals("True");
        String[] dims = shape.group(1).split(",");
        long[] parsed = java.util.Arrays.stream(dims).map(String::strip).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        if (parsed.length != 2) {
            throw new EmbeddingFileException(file, "shape (" + shape.group(1).strip() + ") is not 2-D: expected "
                    + "[rows, dimensions], one row per item");
        }
        return new Header(order, 'f', itemSize, isFortran, parsed[0], parsed[1]);
    }

    private static float[][] readC(FileChannel channel, long dataStart, Header h) throws IOException {
        int n = (int) h.rows;
        int d = (int) h.cols;
        float[][] rows = new float[n][d];
        long rowBytes = (long) d * h.itemSize;
        int rowsPerChunk = (int) Math.max(1, CHUNK_BYTES / Math.max(1, rowBytes));
        for (int start = 0; start < n; start += rowsPerChunk) {
            int count = Math.min(rowsPerChunk, n - start);
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + start * rowBytes, count * rowBytes);
            map.order(h.order);
            for (int r = 0; r < count; r++) {
                int at = (int) (r * rowBytes);
                float[] row = rows[start + r];
                switch (h.itemSize) {
                    case 4 -> map.slice(at, (int) rowBytes).order(h.order).asFloatBuffer().get(row);
                    case 8 -> {
                        for (int j = 0; j < d; j++) {
                            row[j] = (float) map.getDouble(at + j * 8);
                        }
                    }
                    default -> {
                        for (int j = 0; j < d; j++) {
                            row[j] = Float.float16ToFloat(map.getShort(at + j * 2));
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** Column-major: column j holds element (i, j) at {@code (j * n + i) * size}; read a column at a time. */
    private static float[][] readFortran(FileChannel channel, long dataStart, Header h) throws IOException {
        int n = (int) h.rows;
        int d = (int) h.cols;
        float[][] rows = new float[n][d];
        long columnBytes = (long) n * h.itemSize;
        for (int j = 0; j < d; j++) {
            long offset = dataStart + j * columnBytes;
            for (long done = 0; done < columnBytes; ) {
                long length = Math.min(columnBytes - done, CHUNK_BYTES / h.itemSize * h.itemSize);
                MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, offset + done, length);
                map.order(h.order);
                int first = (int) (done / h.itemSize);
                int count = (int) (length / h.itemSize);
                for (int i = 0; i < count; i++) {
                    rows[first + i][j] = switch (h.itemSize) {
                        case 4 -> map.getFloat(i * 4);
                        case 8 -> (float) map.getDouble(i * 8);
                        default -> Float.float16ToFloat(map.getShort(i * 2));
                    };
                }
                done += length;
            }
        }
        return rows;
    }

    private static void digestRange(FileChannel channel, long from, long to, MessageDigest digest) throws IOException {
        for (long at = from; at < to; at += CHUNK_BYTES) {
            digest.update(channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(CHUNK_BYTES, to - at)));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
