package dev.fusionlab.data;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks that an image file is usable without decoding its pixels: the ImageIO reader parses only the
 * header (format and dimensions), and a cheap look at the file's structure catches truncation (a PNG
 * whose chunks run past the end of the file or lack IEND, a JPEG without its end-of-image marker, a GIF
 * without its trailer, a BMP shorter than its declared size). This keeps checking 2,000 images well
 * under a second, while still catching the broken downloads that would otherwise fail mid-encoding.
 *
 * <p>Before any byte is read, a path that is not a regular file (a named pipe, which would block; a device,
 * which never ends; a folder) is refused from its metadata. A header declaring more than
 * {@link #MAX_PIXELS} pixels is refused as a decompression bomb, in every format. A file no image reader
 * recognises is named for what its first bytes say it is (an HTML page or SVG drawing saved under an
 * image name, a PDF, an HEIC photo...).
 *
 * <p>Thread-safe: every call uses its own reader and file handle.
 */
public final class ImageProbe {

    /** Larger sides are refused: a 20,000 px image is almost certainly an error and would exhaust memory. */
    public static final int MAX_SIDE = 20_000;

    /**
     * More pixels than this are refused as a decompression bomb (a small file whose header declares an
     * enormous canvas): Pillow's default limit, 0.33 GB of 24-bit pixels; a 61-megapixel camera photo passes.
     */
    public static final long MAX_PIXELS = 89_478_485L;

    /** Start of the reason given for a decompression bomb. */
    static final String BOMB = "decompression bomb";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int PNG_CHUNK_OVERHEAD = 12;
    private static final int JPEG_TAIL_SEARCH = 1024;

    private ImageProbe() {
    }

    /** Size of a readable image. */
    public record Dimensions(int width, int height) {
    }

    /**
     * @return the image's dimensions
     * @throws InvalidSampleException with a reason a user can act on when the file is unusable
     */
    static Dimensions check(Path file) throws InvalidSampleException {
        if (!Files.exists(file)) {
            throw new InvalidSampleException(file, Files.isSymbolicLink(file)
                    ? "image path is a symbolic link to nothing" : "image file is missing");
        }
        String special = SpecialFiles.kind(file);
        if (special != null) {
            throw new InvalidSampleException(file, "image path is " + special + ", not a regular file: never opened");
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() == 0) {
                throw new InvalidSampleException(file, "image file is zero bytes");
            }
            return check(file, raf);
        } catch (IOException e) {
            throw new InvalidSampleException(file, "image file cannot be read: " + e.getMessage());
        }
    }

    /**
     * The dimensions of a usable image.
     *
     * @throws IOException whose message is the reason the image is unusable
     */
    public static Dimensions dimensions(Path file) throws IOException {
        try {
            return check(file);
        } catch (InvalidSampleException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The reason an image is unusable, or empty when it is fine. */
    public static Optional<String> problem(Path file) {
        try {
            check(file);
            return Optional.empty();
        } catch (InvalidSampleException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Dimensions check(Path file, RandomAccessFile raf) throws IOException, InvalidSampleException {
        String format;
        Dimensions size;
        String bmpBomb = bmpBomb(raf);
        if (bmpBomb != null) {
            throw new InvalidSampleException(file, bmpBomb);
        }
        ImageInputStream input = new FileImageInputStream(raf);
        Iterator<ImageReader> readers = readersFor(input);
        if (!readers.hasNext()) {
            String kind = sniffNonImage(head(raf));
            throw new InvalidSampleException(file, kind != null ? kind
                    : "not a recognised image format (PNG, JPEG, GIF, BMP, WebP or TIFF expected)");
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(input, true, true);
            format = reader.getFormatName().toLowerCase(Locale.ROOT);
            size = new Dimensions(reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            throw new InvalidSampleException(file, "corrupt or truncated image header: " + describe(e));
        } finally {
            reader.dispose();
        }
        if (size.width() < 1 || size.height() < 1 || size.width() > MAX_SIDE || size.height() > MAX_SIDE) {
            throw new InvalidSampleException(file, "absurd image dimensions " + size.width() + "x" + size.height()
                    + " (each side must be 1.." + MAX_SIDE + " px)");
        }
        String bomb = bombReason(size.width(), size.height());
        if (bomb != null) {
            throw new InvalidSampleException(file, bomb);
        }
        String truncation = truncation(format, raf);
        if (truncation != null) {
            throw new InvalidSampleException(file, "image is truncated or corrupt: " + truncation);
        }
        return size;
    }

    /** Why an image of this size must not be decoded, or null when it may. */
    static String bombReason(long width, long height) {
        long pixels = width * height;
        return pixels <= MAX_PIXELS ? null : String.format(java.util.Locale.ROOT,
                BOMB + ": the header declares %dx%d = %,d pixels, more than the %,d allowed; not decoded",
                width, height, pixels, MAX_PIXELS);
    }

    /**
     * The JDK's BMP reader refuses some huge headers with a message about "BI_RGB image data", which says
     * nothing to a user: a BMP header is read here first, so a bomb is named as one.
     */
    private static String bmpBomb(RandomAccessFile raf) throws IOException {
        if (raf.length() < 26) {
            return null;
        }
        raf.seek(0);
        if (raf.read() != 'B' || raf.read() != 'M') {
            return null;
        }
        raf.seek(14);
        long headerSize = Integer.toUnsignedLong(Integer.reverseBytes(raf.readInt()));
        if (headerSize < 40) {
            return null; // OS/2 BITMAPCOREHEADER: 16-bit sides, at most 65535 x 65535, checked by the reader's sizes
        }
        long width = Math.abs((long) Integer.reverseBytes(raf.readInt()));
        long height = Math.abs((long) Integer.reverseBytes(raf.readInt()));
        return bombReason(width, height);
    }

    private static final int SNIFF_BYTES = 512;

    private static byte[] head(RandomAccessFile raf) throws IOException {
        byte[] head = new byte[(int) Math.min(SNIFF_BYTES, raf.length())];
        raf.seek(0);
        raf.readFully(head);
        return head;
    }

    /**
     * What a file no image reader recognised really is, when its first bytes say so: a web page or SVG
     * drawing saved under an image name (a failed download, a "Save as" from a browser), a PDF, an HEIC or
     * AVIF photo, an archive, plain text. Null when the bytes say nothing recognisable.
     */
    static String sniffNonImage(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF_BYTES);
        String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        String text = head.stripLeading().replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "").stripLeading()
                .toLowerCase(Locale.ROOT);
        if (text.startsWith("<svg") || (text.startsWith("<?xml") || text.startsWith("<!--")) && text.contains("<svg")
                || text.startsWith("<!doctype svg")) {
            return "file is an SVG drawing (XML), not a raster image: convert it to PNG first";
        }
        if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<head")
                || text.startsWith("<body") || text.startsWith("<!--") && text.contains("<html")) {
            return "file is an HTML page saved with an image name (a failed download?), not an image";
        }
        if (text.startsWith("<?xml")) {
            return "file is an XML document, not an image";
        }
        if (head.startsWith("%PDF")) {
            return "file is a PDF document, not an image";
        }
        if (n >= 12 && head.startsWith("ftyp", 4)) {
            String brand = head.substring(8, 12);
            if (brand.startsWith("avi")) {
                return "file is an AVIF image, which FusionLab cannot decode: convert it to PNG or JPEG";
            }
            if (brand.startsWith("hei") || brand.startsWith("mif") || brand.startsWith("hev") || brand.startsWith("msf")) {
                return "file is an HEIC/HEIF photo, which FusionLab cannot decode: convert it to JPEG";
            }
            return "file is an MP4/QuickTime container (video?), not an image";
        }
        if (head.startsWith("PK\u0003\u0004") || head.startsWith("\u001F\u008B") || head.startsWith("7z\u00BC\u00AF")) {
            return "file is a compressed archive, not an image";
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return "file is JSON or other text, not an image";
        }
        boolean printable = n > 0;
        for (int i = 0; i < n && printable; i++) {
            int c = bytes[i] & 0xFF;
            printable = c >= 0x20 || c == '\n' || c == '\r' || c == '\t';
        }
        return printable ? "file is text, not an image" : null;
    }

    /**
     * Readers for the format the magic bytes announce; asking ImageIO to try every installed reader on
     * every file costs several reads per reader. Unknown magic falls back to asking all of them.
     */
    private static Iterator<ImageReader> readersFor(ImageInputStream input) throws IOException {
        byte[] head = new byte[PNG_SIGNATURE.length];
        int read = input.read(head);
        input.seek(0);
        if (read == head.length && Arrays.equals(head, PNG_SIGNATURE)) {
            return ImageIO.getImageReadersByFormatName("png");
        }
        if (read >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return ImageIO.getImageReadersByFormatName("jpeg");
        }
        return ImageIO.getImageReaders(input);
    }

    /** A description of the structural damage, or null when the file is complete. */
    private static String truncation(String format, RandomAccessFile raf) throws IOException {
        return switch (format) {
            case "png" -> pngTruncation(raf);
            case "jpeg", "jpg" -> hasJpegEnd(raf) ? null : "JPEG has no end-of-image marker";
            case "gif" -> lastByte(raf) == 0x3B ? null : "GIF has no trailer byte";
            case "bmp" -> bmpTruncation(raf);
            case "webp" -> riffTruncation(raf);
            default -> null;
        };
    }

    /** Walks the chunk headers (length + type) up to IEND; reads a dozen bytes per chunk, never pixel data. */
    private static String pngTruncation(RandomAccessFile raf) throws IOException {
        long length = raf.length();
        long position = PNG_SIGNATURE.length;
        byte[] type = new byte[4];
        while (position + PNG_CHUNK_OVERHEAD <= length) {
            raf.seek(position);
            long dataLength = Integer.toUnsignedLong(raf.readInt());
            raf.readFully(type);
            long next = position + PNG_CHUNK_OVERHEAD + dataLength;
            if (next > length) {
                return "PNG chunk " + new String(type, StandardCharsets.US_ASCII)
                        + " runs past the end of the file";
            }
            if (type[0] == 'I' && type[1] == 'E' && type[2] == 'N' && type[3] == 'D') {
                return null;
            }
            position = next;
        }
        return "PNG ends before its IEND chunk";
    }

    private static boolean hasJpegEnd(RandomAccessFile raf) throws IOException {
        int tail = (int) Math.min(JPEG_TAIL_SEARCH, raf.length());
        byte[] bytes = new byte[tail];
        raf.seek(raf.length() - tail);
        raf.readFully(bytes);
        for (int i = tail - 2; i >= 0; i--) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    private static String bmpTruncation(RandomAccessFile raf) throws IOException {
        raf.seek(2);
        long declared = Integer.toUnsignedLong(Integer.reverseBytes(raf.readInt()));
        return declared > raf.length() ? "BMP declares " + declared + " bytes but the file has " + raf.length() : null;
    }

    private static int lastByte(RandomAccessFile raf) throws IOException {
        raf.seek(raf.length() - 1);
        return raf.read();
    }

    /** A RIFF file (WebP) states its own length in bytes 4-7: shorter than that means cut off. */
    private static String riffTruncation(RandomAccessFile raf) throws IOException {
        raf.seek(4);
        long declared = 8 + Integer.toUnsignedLong(Integer.reverseBytes(raf.readInt()));
        return declared > raf.length() ? "WebP declares " + declared + " bytes but the file has " + raf.length() : null;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
