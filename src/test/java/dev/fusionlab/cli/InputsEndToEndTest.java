package dev.fusionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fusionlab.export.ProjectionCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fusionlab run} end to end on the inputs of issue 14: a dataset mixing good items with broken and
 * hostile ones runs and lists every problem, and a captions-only dataset in both Flickr8k forms runs through
 * embeddings, joint space, retrieval (several captions per image), projections and plots.
 */
class InputsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IMAGES = 14; // 70/15/15 by image: 10 train, 2 validation, 2 test images
    private static final int CAPTIONS_PER_IMAGE = 5;

    @TempDir
    Path work;

    /** What a CLI run printed and returned. */
    private record Outcome(int exitCode, String stdout, String stderr) {
    }

    @Test
    void aDatasetMixingGoodAndBadItemsRunsAndListsEveryProblem() throws Exception {
        Path dataset = DemoSubset.write(work.resolve("mixed"), 3);
        List<String> lines = new ArrayList<>(Files.readAllLines(dataset.resolve("metadata.csv")));
        // broken rows in the middle of the manifest: every good row after them must still be read
        lines.add(5, "images/zero.png,a zero-byte image,Flags,zero");
        lines.add(6, "\"https://example.com/cat.png\",a web image,Flags,url");
        lines.add(7, "images/page.jpg,an error page saved as an image,Flags,page");
        lines.add(8, "images/bomb.png,a decompression bomb,Flags,bomb");
        lines.add(9, "../outside.png,a path out of the dataset,Flags,outside");
        lines.add(10, "images/pipe.png,a named pipe,Flags,pipe");
        lines.add(11, "images/nowhere.png,a missing image,Flags,nowhere");
        lines.add(12, "images/quote.png,\"a caption whose quote never closes,Flags,quote");
        Files.write(dataset.resolve("metadata.csv"), lines);
        Files.write(dataset.resolve("images/zero.png"), new byte[0]);
        Files.writeString(dataset.resolve("images/page.jpg"), "<!DOCTYPE html><html><body>403 Forbidden</body></html>");
        Files.write(dataset.resolve("images/bomb.png"), bombPng());
        Process fifo = new ProcessBuilder("mkfifo", dataset.resolve("images/pipe.png").toString()).start();
        boolean haveFifo = fifo.waitFor() == 0;
        int goodRows = lines.size() - 1 - 8;

        Path out = work.resolve("out-mixed");
        Outcome run = run("run", "--dataset", dataset.toString(), "--out", out.toString(), "--projection", "pca", "--seed", "3");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(ProjectionCsv.readIds(out.resolve("embeddings/ids.csv"))).as("every good row, also those after the broken ones")
                .hasSize(goodRows);
        Map<String, String> skipped = new TreeMap<>();
        JSON.readTree(out.resolve("metrics.json").toFile()).get("skipped")
                .forEach(p -> skipped.put(p.get("id").asText(), p.get("reason").asText()));
        assertThat(skipped).hasEntrySatisfying("images/zero.png", r -> assertThat(r).contains("zero bytes"))
                .hasEntrySatisfying("https://example.com/cat.png", r -> assertThat(r).contains("URL"))
                .hasEntrySatisfying("images/page.jpg", r -> assertThat(r).contains("HTML page"))
                .hasEntrySatisfying("images/bomb.png", r -> assertThat(r).contains("decompression bomb"))
                .hasEntrySatisfying("../outside.png", r -> assertThat(r).contains("outside the dataset"))
                .hasEntrySatisfying("images/nowhere.png", r -> assertThat(r).contains("missing"))
                .hasEntrySatisfying("metadata.csv:13", r -> assertThat(r).contains("never closed"));
        if (haveFifo) {
            assertThat(skipped).hasEntrySatisfying("images/pipe.png", r -> assertThat(r).contains("named pipe"));
        }
        assertThat(skipped).hasSize(haveFifo ? 8 : 7);
        for (Map.Entry<String, String> problem : skipped.entrySet()) {
            assertThat(run.stdout()).as("the run's summary lists every problem").contains(problem.getKey())
                    .contains(problem.getValue());
        }
    }

    @Test
    void captionsTxtWithAnImagesFolderRunsWithoutLabels() throws Exception {
        Path dir = work.resolve("flickr-kaggle");
        StringBuilder captions = new StringBuilder("image,caption\n");
        for (Map.Entry<String, List<String>> image : demoImages(dir.resolve("Images")).entrySet()) {
            for (String caption : image.getValue()) {
                captions.append(image.getKey()).append(",\"").append(caption).append("\"\n");
            }
        }
        Path file = Files.writeString(dir.resolve("captions.txt"), captions);
        assertCaptionsOnlyRun(file, work.resolve("out-kaggle"));
    }

    @Test
    void flickr8kTokenFileBesideTheImageFolderRunsWithoutLabels() throws Exception {
        Path dir = work.resolve("Flickr8k");
        StringBuilder tokens = new StringBuilder();
        for (Map.Entry<String, List<String>> image : demoImages(dir.resolve("Flicker8k_Dataset")).entrySet()) {
            for (int k = 0; k < image.getValue().size(); k++) {
                tokens.append(image.getKey()).append('#').append(k).append('\t').append(image.getValue().get(k)).append('\n');
            }
        }
        Path file = dir.resolve("Flickr8k_text/Flickr8k.token.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, tokens);
        assertCaptionsOnlyRun(file, work.resolve("out-token"));
    }

    private void assertCaptionsOnlyRun(Path captions, Path out) throws IOException {
        Outcome run = run("run", "--dataset", captions.toString(), "--out", out.toString(), "--projection", "pca", "--seed", "5");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("classification skipped").contains("test captions of 2 images");
        assertThat(out.resolve("predictions.csv")).doesNotExist();
        for (String f : List.of("metrics.json", "run.json", "embeddings/image.npy", "embeddings/text.npy",
                "embeddings/fused.npy", "embeddings/joint-image.npy", "embeddings/joint-text.npy",
                "projections/image-pca.csv", "projections/text-pca.csv", "projections/fused-pca.csv",
                "plots/image-pca.png", "plots/text-pca.svg", "plots/fused-pca.png")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        assertThat(ProjectionCsv.readIds(out.resolve("embeddings/ids.csv"))).hasSize(IMAGES * CAPTIONS_PER_IMAGE);

        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.get("note").asText()).contains("classification skipped");
        assertThat(metrics.get("classes")).isEmpty();
        assertThat(metrics.get("skipped")).isEmpty();
        JsonNode retrieval = metrics.get("retrieval");
        assertThat(retrieval.get("test_images").asInt()).isEqualTo(2);
        assertThat(retrieval.get("test_pairs").asInt()).isEqualTo(2 * CAPTIONS_PER_IMAGE);
        for (String direction : List.of("text_to_image", "image_to_text")) {
            assertThat(retrieval.get(direction).get("recall_at_1").asDouble()).isBetween(0.0, 1.0);
            assertThat(retrieval.get(direction).get("median_rank").asDouble()).isGreaterThanOrEqualTo(1.0);
        }
        // with 2 test images, text-to-image can rank at most 2nd
        assertThat(retrieval.get("text_to_image").get("recall_at_5").asDouble()).isEqualTo(1.0);
        JsonNode runJson = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(runJson.get("joint_space").has("skipped")).isFalse();
        assertThat(runJson.get("classifiers")).isEmpty();
    }

    /** Copies {@value #IMAGES} demo emoji into {@code folder}; five captions each, made from the demo's text. */
    private static Map<String, List<String>> demoImages(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(DemoSubset.DEMO.resolve("metadata.csv"), StandardCharsets.UTF_8)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        Map<String, List<String>> captions = new TreeMap<>();
        for (int i = 0; captions.size() < IMAGES; i += 97) { // spread over the categories
            CSVRecord row = rows.get(i % rows.size());
            Path source = DemoSubset.DEMO.resolve(row.get("file_name"));
            String name = source.getFileName().toString();
            Files.copy(source, folder.resolve(name));
            String what = row.get("text").split(";")[0].strip();
            captions.put(name, List.of(what, "an emoji of " + what, "a small picture: " + what,
                    "the " + what + " icon", what + ", drawn flat"));
        }
        return captions;
    }

    /** A PNG header declaring 15,000 x 15,000 pixels around a few bytes of data. */
    private static byte[] bombPng() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(15_000).putInt(15_000)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        return concat(png, chunk("IHDR", ihdr.array()), chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 3, 0, 0, 0, 0, 1}),
                chunk("IEND", new byte[0]));
    }

    private static byte[] chunk(String type, byte[] data) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(t);
        crc.update(data);
        return b.putInt(data.length).put(t).put(data).putInt((int) crc.getValue()).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static Outcome run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = FusionLabCli.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
