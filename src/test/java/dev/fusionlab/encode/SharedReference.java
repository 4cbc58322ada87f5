package dev.fusionlab.encode;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Locates the shared golden data ({@code ../shared/models/reference} from the repo root; a git
 * worktree one level deeper also finds it) and turns its raw RGB files into PNG files, so tests
 * exercise the same file-decoding path as users.
 */
final class SharedReference {

    private SharedReference() {
    }

    static Path dir() {
        for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("models").resolve("reference");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "golden reference ../shared/models/reference not found: skipping");
        return null;
    }

    /** Writes a raw 224x224 RGB file of the reference as a lossless PNG into {@code target}. */
    static Path rgbAsPng(Path rgbFile, Path target) throws IOException {
        byte[] rgb = Files.readAllBytes(rgbFile);
        int side = (int) Math.round(Math.sqrt(rgb.length / 3.0));
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < side * side; p++) {
            int r = rgb[3 * p] & 0xFF;
            int g = rgb[3 * p + 1] & 0xFF;
            int b = rgb[3 * p + 2] & 0xFF;
            image.setRGB(p % side, p / side, (r << 16) | (g << 8) | b);
        }
        ImageIO.write(image, "png", target.toFile());
        return target;
    }
}
