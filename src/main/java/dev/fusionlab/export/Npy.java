package dev.fusionlab.export;

import dev.fusionlab.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes 2D matrices in NumPy's {@code .npy} format (version 1.0), so embeddings open with
 * {@code numpy.load} as they are. Writes little-endian float32, C order; reads float32 and float64.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([fi])(\\d)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(\\s*(\\d+)\\s*,?\\s*(\\d*)\\s*,?\\s*\\)");

    private Npy() {
    }

    /** Writes {@code rows} (all of one length) as float32 {@code [rows, cols]}. */
    public static void write(Path file, float[][] rows) throws IOException {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows.length + ", " + cols + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        head.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        head.put(header.getBytes(StandardCharsets.US_ASCII)).flip();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        for (int i = 0; i < rows.length; i++) { // before the file is touched
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + cols);
            }
        }
        AtomicFiles.write(file, out -> {
            out.write(head.array(), 0, head.limit());
            ByteBuffer row = ByteBuffer.allocate(cols * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] values : rows) {
                row.clear();
                row.asFloatBuffer().put(values);
                out.write(row.array(), 0, cols * Float.BYTES);
            }
        });
    }

    /**
     * Reads a 1D or 2D float32/float64 array ({@code [n]} comes back as n rows of one value).
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static float[][] read(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        for (byte b : MAGIC) {
            if (buf.remaining() == 0 || buf.get() != b) {
                throw new IOException(file + ": not a .npy file (bad magic)");
            }
        }
        int major = buf.get();
        buf.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        if (headerLength > buf.remaining()) {
            throw new IOException(file + ": truncated .npy header");
        }
        byte[] headerBytes = new byte[headerLength];
        buf.get(headerBytes);
        String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !shape.find()) {
            throw new IOException(file + ": cannot read dtype/shape from header " + header.strip());
        }
        if (fortran.find() && fortran.group(1).equals("True")) {
            throw new IOException(file + ": Fortran-ordered arrays are not supported; save with np.ascontiguousarray");
        }
        if (descr.group(1).equals(">") || !descr.group(2).equals("f") || !(descr.group(3).equals("4") || descr.group(3).equals("8"))) {
            throw new IOException(file + ": dtype must be little-endian float32 or float64, found "
                    + descr.group(1) + descr.group(2) + descr.group(3));
        }
        boolean doubles = descr.group(3).equals("8");
        int n = Integer.parseInt(shape.group(1));
        int d = shape.group(2).isEmpty() ? 1 : Integer.parseInt(shape.group(2));
        long needed = (long) n * d * (doubles ? 8 : 4);
        if (buf.remaining() < needed) {
            throw new IOException(file + ": truncated data, header says " + n + " x " + d + " but only "
                    + buf.remaining() + " bytes follow");
        }
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = doubles ? (float) buf.getDouble() : buf.getFloat();
            }
        }
        return rows;
    }
}
