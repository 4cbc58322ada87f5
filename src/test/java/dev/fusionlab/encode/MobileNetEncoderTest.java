package dev.fusionlab.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.TaskContext;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden check of both bundled engines; the behaviour tests (failures, alpha, progress) run on the
 * ONNX encoder only, because preprocessing is shared Java code and ONNX Runtime is the faster engine.
 */
class MobileNetEncoderTest {

    private static Encoder<Path> torchScript;
    private static Encoder<Path> onnx;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() throws IOException {
        DjlRuntime.init();
        torchScript = EncoderCatalog.openImage(EncoderCatalog.MOBILENET_V2, 2);
        onnx = EncoderCatalog.openImage(EncoderCatalog.MOBILENET_V2_ONNX, 2);
    }

    @AfterAll
    static void close() {
        torchScript.close();
        onnx.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {EncoderCatalog.MOBILENET_V2, EncoderCatalog.MOBILENET_V2_ONNX})
    void reproducesTheOriginalModelOnGoldenImages(String id) throws IOException {
        Encoder<Path> encoder = id.equals(EncoderCatalog.MOBILENET_V2) ? torchScript : onnx;
        Path reference = SharedReference.dir();
        JsonNode expected = new ObjectMapper().readTree(reference.resolve("mobilenet_v2.ref.json").toFile());
        List<Path> pngs = new ArrayList<>();
        for (JsonNode item : expected) {
            String name = item.get("file").asText();
            pngs.add(SharedReference.rgbAsPng(reference.resolve(name), tmp.resolve(name + ".png")));
        }

        EncodeResult result = encoder.encode(pngs, TaskContext.silent());

        assertThat(encoder.dimension()).isEqualTo(1280);
        assertThat(result.allSucceeded()).isTrue();
        for (int i = 0; i < expected.size(); i++) {
            float[] want = toFloats(expected.get(i).get("emb"));
            float[] got = result.vector(i);
            assertThat(cosine(got, want)).as("cosine, image %d", i).isGreaterThan(0.9999);
            assertThat(maxAbsDiff(got, want)).as("max abs diff, image %d", i).isLessThan(1e-3f);
        }
    }

    @Test
    void undecodableAndMissingFilesFailAloneWithTheirReason() throws IOException {
        Path good = SharedReference.rgbAsPng(SharedReference.dir().resolve("flower_224.rgb"), tmp.resolve("ok.png"));
        Path corrupt = Files.write(tmp.resolve("corrupt.png"), new byte[] {1, 2, 3, 4, 5});
        Path missing = tmp.resolve("missing.jpg");

        EncodeResult result = onnx.encode(List.of(corrupt, good, missing), TaskContext.silent());

        assertThat(result.succeeded(1)).isTrue();
        assertThat(result.failure(0)).get().asString().contains("corrupt.png").contains("not a readable image");
        assertThat(result.failure(2)).get().asString().contains("missing.jpg").contains("not found");
        assertThat(result.failures()).extracting(EncodeResult.Failure::index).containsExactly(0, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {EncoderCatalog.MOBILENET_V2, EncoderCatalog.MOBILENET_V2_ONNX})
    void everyInputKeepsItsOwnVectorAcrossBatchesWithFailuresInBetween(String id) throws IOException {
        Encoder<Path> encoder = id.equals(EncoderCatalog.MOBILENET_V2) ? torchScript : onnx;
        Path red = solid(Color.RED, "red.png");
        Path blue = solid(Color.BLUE, "blue.png");
        Path green = solid(Color.GREEN, "green.png");
        Path corrupt = Files.write(tmp.resolve("corrupt.png"), new byte[] {1, 2, 3});
        // batches of 2: [red, corrupt] [blue, green] [missing, red] [blue]
        List<Path> inputs = List.of(red, corrupt, blue, green, tmp.resolve("missing.png"), red, blue);
        EncodeResult alone = encoder.encode(List.of(red, blue, green), TaskContext.silent());

        EncodeResult r = encoder.encode(inputs, TaskContext.silent());

        assertThat(r.failures()).extracting(EncodeResult.Failure::index).containsExactly(1, 4);
        for (int[] sameImage : new int[][] {{0, 0}, {2, 1}, {3, 2}, {5, 0}, {6, 1}}) {
            assertThat(maxAbsDiff(r.vector(sameImage[0]), alone.vector(sameImage[1])))
                    .as("input %d", sameImage[0]).isLessThan(1e-5f);
        }
        assertThat(maxAbsDiff(alone.vector(0), alone.vector(1))).isGreaterThan(1e-2f);
    }

    private Path solid(Color colour, String name) throws IOException {
        BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 48, 48);
        g.dispose();
        Path file = tmp.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void transparentPixelsAreCompositedOntoWhite() throws IOException {
        BufferedImage transparentBlack = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        BufferedImage white = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        BufferedImage black = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Path transparentFile = tmp.resolve("transparent.png");
        Path whiteFile = tmp.resolve("white.png");
        Path blackFile = tmp.resolve("black.png");
        ImageIO.write(transparentBlack, "png", transparentFile.toFile());
        ImageIO.write(white, "png", whiteFile.toFile());
        ImageIO.write(black, "png", blackFile.toFile());

        EncodeResult r = onnx.encode(List.of(transparentFile, whiteFile, blackFile), TaskContext.silent());

        assertThat(maxAbsDiff(r.vector(0), r.vector(1))).isLessThan(1e-5f);
        assertThat(maxAbsDiff(r.vector(0), r.vector(2))).isGreaterThan(1e-2f);
    }

    @Test
    void reportsProgressPerBatchAndStopsWhenCancelled() throws IOException {
        Path png = SharedReference.rgbAsPng(SharedReference.dir().resolve("china_224.rgb"), tmp.resolve("c.png"));
        List<Path> five = List.of(png, png, png, png, png);
        List<String> messages = new ArrayList<>();
        CancellationToken token = new CancellationToken();
        TaskContext ctx = new TaskContext((stage, fraction, message) -> {
            messages.add(message);
            token.cancel();
        }, token);

        assertThatThrownBy(() -> onnx.encode(five, ctx)).isInstanceOf(CancelledException.class);
        assertThat(messages).containsExactly("batch 1/3");

        List<String> all = new ArrayList<>();
        EncodeResult afterCancel = onnx.encode(five, new TaskContext((s, f, m) -> all.add(m), new CancellationToken()));
        assertThat(all).containsExactly("batch 1/3", "batch 2/3", "batch 3/3");
        for (int i = 1; i < 5; i++) {
            assertThat(afterCancel.vector(i)).as("image %d after a cancelled run", i).isEqualTo(afterCancel.vector(0));
        }
    }

    static float[] toFloats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static float maxAbsDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
