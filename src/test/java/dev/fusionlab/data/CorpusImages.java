package dev.fusionlab.data;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Real image files in every format and mode the loader must read, and hand-made headers of the ones it
 * must refuse, all generated in memory at test time: written by ImageIO's own writers where one exists,
 * byte by byte where none does (CMYK/YCCK markers, EXIF blocks, decompression-bomb headers).
 */
final class CorpusImages {

    static final Color RED = new Color(220, 20, 20);
    static final Color BLUE = new Color(20, 20, 220);

    private CorpusImages() {
    }

    /** Left half red, right half blue: orientation and first-frame checks can tell where a pixel came from. */
    static BufferedImage redLeftBlueRight(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x < width / 2 ? RED : BLUE).getRGB());
            }
        }
        return image;
    }

    static BufferedImage filled(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, colour.getRGB());
            }
        }
        return image;
    }

    static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format + " and " + image);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    /** JPEG at the given quality (1 = best), optionally progressive. */
    static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 16-bit-per-channel RGB PNG (as scanners and RAW converters write), every pixel {@code colour}. */
    static byte[] png16BitRgb(int width, int height, Color colour) {
        ComponentColorModel model = new ComponentColorModel(java.awt.color.ColorSpace.getInstance(
                java.awt.color.ColorSpace.CS_sRGB), false, false, java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        int[] pixel = {colour.getRed() * 257, colour.getGreen() * 257, colour.getBlue() * 257};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, pixel);
            }
        }
        return png(new BufferedImage(model, raster, false, null));
    }

    static byte[] png16BitGrey(int width, int height, int grey8) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, grey8 * 257);
            }
        }
        return png(image);
    }

    static byte[] png8BitGrey(int width, int height, int grey) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, grey);
            }
        }
        return png(image);
    }

    /** Palette PNG; with {@code transparentIndex1} the second palette entry is fully transparent. */
    static byte[] palettePng(int width, int height, boolean transparentIndex1) {
        byte[] r = {(byte) RED.getRed(), (byte) BLUE.getRed()};
        byte[] g = {(byte) RED.getGreen(), (byte) BLUE.getGreen()};
        byte[] b = {(byte) RED.getBlue(), (byte) BLUE.getBlue()};
        IndexColorModel model = transparentIndex1
                ? new IndexColorModel(1, 2, r, g, b, 1) : new IndexColorModel(1, 2, r, g, b);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY, model);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, x < width / 2 ? 0 : 1);
            }
        }
        return png(image);
    }

    /** RGBA PNG: left half opaque red, right half fully transparent (with black RGB underneath). */
    static byte[] rgbaPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? RED.getRGB() : 0x00000000);
            }
        }
        return png(image);
    }

    /**
     * A four-channel JPEG with Adobe's APP14 marker: transform 0 is CMYK, 2 is YCCK (both stored inverted,
     * as Photoshop writes them). The pixels are chosen so both decode to red.
     */
    static byte[] adobeJpeg(int transform) {
        int[] pixel = transform == 0 ? new int[] {255, 0, 0, 255} : new int[] {179, 171, 0, 255};
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                raster.setPixel(x, y, pixel);
            }
        }
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(raster, null, null), null);
            } finally {
                writer.dispose();
            }
            byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
            return insertAfter(bytes.toByteArray(), 2, app14);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A big-endian TIFF structure with one IFD entry: Orientation = {@code orientation}. */
    static byte[] exifTiff(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 1); // one entry
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0); // no next IFD
        return b.array();
    }

    /** The JPEG with an APP1 "Exif" segment holding the orientation, right after SOI. */
    static byte[] jpegWithOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = exifTiff(orientation);
        ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
        app1.put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0).put(tiff);
        return insertAfter(jpeg, 2, app1.array());
    }

    /** The PNG with an {@code eXIf} chunk holding the orientation, right after IHDR. */
    static byte[] pngWithOrientation(byte[] png, int orientation) {
        int afterIhdr = 8 + 12 + 13;
        return insertAfter(png, afterIhdr, chunk("eXIf", exifTiff(orientation)));
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        b.putInt(data.length).put(typeBytes).put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    static byte[] insertAfter(byte[] bytes, int at, byte[] inserted) {
        return Fixtures.concat(java.util.Arrays.copyOf(bytes, at), inserted,
                java.util.Arrays.copyOfRange(bytes, at, bytes.length));
    }

    /** Animated GIF: first frame red, second blue. */
    static byte[] animatedGif() {
        return redThenBlue("gif");
    }

    /** Multi-page TIFF: first page red, second blue. */
    static byte[] twoPageTiff() {
        return redThenBlue("tiff");
    }

    /** A two-image sequence in {@code format}: a red 16x16 image, then a blue one. */
    private static byte[] redThenBlue(String format) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                writer.writeToSequence(new IIOImage(filled(16, 16, RED), null, null), null);
                writer.writeToSequence(new IIOImage(filled(16, 16, BLUE), null, null), null);
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- decompression bombs: small files whose headers declare an enormous canvas ----

    static final int BOMB_SIDE = 15_000; // under MAX_SIDE per side, 225 megapixels in all

    static byte[] pngBomb() {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(BOMB_SIDE).putInt(BOMB_SIDE)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[4096]);
        deflater.finish();
        byte[] idat = new byte[256];
        int length = deflater.deflate(idat);
        return Fixtures.concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                chunk("IHDR", ihdr.array()), chunk("IDAT", java.util.Arrays.copyOf(idat, length)),
                chunk("IEND", new byte[0]));
    }

    /** A real 8x8 JPEG whose SOF0 marker is patched to declare 15,000 x 15,000. */
    static byte[] jpegBomb() {
        byte[] jpeg = jpeg(filled(8, 8, RED), 0.9f, false);
        for (int i = 0; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 5] = (byte) (BOMB_SIDE >> 8);
                jpeg[i + 6] = (byte) BOMB_SIDE;
                jpeg[i + 7] = (byte) (BOMB_SIDE >> 8);
                jpeg[i + 8] = (byte) BOMB_SIDE;
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0 in the JPEG");
    }

    /** The classic 1x1 GIF, its screen and image descriptor declaring 15,000 x 15,000. */
    static byte[] gifBomb() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) BOMB_SIDE).putShort((short) BOMB_SIDE)
                .put((byte) 0x80).put((byte) 0).put((byte) 0);
        b.put(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255}); // 2-entry global colour table
        b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) BOMB_SIDE)
                .putShort((short) BOMB_SIDE).put((byte) 0);
        b.put(new byte[] {2, 2, 0x44, 0x01, 0, 0x3B});
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /** A BMP header declaring 15,000 x 15,000 at 24 bits, with a few bytes of pixels. */
    static byte[] bmpBomb() {
        ByteBuffer b = ByteBuffer.allocate(54 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(54 + 16).putInt(0).putInt(54);
        b.putInt(40).putInt(BOMB_SIDE).putInt(BOMB_SIDE).putShort((short) 1).putShort((short) 24).putInt(0)
                .putInt(0).putInt(2835).putInt(2835).putInt(0).putInt(0);
        return b.array();
    }

    /** A WebP whose VP8X chunk declares a 16,384 x 16,384 canvas around a 1x1 lossless image. */
    static byte[] webpBomb(byte[] tinyLosslessWebp) {
        byte[] vp8l = java.util.Arrays.copyOfRange(tinyLosslessWebp, 12, tinyLosslessWebp.length);
        ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).putInt(0);
        int side = 16_384 - 1;
        vp8x.put((byte) side).put((byte) (side >> 8)).put((byte) (side >> 16));
        vp8x.put((byte) side).put((byte) (side >> 8)).put((byte) (side >> 16));
        int riffSize = 4 + vp8x.capacity() + vp8l.length;
        ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        head.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(riffSize).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        return Fixtures.concat(head.array(), vp8x.array(), vp8l);
    }

    /** A little-endian TIFF declaring a 15,000 x 15,000 greyscale strip it does not contain. */
    static byte[] tiffBomb() {
        int entries = 8;
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 * entries + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) entries);
        int dataOffset = 8 + 2 + 12 * entries + 4;
        entry(b, 256, 4, BOMB_SIDE);        // ImageWidth
        entry(b, 257, 4, BOMB_SIDE);        // ImageLength
        entry(b, 258, 3, 8);                // BitsPerSample
        entry(b, 259, 3, 1);                // Compression: none
        entry(b, 262, 3, 1);                // Photometric: black is zero
        entry(b, 273, 4, dataOffset);       // StripOffsets
        entry(b, 278, 4, BOMB_SIDE);        // RowsPerStrip
        entry(b, 279, 4, BOMB_SIDE * BOMB_SIDE); // StripByteCounts
        b.putInt(0);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }
}
