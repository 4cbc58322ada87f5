package dev.fusionlab.io.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a {@code .npy} file: magic, version, and the Python dict literal that gives dtype, order
 * and shape ({@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }}).
 *
 * @param order      byte order of the values
 * @param itemSize   bytes per value: 2, 4 or 8 (only floating point is accepted)
 * @param fortran    column-major data
 * @param shape      the array's dimensions
 * @param dataOffset where the values start, from the start of the file
 */
record NpyHeader(ByteOrder order, int itemSize, boolean fortran, long[] shape, long dataOffset) {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Enough of a file to hold any header NumPy writes (its limit for version 1.0 is 65535 bytes). */
    static final int MAX_PREFIX = 65_536 + 12;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** {@code float32} for a 4-byte value. */
    String dtype() {
        return "float" + itemSize * 8;
    }

    long rows() {
        return shape[0];
    }

    /** 1 for a 1-D array, read as one column. */
    long cols() {
        return shape.length == 1 ? 1 : shape[1];
    }

    long dataBytes() {
        return rows() * cols() * itemSize;
    }

    /**
     * Reads the header from the start of {@code prefix} (at most {@link #MAX_PREFIX} bytes of the file).
     *
     * @param source the file or entry name, for messages
     */
    static NpyHeader parse(ByteBuffer prefix, String source) throws NpyFormatException {
        ByteBuffer head = prefix.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (byte b : MAGIC) {
            if (!head.hasRemaining() || head.get() != b) {
                throw new NpyFormatException(source, "not a .npy file (no \\x93NUMPY magic at its start)");
            }
        }
        if (head.remaining() < 4) {
            throw new NpyFormatException(source, "truncated .npy header");
        }
        int major = head.get();
        int minor = head.get();
        if (major < 1 || major > 3) {
            throw new NpyFormatException(source, ".npy format version " + major + "." + minor
                    + " is not supported (1.0 to 3.0 are)");
        }
        if (major > 1 && head.remaining() < 4) {
            throw new NpyFormatException(source, "truncated .npy header");
        }
        long length = major == 1 ? Short.toUnsignedInt(head.getShort()) : Integer.toUnsignedLong(head.getInt());
        if (length > head.remaining()) {
            throw new NpyFormatException(source, "truncated .npy header (" + length + " bytes announced, "
                    + head.remaining() + " follow)");
        }
        byte[] bytes = new byte[(int) length];
        head.get(bytes);
        String text = new String(bytes, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parseDict(text, head.position(), source);
    }

    private static NpyHeader parseDict(String text, long dataOffset, String source) throws NpyFormatException {
        Matcher descr = DESCR.matcher(text);
        Matcher shape = SHAPE.matcher(text);
        if (!descr.find() || !shape.find()) {
            throw new NpyFormatException(source, "cannot read dtype and shape from the .npy header " + text.strip());
        }
        String kind = descr.group(2);
        int itemSize = Integer.parseInt(descr.group(3));
        if (!kind.equals("f") || !(itemSize == 2 || itemSize == 4 || itemSize == 8)) {
            throw new NpyFormatException(source, "dtype " + descr.group(1) + kind + itemSize
                    + " is not supported: expected float16, float32 or float64 (numpy: a.astype('float32'))");
        }
        ByteOrder order = switch (descr.group(1)) {
            case ">" -> ByteOrder.BIG_ENDIAN;
            case "=" -> ByteOrder.nativeOrder();
            default -> ByteOrder.LITTLE_ENDIAN;
        };
        Matcher fortran = FORTRAN.matcher(text);
        boolean isFortran = fortran.find() && fortran.group(1).equals("True");
        long[] dims;
        try {
            dims = Arrays.stream(shape.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new NpyFormatException(source, "cannot read the shape (" + shape.group(1).strip() + ") of the .npy header");
        }
        return new NpyHeader(order, itemSize, isFortran, dims, dataOffset);
    }

    /** "(3, 4)" as NumPy prints a shape. */
    String shapeText() {
        return shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + String.join(", ", Arrays.stream(shape).mapToObj(Long::toString).toList()) + ")";
    }

    /**
     * The header NumPy writes for a little-endian C-order {@code rows x cols} matrix of {@code descr}
     * ({@code f4}, {@code f8}): version 1.0, the dict padded with spaces and a newline so the data starts
     * on a 64-byte boundary.
     */
    static byte[] format(String descr, int rows, int cols) {
        String dict = "{'descr': '<" + descr + "', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        String text = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        out.put(text.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }
}
