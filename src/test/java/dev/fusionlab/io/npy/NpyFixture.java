package dev.fusionlab.io.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes .npy files byte by byte as NumPy does, in any dtype and order, for the reader's tests. */
public final class NpyFixture {

    private NpyFixture() {
    }

    /**
     * @param descr   e.g. {@code <f2}, {@code >f4}, {@code <f8}, {@code <i8}
     * @param fortran column-major data
     */
    public static Path write(Path file, float[][] rows, String descr, boolean fortran) throws IOException {
        int n = rows.length, d = rows[0].length;
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': ("
                + n + ", " + d + "), }";
        return raw(file, dict, values(rows, descr, fortran));
    }

    public static Path raw(Path file, String dict, byte[] data) throws IOException {
        int unpadded = 6 + 2 + 2 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        Files.write(file, buf.array());
        return file;
    }

    private static byte[] values(float[][] rows, String descr, boolean fortran) {
        int n = rows.length, d = rows[0].length;
        int size = Integer.parseInt(descr.substring(2));
        ByteBuffer out = ByteBuffer.allocate(n * d * size)
                .order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < n * d; k++) {
            int i = fortran ? k % n : k / d;
            int j = fortran ? k / n : k % d;
            float v = rows[i][j];
            switch (descr.substring(1)) {
                case "f2" -> out.putShort(Float.floatToFloat16(v));
                case "f4" -> out.putFloat(v);
                case "f8" -> out.putDouble(v);
                case "i8" -> out.putLong((long) v);
                default -> throw new IllegalArgumentException(descr);
            }
        }
        return out.array();
    }
}
