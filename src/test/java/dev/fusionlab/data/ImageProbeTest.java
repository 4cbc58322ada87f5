package dev.fusionlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageProbeTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "gif", "bmp"})
    void readsDimensionsOfEveryCommonFormat(String format) throws Exception {
        Path file = Fixtures.image(dir.resolve("a." + format), 12, 7);

        assertThat(ImageProbe.problem(file)).isEmpty();
        assertThat(ImageProbe.dimensions(file)).isEqualTo(new ImageProbe.Dimensions(12, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "gif", "bmp"})
    void truncatedImageIsReportedAsTruncated(String format) {
        Path file = Fixtures.truncate(Fixtures.image(dir.resolve("a." + format), 40, 40), 0.6);

        assertThat(ImageProbe.problem(file)).hasValueSatisfying(reason -> assertThat(reason).contains("truncated"));
    }

    @Test
    void missingFile() {
        assertThat(ImageProbe.problem(dir.resolve("nope.png"))).contains("image file is missing");
    }

    @Test
    void zeroByteFile() {
        Path file = Fixtures.bytes(dir.resolve("empty.png"), new byte[0]);

        assertThat(ImageProbe.problem(file)).contains("image file is zero bytes");
    }

    @Test
    void textPretendingToBeAnImage() {
        Path file = Fixtures.text(dir.resolve("fake.png"), "this is not a picture at all");

        assertThat(ImageProbe.problem(file)).hasValueSatisfying(r -> assertThat(r).contains("file is text, not an image"));
    }

    @Test
    void pngWithCorruptHeader() {
        Path file = Fixtures.image(dir.resolve("a.png"), 10, 10);
        byte[] bytes = readAll(file);
        bytes[12] = 'X'; // IHDR chunk type -> unknown first chunk
        Fixtures.bytes(file, bytes);

        assertThat(ImageProbe.problem(file)).hasValueSatisfying(r -> assertThat(r).contains("corrupt"));
    }

    @Test
    void absurdDimensionsAreRefused() {
        Path file = Fixtures.image(dir.resolve("wide.png"), ImageProbe.MAX_SIDE + 1, 1);

        assertThat(ImageProbe.problem(file))
                .hasValueSatisfying(r -> assertThat(r).contains("absurd image dimensions 20001x1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"green.lossy.webp", "red-left-transparent-right.lossless.webp"})
    void webpImagesAreAccepted(String name) throws Exception {
        Path file = dir.resolve(name);
        try (var in = ImageProbeTest.class.getResourceAsStream(name)) {
            java.nio.file.Files.copy(in, file);
        }
        assertThat(ImageProbe.problem(file)).isEmpty();
    }

    @Test
    void aTruncatedWebpIsRefused() throws Exception {
        byte[] whole;
        try (var in = ImageProbeTest.class.getResourceAsStream("green.lossy.webp")) {
            whole = in.readAllBytes();
        }
        Path file = Fixtures.bytes(dir.resolve("cut.webp"), java.util.Arrays.copyOf(whole, whole.length - 10));

        assertThat(ImageProbe.problem(file)).hasValueSatisfying(r -> assertThat(r).contains("WebP declares"));
    }

    private static byte[] readAll(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
