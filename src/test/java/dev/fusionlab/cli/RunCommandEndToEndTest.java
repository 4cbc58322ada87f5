package dev.fusionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.export.ProjectionCsv;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fusionlab run} on a small real subset of the demo, through the real encoders, end to end, with the
 * stacking combiner (the other combiners need nothing a run does not already do for stacking).
 */
class RunCommandEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static Path dataset;
    static Path out;
    static int exitCode;

    @BeforeAll
    static void runOnce() throws IOException {
        dataset = DemoSubset.write(work.resolve("subset"), 12);
        Files.write(dataset.resolve("images/broken.png"), new byte[0]); // one bad item among good ones
        Files.writeString(dataset.resolve("metadata.csv"), "images/broken.png,a broken image,Flags,broken\n",
                StandardOpenOption.APPEND);
        out = work.resolve("out");
        exitCode = FusionLabCli.execute("run", "--dataset", dataset.toString(), "--out", out.toString(),
                "--projection", "pca", "--seed", "7", "--combiner", "stacking");
    }

    @Test
    void writesEveryArtifact() {
        assertThat(exitCode).isZero();
        for (String f : List.of("predictions.csv", "metrics.json", "run.json", "embeddings/image.npy",
                "embeddings/text.npy", "embeddings/fused.npy", "embeddings/ids.csv", "projections/image-pca.csv",
                "projections/text-pca.csv", "projections/fused-pca.csv", "plots/fused-pca.png", "plots/fused-pca.svg",
                "plots/image-pca.png", "plots/text-pca.svg")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
    }

    @Test
    void embeddingsIdsAndProjectionsAgree() throws IOException {
        List<String> ids = ProjectionCsv.readIds(out.resolve("embeddings/ids.csv"));
        assertThat(ids).hasSize(9 * 12).doesNotContain("broken").doesNotHaveDuplicates();
        assertThat(widths(Npy.read(out.resolve("embeddings/image.npy")))).hasSize(ids.size()).containsOnly(1280);
        assertThat(widths(Npy.read(out.resolve("embeddings/text.npy")))).hasSize(ids.size()).containsOnly(384);
        assertThat(widths(Npy.read(out.resolve("embeddings/fused.npy")))).hasSize(ids.size()).containsOnly(1280 + 384);
        assertThat(ProjectionCsv.readPoints(out.resolve("projections/fused-pca.csv"))).hasNumberOfRows(ids.size());
    }

    @Test
    void metricsRecomputedFromPredictionsMatchMetricsJson() throws IOException {
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.get("schema_version").asInt()).isEqualTo(dev.fusionlab.report.ReportJson.SCHEMA_VERSION);
        List<String> classes = new ArrayList<>();
        metrics.get("classes").forEach(c -> classes.add(c.asText()));
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(out.resolve("predictions.csv"), StandardCharsets.UTF_8)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        assertThat(rows).hasSize(metrics.get("test_size").asInt());
        for (String strategy : List.of("image", "text", "early", "late")) {
            int[] truth = rows.stream().mapToInt(r -> classes.indexOf(r.get("label"))).toArray();
            int[] predicted = rows.stream().mapToInt(r -> classes.indexOf(r.get(strategy + "_pred"))).toArray();
            ClassificationMetrics recomputed = ClassificationMetrics.of(truth, predicted, classes);
            JsonNode written = metrics.get("strategies").get(strategy);
            assertThat(written.get("accuracy").asDouble()).as(strategy).isCloseTo(recomputed.accuracy(), within());
            assertThat(written.get("macro_f1").asDouble()).as(strategy).isCloseTo(recomputed.macroF1(), within());
            assertThat(JSON.convertValue(written.get("confusion_matrix"), int[][].class)).isDeepEqualTo(recomputed.confusion());
        }
        assertThat(metrics.get("mcnemar_early_vs_late").get("p_value").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void aBrokenImageIsSkippedWithItsFileAndReason() throws IOException {
        JsonNode skipped = JSON.readTree(out.resolve("metrics.json").toFile()).get("skipped");
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).get("file").asText()).endsWith("broken.png");
        assertThat(skipped.get(0).get("reason").asText()).containsIgnoringCase("zero");
    }

    @Test
    void plotsAreARealPngAndAnSvgWithOneCirclePerPoint() throws Exception {
        BufferedImage png = ImageIO.read(out.resolve("plots/fused-pca.png").toFile());
        assertThat(png.getWidth()).isGreaterThan(500);
        var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("plots/fused-pca.svg").toFile());
        assertThat(svg.getElementsByTagName("circle").getLength()).isGreaterThanOrEqualTo(9 * 12);
    }

    @Test
    void provenanceNamesDatasetEncodersSeedAndTimings() throws IOException {
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(run.get("schema_version").asInt()).isEqualTo(dev.fusionlab.report.ReportJson.SCHEMA_VERSION);
        assertThat(run.get("seed").asLong()).isEqualTo(7);
        assertThat(run.get("config").get("image_encoder").asText()).isEqualTo("mobilenet_v2");
        assertThat(run.get("versions").has("fusionlab")).isTrue();
        assertThat(run.get("dataset").get("sha256").asText()).hasSize(64);
        assertThat(run.get("encoders").get(0).get("weights_sha256").asText())
                .isEqualTo("1190d2b3eaffc2bca352931eb4d8d1e89c54f1e52bfe360d213c0ec3861ac04c");
        assertThat(run.get("timings_ms").has("encode")).isTrue();
        assertThat(run.get("classifiers").get("early").get("spec").get("seed").asLong()).isEqualTo(7);
        JsonNode stacking = run.get("stacking");
        assertThat(stacking.get("seed").asLong()).isEqualTo(7);
        assertThat(stacking.get("folds").asInt()).isBetween(2, stacking.get("requested_folds").asInt());
        assertThat(stacking.get("features").asText()).isEqualTo("LOG_PROBABILITIES");
        assertThat(stacking.get("meta_classifier").get("spec").get("kind").asText()).isEqualTo("SOFTMAX");
        assertThat(stacking.get("out_of_fold_rows").asInt())
                .isEqualTo(run.get("classifiers").get("early").get("train_size").asInt());
    }

    @Test
    void metricsListLateFusionUnderEveryCombinerAndLateIsTheStackedOne() throws IOException {
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        JsonNode combiners = metrics.get("late_combiners");
        List<String> names = new ArrayList<>();
        combiners.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("mean", "weighted", "product", "max", "stacking", "tuned");
        assertThat(combiners.get("tuned").get("image_weight").asDouble())
                .isEqualTo(JSON.readTree(out.resolve("run.json").toFile()).get("late_fusion").get("tuned_image_weight").asDouble());
        combiners.forEach(c -> assertThat(c.get("accuracy").asDouble()).isBetween(0.0, 1.0));
        assertThat(combiners.get("stacking").get("accuracy").asDouble())
                .isEqualTo(metrics.get("strategies").get("late").get("accuracy").asDouble());
    }

    @Test
    void theJointSpaceIsLearnedScoredAndWritten() throws IOException {
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        JsonNode joint = run.get("joint_space");
        assertThat(joint.get("spec").get("seed").asLong()).isEqualTo(7);
        assertThat(joint.get("train_pairs").asInt()).isEqualTo(run.get("classifiers").get("early").get("train_size").asInt());
        JsonNode retrieval = JSON.readTree(out.resolve("metrics.json").toFile()).get("retrieval");
        int pairs = retrieval.get("test_pairs").asInt();
        assertThat(pairs).isEqualTo(JSON.readTree(out.resolve("metrics.json").toFile()).get("test_size").asInt());
        for (String direction : List.of("text_to_image", "image_to_text")) {
            JsonNode d = retrieval.get(direction);
            assertThat(d.get("recall_at_1").asDouble()).isLessThanOrEqualTo(d.get("recall_at_5").asDouble());
            assertThat(d.get("recall_at_10").asDouble()).isGreaterThan(10.0 / pairs); // better than chance
            assertThat(d.get("median_rank").asDouble()).isBetween(1.0, (double) pairs);
        }
        float[][] images = Npy.read(out.resolve("embeddings/joint-image.npy"));
        float[][] texts = Npy.read(out.resolve("embeddings/joint-text.npy"));
        assertThat(images).hasNumberOfRows(run.get("dataset").get("samples").asInt());
        assertThat(images[0]).hasSize(joint.get("spec").get("dimension").asInt());
        assertThat(texts).hasNumberOfRows(images.length);
    }

    @Test
    void aSecondRunIsServedFromTheEmbeddingCache() throws IOException {
        Path second = work.resolve("out2");
        assertThat(FusionLabCli.execute("run", "--dataset", dataset.toString(), "--out", second.toString(),
                "--projection", "pca", "--seed", "7", "--combiner", "stacking")).isZero();
        JsonNode encoders = JSON.readTree(second.resolve("run.json").toFile()).get("encoders");
        for (JsonNode encoder : encoders) {
            assertThat(encoder.get("cache_misses").asLong()).as(encoder.get("id").asText()).isZero();
            assertThat(encoder.get("cache_hits").asLong()).isEqualTo(9 * 12);
            assertThat(encoder.get("pipeline").asText()).as("how the inputs were made")
                    .startsWith(encoder.get("modality").asText() + ";");
        }
        assertThat(Files.readString(second.resolve("predictions.csv")))
                .as("same seed, same results").isEqualTo(Files.readString(out.resolve("predictions.csv")));
    }

    @Test
    void aMissingDatasetFailsWithOneLineNamingIt() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = FusionLabCli.execute("run", "--dataset", work.resolve("nowhere").toString(), "--out", work.resolve("x").toString());
        } finally {
            System.setErr(original);
        }
        assertThat(code).isNotZero();
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("fusionlab run: ").contains("nowhere");
    }

    @Test
    void stackingOnTooFewTrainingRowsFailsBeforeTrainingWithOneLineSayingWhy() throws IOException {
        Path tiny = oneSamplePerSplitAndClass(work.resolve("tiny"));
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = FusionLabCli.execute("run", "--dataset", tiny.toString(), "--out", work.resolve("tiny-out").toString(),
                    "--projection", "pca", "--combiner", "stacking");
        } finally {
            System.setErr(original);
        }
        assertThat(code).isNotZero();
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("fusionlab run: stacking needs at least 2 labelled training rows"
                + " per class; class '").endsWith("' has 1: choose another late-fusion combiner");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("train-image");
    }

    /** Three demo samples per class, split by the manifest: one for training, one for validation, one for test. */
    private static Path oneSamplePerSplitAndClass(Path dir) throws IOException {
        DemoSubset.write(dir, 3);
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(dir.resolve("metadata.csv"), StandardCharsets.UTF_8)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        StringBuilder manifest = new StringBuilder("file_name,text,label,split\n");
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (CSVRecord row : rows) { // one training, one validation and one test sample per class
            int nth = seen.merge(row.get("label"), 1, Integer::sum);
            manifest.append(String.join(",", row.get("file_name"), "\"" + row.get("text").replace("\"", "\"\"") + "\"",
                    "\"" + row.get("label") + "\"", List.of("train", "validation", "test").get(nth - 1))).append('\n');
        }
        Files.writeString(dir.resolve("metadata.csv"), manifest);
        return dir;
    }

    private static int[] widths(float[][] rows) {
        return java.util.Arrays.stream(rows).mapToInt(r -> r.length).toArray();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
