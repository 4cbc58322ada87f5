package dev.fusionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fusionlab playground}: a preset run written like {@code run}, a sweep, and errors naming the problem. */
class PlaygroundCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void presetRunWritesTheFilesOfRunWithTheGeneratorSettings() throws Exception {
        Path out = work.resolve("xor");
        int code = FusionLabCli.execute("playground", "--preset", "xor", "--samples", "200", "--seed", "3",
                "--image-snr", "2.5", "--out", out.toString());
        assertThat(code).isZero();
        for (String f : List.of("predictions.csv", "metrics.json", "run.json", "embeddings/image.npy",
                "embeddings/text.npy", "embeddings/fused.npy", "embeddings/ids.csv", "projections/fused-pca.csv",
                "plots/fused-pca.png", "plots/fused-pca.svg")) {
            assertThat(out.resolve(f)).as(f).exists();
        }
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        JsonNode settings = run.at("/generator/settings");
        assertThat(run.at("/generator/name").asText()).isEqualTo("xor");
        assertThat(settings.get("samples").asInt()).isEqualTo(200);
        assertThat(settings.get("seed").asLong()).isEqualTo(3);
        assertThat(settings.get("image_snr").asDouble()).isEqualTo(2.5);
        assertThat(settings.get("interaction").asDouble()).isEqualTo(1.0);
        assertThat(run.at("/config/classifier").asText()).isEqualTo("MLP"); // the xor preset's own
        assertThat(run.at("/dataset/samples").asInt()).isEqualTo(200);
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.at("/classes")).hasSize(2);
        assertThat(metrics.at("/test_size").asInt()).isEqualTo(30);
        assertThat(Files.readAllLines(out.resolve("predictions.csv"))).hasSize(31);
    }

    @Test
    void sweepWritesCsvJsonAndChart() throws Exception {
        Path out = work.resolve("sweep");
        int code = FusionLabCli.execute("playground", "--preset", "complementary", "--samples", "120",
                "--sweep", "redundancy=0:1:2", "--out", out.toString());
        assertThat(code).isZero();
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv).hasSize(1 + 2 * 4);
        assertThat(csv.getFirst()).isEqualTo("redundancy,strategy,accuracy,macro_f1");
        assertThat(Files.readString(out.resolve("sweep.svg")).split("<polyline", -1)).hasSize(5);
        assertThat(out.resolve("sweep.png")).exists();
        assertThat(JSON.readTree(out.resolve("sweep.json").toFile()).at("/generator/settings/samples").asInt()).isEqualTo(120);
        assertThat(out.resolve("run.json")).doesNotExist();
    }

    @Test
    void listsThePresets() {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(FusionLabCli.execute("playground", "--list-presets")).isZero();
        } finally {
            System.setOut(saved);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("redundant:", "complementary:", "xor:", "one-noisy:");
    }

    @Test
    void badControlsFailWithOneLineNamingThem() {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int tooSmall;
        int badSweep;
        int badPreset;
        try {
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            tooSmall = FusionLabCli.execute("playground", "--image-dim", "4", "--out", work.resolve("a").toString());
            badSweep = FusionLabCli.execute("playground", "--sweep", "snr=0:1:3", "--out", work.resolve("b").toString());
            badPreset = FusionLabCli.execute("playground", "--preset", "nope", "--out", work.resolve("c").toString());
        } finally {
            System.setErr(saved);
        }
        assertThat(tooSmall).isEqualTo(1);
        assertThat(badSweep).isEqualTo(1);
        assertThat(badPreset).isEqualTo(1);
        String err = bytes.toString(StandardCharsets.UTF_8);
        assertThat(err).contains("image_dim and text_dim must be at least 3 x classes", "unknown control 'snr'",
                "unknown preset 'nope'");
    }
}
