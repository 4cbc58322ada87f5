package dev.fusionlab.data;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Tiny real images and text files for dataset tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Writes a real image in the format given by the file extension (png, jpg, gif, bmp). */
    static Path image(Path file, int width, int height) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < width; x++) {
                for (int y = 0; y < height; y++) {
                    image.setRGB(x, y, new Color((x * 37) % 256, (y * 91) % 256, (x * y) % 256).getRGB());
                }
            }
            String format = DatasetPaths.extension(file.getFileName().toString());
            if (!ImageIO.write(image, format.equals("jpg") ? "jpeg" : format, file.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path image(Path file) {
        return image(file, 8, 8);
    }

    static Path text(Path file, String content) {
        return bytes(file, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path bytes(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts a file to the given share of its length, as an interrupted download would. */
    static Path truncate(Path file, double keep) {
        try {
            byte[] all = Files.readAllBytes(file);
            return Files.write(file, Arrays.copyOf(all, (int) (all.length * keep)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "café" in Latin-1: not valid UTF-8. */
    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
