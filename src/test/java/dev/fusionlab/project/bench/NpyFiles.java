package dev.fusionlab.project.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal NumPy .npy I/O for the benchmark: 2-D little-endian float32 / float64, C order only. */
final class NpyFiles {

    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)");
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<|]f[48])'");

    private NpyFiles() {
    }

    static void writeFloat32(Path file, float[][] rows) throws IOException {
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + n + ", " + d + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + 4 * n * d).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buffer.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (float[] row : rows) {
            for (float v : row) {
                buffer.putFloat(v);
            }
        }
        Files.write(file, buffer.array());
    }

    static float[][] readFloat32(Path file) throws IOException {
        double[][] values = read(file);
        float[][] rows = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new float[values[i].length];
            for (int j = 0; j < values[i].length; j++) {
                rows[i][j] = (float) values[i][j];
            }
        }
        return rows;
    }

    static double[][] read(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.get() != (byte) 0x93) {
            throw new IOException(file + ": not a .npy file");
        }
        buffer.position(6);
        int major = buffer.get();
        buffer.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort()) : buffer.getInt();
        byte[] headerBytes = new byte[headerLength];
        buffer.get(headerBytes);
        String header = new String(headerBytes, StandardCharsets.US_ASCII);
        Matcher shape = SHAPE.matcher(header);
        Matcher descr = DESCR.matcher(header);
        if (!shape.find() || !descr.find() || header.contains("'fortran_order': True")) {
            throw new IOException(file + ": only 2-D C-order float32/float64 arrays are supported, header " + header);
        }
        int n = Integer.parseInt(shape.group(1));
        int d = Integer.parseInt(shape.group(2));
        boolean doubles = descr.group(1).endsWith("8");
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = doubles ? buffer.getDouble() : buffer.getFloat();
            }
        }
        return rows;
    }
}
