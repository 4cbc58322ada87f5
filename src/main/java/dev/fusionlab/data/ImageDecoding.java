package dev.fusionlab.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The one place FusionLab turns image file bytes into pixels, so what the encoders see is what the
 * loader checked. The format comes from the bytes, never the file name (a PNG saved as {@code .jpg} is
 * read as PNG). Every format and mode ImageIO and the TwelveMonkeys plugins read: PNG (8/16-bit, grey,
 * palette, alpha), JPEG (RGB, grey, CMYK and YCCK through TwelveMonkeys), GIF (first frame of an
 * animation), BMP, WebP, TIFF (first page). The EXIF orientation of JPEG, PNG ({@code eXIf}), WebP and
 * TIFF files is applied, as photo viewers do, so a portrait phone photo is not fed to the model on its side.
 *
 * <p>A header that declares more than {@link ImageProbe#MAX_PIXELS} pixels is refused before any pixel is
 * decoded (a decompression bomb); images above {@link #MAX_DECODED_PIXELS} are decoded subsampled, which
 * keeps memory bounded and loses nothing a 224 px model input could show. Thread-safe.
 */
public final class ImageDecoding {

    /**
     * Version of the pixels this class returns, part of every image encoder's input pipeline and so of
     * every embedding-cache key ({@code dev.fusionlab.encode.InputPipeline}). <b>Bump it with any change
     * that alters the decoded pixels</b> (colour or alpha handling, grey levels, orientation, subsampling,
     * the reader chosen), or caches keep serving vectors of images decoded the old way. 1: as of
     * 2026-11-29 12:03 UTC.
     */
    public static final int VERSION = 1;

    /** Larger images are decoded with every n-th pixel and row, n as small as keeps them under this. */
    public static final long MAX_DECODED_PIXELS = 16_000_000L;

    private ImageDecoding() {
    }

    /** Decodes an image file; see the class comment. */
    public static BufferedImage decode(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    /**
     * Decodes the first image of {@code bytes}, EXIF orientation applied.
     *
     * @throws IOException with a user-readable reason when the bytes are not a decodable image
     */
    public static BufferedImage decode(byte[] bytes) throws IOException {
        List<ImageReader> readers = new ArrayList<>();
        try (ImageInputStream probe = stream(bytes)) {
            ImageIO.getImageReaders(probe).forEachRemaining(readers::add);
        }
        if (readers.isEmpty()) {
            String kind = ImageProbe.sniffNonImage(bytes);
            throw new IOException(kind != null ? kind : "not a readable image (unsupported format or corrupt data)");
        }
        List<String> failures = new ArrayList<>();
        for (ImageReader reader : readers) { // the next reader of the format gets its own chance, on a fresh stream
            try (ImageInputStream input = stream(bytes)) {
                BufferedImage image = greyAsStored(read(reader, input));
                return Orientation.apply(image, Orientation.of(bytes));
            } catch (IOException | RuntimeException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(ImageProbe.BOMB)) {
                    throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
                failures.add(reader.getFormatName() + ": " + describe(e));
            } finally {
                reader.dispose();
            }
        }
        throw new IOException("corrupt image data (" + String.join("; ", failures) + ")");
    }

    private static ImageInputStream stream(byte[] bytes) {
        return new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
    }

    private static BufferedImage read(ImageReader reader, ImageInputStream input) throws IOException {
        reader.setInput(input, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        String bomb = ImageProbe.bombReason(width, height);
        if (bomb != null) {
            throw new IOException(bomb);
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(width * height);
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        if (image == null) {
            throw new IOException("reader returned no image");
        }
        return image;
    }

    /**
     * A grey image as RGB with each grey level kept as it is stored. Java labels decoded grey PNG and JPEG
     * as linear grey, so converting them to RGB would brighten every mid-tone (stored 128 became 188),
     * while the files hold display (sRGB-like) levels, as every viewer and Python's Pillow read them.
     * 16-bit levels keep their top 8 bits; a grey-alpha image keeps its alpha.
     */
    static BufferedImage greyAsStored(BufferedImage image) {
        if (image.getColorModel().getColorSpace().getType() != java.awt.color.ColorSpace.TYPE_GRAY
                || image.getColorModel() instanceof java.awt.image.IndexColorModel) {
            return image;
        }
        java.awt.image.Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean alpha = bands > 1;
        int width = image.getWidth();
        int height = image.getHeight();
        int greyMax = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        int alphaMax = alpha ? (1 << raster.getSampleModel().getSampleSize(1)) - 1 : 1;
        BufferedImage rgb = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        int[] greys = new int[width];
        int[] alphas = alpha ? new int[width] : null;
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, greys);
            if (alpha) {
                raster.getSamples(0, y, width, 1, 1, alphas);
            }
            for (int x = 0; x < width; x++) {
                int g = (int) Math.round(greys[x] * 255.0 / greyMax);
                int a = alpha ? (int) Math.round(alphas[x] * 255.0 / alphaMax) : 255;
                row[x] = a << 24 | g << 16 | g << 8 | g;
            }
            rgb.setRGB(0, y, width, 1, row, 0, width);
        }
        return rgb;
    }

    /** The smallest n such that every n-th pixel of every n-th row stays under {@link #MAX_DECODED_PIXELS}. */
    static int subsampling(long pixels) {
        int step = 1;
        while (pixels / ((long) step * step) > MAX_DECODED_PIXELS) {
            step++;
        }
        return step;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The EXIF Orientation tag (0x0112): where it is stored in each container, and how to turn the decoded
     * pixels upright. Values 1-8 as in the EXIF specification; anything unreadable counts as 1 (upright).
     */
    static final class Orientation {

        private static final int TAG = 0x0112;

        private Orientation() {
        }

        /** The orientation written in the file, 1 when none. */
        static int of(byte[] b) {
            try {
                int tiff = tiffBlock(b);
                return tiff < 0 ? 1 : fromTiff(b, tiff);
            } catch (RuntimeException e) {
                return 1; // damaged metadata: the pixels are still fine, shown as stored
            }
        }

        /** Offset of the EXIF TIFF structure ("II*\0" / "MM\0*") inside the file, or -1. */
        private static int tiffBlock(byte[] b) {
            if (b.length > 4 && isTiffHeader(b, 0)) {
                return 0;
            }
            if (b.length > 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) { // JPEG: APP1 "Exif\0\0"
                int p = 2;
                while (p + 4 <= b.length && (b[p] & 0xFF) == 0xFF) {
                    int marker = b[p + 1] & 0xFF;
                    if (marker == 0xDA || marker == 0xD9) {
                        break; // start of scan: no metadata after it
                    }
                    int length = u16be(b, p + 2);
                    if (marker == 0xE1 && p + 10 <= b.length && b[p + 4] == 'E' && b[p + 5] == 'x'
                            && b[p + 6] == 'i' && b[p + 7] == 'f' && b[p + 8] == 0 && b[p + 9] == 0) {
                        return p + 10;
                    }
                    p += 2 + length;
                }
                return -1;
            }
            if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                int p = 8;
                while (p + 8 <= b.length) {
                    long length = u32be(b, p);
                    if (b[p + 4] == 'e' && b[p + 5] == 'X' && b[p + 6] == 'I' && b[p + 7] == 'f') {
                        return p + 8;
                    }
                    if (b[p + 4] == 'I' && b[p + 5] == 'D' && b[p + 6] == 'A' && b[p + 7] == 'T') {
                        return -1; // eXIf must precede the pixels
                    }
                    p += 12 + (int) Math.min(length, Integer.MAX_VALUE - 12);
                }
                return -1;
            }
            if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                    && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
                int p = 12;
                while (p + 8 <= b.length) {
                    long length = u32le(b, p + 4);
                    if (b[p] == 'E' && b[p + 1] == 'X' && b[p + 2] == 'I' && b[p + 3] == 'F') {
                        int start = p + 8;
                        // some writers keep JPEG's "Exif\0\0" prefix inside the chunk
                        return isTiffHeader(b, start) ? start : isTiffHeader(b, start + 6) ? start + 6 : -1;
                    }
                    p += 8 + (int) Math.min(length + (length & 1), Integer.MAX_VALUE - 8);
                }
            }
            return -1;
        }

        private static boolean isTiffHeader(byte[] b, int at) {
            if (at < 0 || at + 4 > b.length) {
                return false;
            }
            return (b[at] == 'I' && b[at + 1] == 'I' && b[at + 2] == 42 && b[at + 3] == 0)
                    || (b[at] == 'M' && b[at + 1] == 'M' && b[at + 2] == 0 && b[at + 3] == 42);
        }

        /** Reads IFD0 of the TIFF structure at {@code base} and returns its orientation entry, or 1. */
        private static int fromTiff(byte[] b, int base) {
            boolean little = b[base] == 'I';
            long ifd = base + u32(b, base + 4, little);
            if (ifd + 2 > b.length) {
                return 1;
            }
            int entries = u16(b, (int) ifd, little);
            for (int i = 0; i < entries; i++) {
                int entry = (int) ifd + 2 + 12 * i;
                if (entry + 12 > b.length) {
                    return 1;
                }
                if (u16(b, entry, little) == TAG) {
                    int value = u16(b, entry + 8, little); // SHORT, stored left-justified in the value field
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        }

        /**
         * The upright image. Orientation {@code o} says where the stored rows and columns belong (EXIF
         * 2.3, tag 0x0112): output pixel (x, y) is taken from the stored pixel the mapping below names.
         */
        static BufferedImage apply(BufferedImage image, int orientation) {
            if (orientation <= 1 || orientation > 8) {
                return image;
            }
            int w = image.getWidth();
            int h = image.getHeight();
            boolean swap = orientation >= 5;
            int outW = swap ? h : w;
            int outH = swap ? w : h;
            int[] src = image.getRGB(0, 0, w, h, null, 0, w);
            int[] dst = new int[src.length];
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    int sx;
                    int sy;
                    switch (orientation) {
                        case 2 -> { sx = w - 1 - x; sy = y; }          // mirrored left-right
                        case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }  // upside down
                        case 4 -> { sx = x; sy = h - 1 - y; }          // mirrored top-bottom
                        case 5 -> { sx = y; sy = x; }                  // transposed
                        case 6 -> { sx = y; sy = h - 1 - x; }          // turn 90° clockwise to view
                        case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }  // transversed
                        default -> { sx = w - 1 - y; sy = x; }         // 8: turn 90° counter-clockwise to view
                    }
                    dst[y * outW + x] = src[sy * w + sx];
                }
            }
            BufferedImage target = new BufferedImage(outW, outH,
                    image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            target.setRGB(0, 0, outW, outH, dst, 0, outW);
            return target;
        }

        private static int u16(byte[] b, int at, boolean little) {
            return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : u16be(b, at);
        }

        private static long u32(byte[] b, int at, boolean little) {
            return little ? u32le(b, at) : u32be(b, at);
        }

        private static int u16be(byte[] b, int at) {
            return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
        }

        private static long u32be(byte[] b, int at) {
            return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
        }

        private static long u32le(byte[] b, int at) {
            return (long) (b[at + 3] & 0xFF) << 24 | (b[at + 2] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at] & 0xFF);
        }
    }
}
