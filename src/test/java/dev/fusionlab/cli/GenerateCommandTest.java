package dev.fusionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fusionlab.encode.BundledModels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fusionlab generate} on a small real subset of the demo, through the real encoders: the report's
 * keys, the pictures, and a second run that takes the model from the cache instead of training again.
 */
class GenerateCommandTest {

    @TempDir
    Path work;

    @Test
    void trainsOnceWritesTheReportAndThePicturesThenReusesTheModel() throws Exception {
        Path store = BundledModels.cacheRoot().resolve("generative");
        deleteTree(store); // a model from an earlier test run would make the first run a cache hit
        Path dataset = DemoSubset.write(work.resolve("subset"), 5);
        String[] args = {"generate", "--dataset", dataset.toString(), "--out", work.resolve("a").toString(),
            "--text", "red heart", "--samples", "3", "--image-size", "16", "--epochs", "3", "--seed", "5",
            "--image", dataset.resolve("images").resolve(first(dataset.resolve("images"))).toString()};

        String printed = run(args);
        JsonNode first = new ObjectMapper().readTree(work.resolve("a").resolve("generation.json").toFile());

        assertThat(first.get("schema_version").asInt()).isEqualTo(1);
        JsonNode t2i = first.get("text_to_image");
        for (String key : new String[] {"pixel_mse", "mean_image_mse", "nearest_caption_mse", "recall_at_1",
            "recall_at_5", "recall_at_10", "chance_recall_at_10"}) {
            assertThat(t2i.get(key).isNumber()).as(key).isTrue();
            assertThat(t2i.get(key).asDouble()).as(key).isBetween(0.0, 1.0);
        }
        int pairs = t2i.get("test_pairs").asInt();
        assertThat(pairs).isPositive();
        assertThat(t2i.get("chance_recall_at_10").asDouble()).isEqualTo(Math.min(1, 10.0 / pairs));
        JsonNode missing = first.get("missing_modality");
        for (String key : new String[] {"image_only", "text_only", "early_text_imputed_mvae", "early_image_imputed_mvae",
            "early_text_imputed_mean", "late_fallback_text_missing", "early_both", "late_both"}) {
            assertThat(missing.get(key).get("accuracy").asDouble()).as(key).isBetween(0.0, 1.0);
            assertThat(missing.get(key).get("macro_f1").isNumber()).as(key).isTrue();
        }
        assertThat(missing.get("late_fallback_text_missing")).isEqualTo(missing.get("image_only"));
        JsonNode training = first.get("training");
        assertThat(training.get("epochs").asInt()).isBetween(1, 3);
        assertThat(training.get("seconds").asDouble()).isPositive();
        assertThat(training.get("from_cache").asBoolean()).isFalse();
        assertThat(training.get("provenance").get("spec").get("seed").asLong()).isEqualTo(5);
        assertThat(training.get("provenance").get("spec").get("image_size").asInt()).isEqualTo(16);
        assertThat(first.get("captioned").get(0).get("nearest_captions")).hasSize(5);

        Path png = work.resolve("a").resolve("text-1-red-heart.png");
        BufferedImage grid = ImageIO.read(png.toFile());
        assertThat(grid.getHeight()).isEqualTo(128); // 16 px enlarged 8 times
        assertThat(grid.getWidth()).isEqualTo(3 * 128 + 2 * 2); // the mean and 2 samples, 2-px gutters
        assertThat(work.resolve("a").resolve("text-1-red-heart-nearest.png")).isRegularFile();
        assertThat(work.resolve("a").resolve("latent.npy")).isRegularFile();
        assertThat(printed).contains("text->image").contains("trained");

        String[] again = args.clone();
        again[4] = work.resolve("b").toString();
        String printedAgain = run(again);
        JsonNode second = new ObjectMapper().readTree(work.resolve("b").resolve("generation.json").toFile());
        assertThat(second.get("training").get("from_cache").asBoolean()).isTrue();
        assertThat(second.get("training").get("provenance")).isEqualTo(training.get("provenance"));
        assertThat(second.get("text_to_image")).isEqualTo(t2i);
        assertThat(Files.readAllBytes(work.resolve("b").resolve("text-1-red-heart.png")))
                .isEqualTo(Files.readAllBytes(png));
        assertThat(printedAgain).contains("from the cache");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThat(FusionLabCli.execute("generate", "--dataset", "demo", "--out", work.toString(), "--text", " "))
                .isNotZero();
        assertThat(FusionLabCli.execute("generate", "--dataset", "demo", "--out", work.toString(), "--samples", "0"))
                .isNotZero();
        assertThat(FusionLabCli.execute("generate", "--dataset", work.resolve("nothing").toString(), "--out",
                work.toString())).isNotZero();
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = FusionLabCli.execute(args);
        } finally {
            System.setOut(original);
        }
        assertThat(code).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static String first(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
