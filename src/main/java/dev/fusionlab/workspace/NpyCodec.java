package dev.fusionlab.workspace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 2-D matrices as NumPy {@code .npy} bytes (format 1.0, little-endian, C order): {@code <f4} for float
 * matrices and {@code <f8} for layouts, so every value comes back bit for bit. Reads only what it writes,
 * and says so clearly for anything else.
 */
final class NpyCodec {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '<(f4|f8)', 'fortran_order': False, 'shape': \\((\\d+), (\\d+)\\), }\\s*");

    private NpyCodec() {
    }

    static byte[] floats(float[][] rows) {
        int cols = columns(rows.length == 0 ? null : rows[0]);
        ByteBuffer data = body(header("f4", rows.length, cols), (long) rows.length * cols * 4);
        for (float[] row : rows) {
            check(row.length, cols);
            for (float v : row) {
                data.putFloat(v);
            }
        }
        return data.array();
    }

    static byte[] doubles(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer data = body(header("f8", rows.length, cols), (long) rows.length * cols * 8);
        for (double[] row : rows) {
            check(row.length, cols);
            for (double v : row) {
                data.putDouble(v);
            }
        }
        return data.array();
    }

    static float[][] readFloats(byte[] bytes, String name) {
        Shape s = shape(bytes, "f4", name);
        ByteBuffer in = ByteBuffer.wrap(bytes, s.offset, bytes.length - s.offset).order(ByteOrder.LITTLE_ENDIAN);
        float[][] out = new float[s.rows][s.cols];
        java.nio.FloatBuffer values = in.asFloatBuffer();
        for (float[] row : out) {
            values.get(row);
        }
        return out;
    }

    static double[][] readDoubles(byte[] bytes, String name) {
        Shape s = shape(bytes, "f8", name);
        ByteBuffer in = ByteBuffer.wrap(bytes, s.offset, bytes.length - s.offset).order(ByteOrder.LITTLE_ENDIAN);
        double[][] out = new double[s.rows][s.cols];
        java.nio.DoubleBuffer values = in.asDoubleBuffer();
        for (double[] row : out) {
            values.get(row);
        }
        return out;
    }

    private record Shape(int rows, int cols, int offset) {
    }

    private static Shape shape(byte[] bytes, String descr, String name) {
        if (bytes.length < 10 || !java.util.Arrays.equals(bytes, 0, 6, MAGIC, 0, 6) || bytes[6] != 1) {
            throw new IllegalArgumentException(name + " is not a .npy file of format 1.0");
        }
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        if (10 + headerLength > bytes.length) {
            throw new IllegalArgumentException(name + " is truncated (header)");
        }
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        Matcher m = HEADER.matcher(header);
        if (!m.matches() || !m.group(1).equals(descr)) {
            throw new IllegalArgumentException(name + " is not a little-endian " + descr + " matrix: " + header.strip());
        }
        long rows = Long.parseLong(m.group(2));
        long cols = Long.parseLong(m.group(3));
        long expected = 10L + headerLength + rows * cols * (descr.equals("f4") ? 4 : 8);
        if (expected != bytes.length || rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " holds " + bytes.length + " bytes, its header promises " + expected);
        }
        return new Shape((int) rows, (int) cols, 10 + headerLength);
    }

    private static String header(String descr, int rows, int cols) {
        String dict = "{'descr': '<" + descr + "', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int total = 10 + dict.length() + 1;
        int padding = (64 - total % 64) % 64;
        return dict + " ".repeat(padding) + "\n";
    }

    private static ByteBuffer body(String header, long dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        long size = 10L + h.length + dataBytes;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("matrix of " + dataBytes + " bytes is too large for one workspace entry");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
        return out;
    }

    private static int columns(float[] first) {
        return first == null ? 0 : first.length;
    }
    private static void check(int length, int cols) {
        if (length != cols) {
            throw new IllegalArgumentException("ragged matrix: a row of " + length + " values among rows of " + cols);
        }
    }

}
