package dev.fusionlab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.embeddings.Alignment;
import dev.fusionlab.embeddings.EmbeddingImport;
import dev.fusionlab.embeddings.EmbeddingMatrix;
import dev.fusionlab.embeddings.EmbeddingSource;
import dev.fusionlab.embeddings.ImportSpec;
import dev.fusionlab.embeddings.ImportedEmbeddings;
import dev.fusionlab.embeddings.MetadataTable;
import dev.fusionlab.embeddings.ParquetTables;
import dev.fusionlab.encode.CachingEncoder;
import dev.fusionlab.encode.ContentKey;
import dev.fusionlab.encode.EmbeddingCache;
import dev.fusionlab.encode.EncodeResult;
import dev.fusionlab.encode.Encoder;
import dev.fusionlab.encode.EncoderCatalog;
import dev.fusionlab.encode.EncoderIdentity;
import dev.fusionlab.task.TaskContext;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job end to end in a local[2] session on a small imagefolder dataset generated here (three classes of
 * drawn shapes, an extra metadata column, a corrupt and a truncated image, a duplicate id): the shards hold
 * what the desktop's encoders give for the same rows, the metadata columns, the error rows; the desktop's
 * cache answers every row the job encoded; {@code dev.fusionlab.embeddings} opens the folder.
 *
 * <p>The job runs once for the class (a Spark session and two model loads cost tens of seconds on 2 cores);
 * each test checks one promise about its output.
 */
class SparkEncodeJobTest {

    private static final String[] LABELS = {"circle", "square", "stripes"};
    private static final int PER_LABEL = 5;

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path dataset;
    private static Path out;
    private static Path cache;
    private static SparkEncodeJob.Summary summary;

    @BeforeAll
    static void runJob() throws IOException {
        dataset = makeDataset(tmp.resolve("shapes"));
        out = tmp.resolve("out");
        cache = tmp.resolve("cache");
        spark = SparkSession.builder().master("local[2]").appName("fusionlab-encode-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        JobOptions options = new JobOptions(null, null, cache.toString(), null, 4, 1);
        summary = SparkEncodeJob.run(spark, new SparkEncodeJob.Request(dataset, out.toString(), options,
                DatasetOptions.defaults(), 3, 0, false));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void countsEveryRowOnceAndWritesTheManifest() throws IOException {
        assertThat(summary.rows()).isEqualTo(3 * PER_LABEL + 3);
        assertThat(summary.encoded()).isEqualTo(3 * PER_LABEL);
        assertThat(summary.errors()).isEqualTo(3);
        JsonNode json = new ObjectMapper().readTree(out.resolve(SparkEncodeJob.MANIFEST).toFile());
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.get("image_encoder").get("id").asText()).isEqualTo(EncoderCatalog.DEFAULT_IMAGE);
        assertThat(json.get("image_encoder").get("weights_sha256").asText()).hasSize(64);
        assertThat(json.get("image_encoder").get("dimension").asInt()).isEqualTo(1280);
        assertThat(json.get("image_encoder").get("pipeline").asText()).startsWith("image;decoding=");
        assertThat(json.get("text_encoder").get("pipeline").asText()).startsWith("text;encoding=");
        assertThat(json.get("text_encoder").get("dimension").asInt()).isEqualTo(384);
        assertThat(json.get("encoded").asLong()).isEqualTo(15);
        assertThat(json.get("error_count").asLong()).isEqualTo(3);
        assertThat(json.get("partitions").asInt()).isEqualTo(3);
        assertThat(shards(out.resolve(SparkEncodeJob.EMBEDDINGS_DIR))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void shardsHoldTheMetadataInTheDatasetsOrder() {
        MetadataTable meta = ParquetTables.readMetadata(out.resolve(SparkEncodeJob.EMBEDDINGS_DIR));
        assertThat(meta.columns()).containsExactly("id", "image", "text", "label", "split", "group", "colour");
        List<String> ids = meta.values(meta.column("id"));
        assertThat(ids).containsExactlyElementsOf(goodIds());
        for (String[] row : meta.rows()) {
            String id = row[meta.column("id")];
            String label = id.substring(0, id.indexOf('-'));
            assertThat(row[meta.column("label")]).isEqualTo(label);
            assertThat(row[meta.column("text")]).isEqualTo("a drawing of " + label + " number " + id.substring(id.indexOf('-') + 1));
            assertThat(Path.of(row[meta.column("image")])).isEqualTo(dataset.resolve("images").resolve(id + ".png").toAbsolutePath());
            assertThat(row[meta.column("split")]).isIn("train", "validation", "test");
            assertThat(row[meta.column("colour")]).isEqualTo(colourName(label));
        }
    }

    /**
     * Against the desktop's encoders opened afresh (no cache) on the same rows: equal to within 1e-5 per value.
     * Not required bit-identical: the job hands the network other batches (per partition) than a desktop run,
     * and a CPU kernel may sum in another order for another batch size; what was observed is printed.
     */
    @Test
    void shardsHoldWhatTheDesktopEncodersGive() throws IOException {
        Path dir = out.resolve(SparkEncodeJob.EMBEDDINGS_DIR);
        EmbeddingMatrix images = ParquetTables.readVectors(dir, EncodeRows.IMAGE_EMBEDDING);
        EmbeddingMatrix texts = ParquetTables.readVectors(dir, EncodeRows.TEXT_EMBEDDING);
        assertThat(images.ids()).containsExactlyElementsOf(goodIds());
        assertThat(images.dimension()).isEqualTo(1280);
        assertThat(texts.dimension()).isEqualTo(384);
        List<Path> paths = goodIds().stream().map(id -> dataset.resolve("images").resolve(id + ".png")).toList();
        List<String> captions = goodIds().stream().map(SparkEncodeJobTest::caption).toList();
        try (Encoder<Path> image = EncoderCatalog.openImage(EncoderCatalog.DEFAULT_IMAGE, EncoderCatalog.DEFAULT_IMAGE_BATCH_SIZE);
             Encoder<String> text = EncoderCatalog.openText(EncoderCatalog.DEFAULT_TEXT, EncoderCatalog.DEFAULT_BATCH_SIZE)) {
            double imageDiff = maxDiff(images.rows(), image.encode(paths, TaskContext.silent()));
            double textDiff = maxDiff(texts.rows(), text.encode(captions, TaskContext.silent()));
            System.out.printf("spark vs desktop encoders: max |diff| image %.3g, text %.3g%n", imageDiff, textDiff);
            assertThat(imageDiff).isLessThanOrEqualTo(1e-5);
            assertThat(textDiff).isLessThanOrEqualTo(1e-5);
        }
    }

    /** The job filled the desktop's cache file with the desktop's keys: a desktop encoder finds every row there. */
    @Test
    void theDesktopCacheAnswersEveryRowTheJobEncoded() throws IOException {
        Path dir = out.resolve(SparkEncodeJob.EMBEDDINGS_DIR);
        EmbeddingMatrix images = ParquetTables.readVectors(dir, EncodeRows.IMAGE_EMBEDDING);
        EmbeddingMatrix texts = ParquetTables.readVectors(dir, EncodeRows.TEXT_EMBEDDING);
        List<Path> paths = goodIds().stream().map(id -> dataset.resolve("images").resolve(id + ".png")).toList();
        List<String> captions = goodIds().stream().map(SparkEncodeJobTest::caption).toList();
        try (var imageEncoder = EncoderCatalog.lazyImage(EncoderCatalog.DEFAULT_IMAGE, 8);
             var textEncoder = EncoderCatalog.lazyText(EncoderCatalog.DEFAULT_TEXT, 32)) {
            CachingEncoder<Path> cachedImages = new CachingEncoder<>(new Refusing<>(imageEncoder.identity()),
                    EmbeddingCache.open(cache, imageEncoder.identity()), ContentKey.imageFile());
            CachingEncoder<String> cachedTexts = new CachingEncoder<>(new Refusing<>(textEncoder.identity()),
                    EmbeddingCache.open(cache, textEncoder.identity()), ContentKey.text());
            EncodeResult fromCacheImages = cachedImages.encode(paths, TaskContext.silent());
            EncodeResult fromCacheTexts = cachedTexts.encode(captions, TaskContext.silent());
            assertThat(cachedImages.misses()).isZero();
            assertThat(cachedTexts.misses()).isZero();
            assertThat(maxDiff(images.rows(), fromCacheImages)).isZero(); // the very vectors the job wrote
            assertThat(maxDiff(texts.rows(), fromCacheTexts)).isZero();
            cachedImages.close();
            cachedTexts.close();
        }
    }

    @Test
    void badItemsAreErrorRowsNamingTheProblem() {
        MetadataTable errors = ParquetTables.readMetadata(out.resolve(SparkEncodeJob.ERRORS_DIR));
        assertThat(errors.columns()).containsExactly("id", "image", "error");
        assertThat(errors.size()).isEqualTo(3);
        String corrupt = errorOf(errors, "corrupt");
        String truncated = errorOf(errors, "truncated");
        assertThat(corrupt).contains("not an image"); // ImageProbe: "file is text, not an image"
        assertThat(truncated).containsAnyOf("truncated", "corrupt");
        assertThat(errorOf(errors, "circle-0")).contains("duplicate id");
    }

    @Test
    void fusionLabOpensTheFolderOfShardsAsImageAndText() {
        Path dir = out.resolve(SparkEncodeJob.EMBEDDINGS_DIR);
        ImportSpec spec = EmbeddingImport.withPairedColumns(ImportSpec.of(
                List.of(EmbeddingSource.parse(dir.toString(), 0)), null, Alignment.ORDER));
        assertThat(spec.sources()).extracting(EmbeddingSource::column)
                .containsExactly(EncodeRows.IMAGE_EMBEDDING, EncodeRows.TEXT_EMBEDDING);
        ImportedEmbeddings opened = EmbeddingImport.open(spec, TaskContext.silent());
        assertThat(opened.isPaired()).isTrue();
        assertThat(opened.samples()).hasSize(15);
        assertThat(opened.samples().getFirst().label()).isEqualTo("circle");
        assertThat(opened.samples().getFirst().image()).isEqualTo(dataset.resolve("images/circle-0.png").toAbsolutePath());
        assertThat(opened.samples().getFirst().extra()).containsEntry("colour", "red");
        assertThat(opened.modalities().get(0).rows()[0]).hasSize(1280);
        assertThat(opened.modalities().get(1).rows()[0]).hasSize(384);
    }

    // ---- the dataset -------------------------------------------------------------------------------------

    private static Path makeDataset(Path root) throws IOException {
        Path images = Files.createDirectories(root.resolve("images"));
        StringBuilder csv = new StringBuilder("file_name,text,label,id,colour\n");
        Random random = new Random(7);
        for (String label : LABELS) {
            for (int i = 0; i < PER_LABEL; i++) {
                String id = label + "-" + i;
                ImageIO.write(draw(label, random), "png", images.resolve(id + ".png").toFile());
                csv.append("images/").append(id).append(".png,").append(caption(id)).append(',').append(label)
                        .append(',').append(id).append(',').append(colourName(label)).append('\n');
            }
        }
        Files.writeString(images.resolve("corrupt.png"), "this is not an image at all, only text saved as .png");
        byte[] png = Files.readAllBytes(images.resolve("square-0.png"));
        Files.write(images.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));
        csv.append("images/corrupt.png,a corrupt file,circle,corrupt,red\n");
        csv.append("images/truncated.png,a truncated file,square,truncated,green\n");
        csv.append("images/square-1.png,the same id again,square,circle-0,green\n");
        Files.writeString(root.resolve("metadata.csv"), csv);
        return root;
    }

    private static BufferedImage draw(String label, Random random) {
        BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(60) + 190, random.nextInt(60) + 190, random.nextInt(60) + 190));
        g.fillRect(0, 0, 96, 96);
        g.setColor(switch (label) {
            case "circle" -> Color.RED;
            case "square" -> Color.GREEN.darker();
            default -> Color.BLUE;
        });
        int x = 10 + random.nextInt(30);
        int y = 10 + random.nextInt(30);
        switch (label) {
            case "circle" -> g.fillOval(x, y, 40, 40);
            case "square" -> g.fillRect(x, y, 40, 40);
            default -> {
                for (int k = 0; k < 96; k += 12) {
                    g.fillRect(0, k, 96, 5);
                }
            }
        }
        g.dispose();
        return image;
    }

    private static String caption(String id) {
        return "a drawing of " + id.substring(0, id.indexOf('-')) + " number " + id.substring(id.indexOf('-') + 1);
    }

    private static String colourName(String label) {
        return switch (label) {
            case "circle" -> "red";
            case "square" -> "green";
            default -> "blue";
        };
    }

    private static List<String> goodIds() {
        List<String> ids = new ArrayList<>();
        for (String label : LABELS) {
            for (int i = 0; i < PER_LABEL; i++) {
                ids.add(label + "-" + i);
            }
        }
        return ids;
    }

    private static List<Path> shards(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
        }
    }

    private static String errorOf(MetadataTable errors, String id) {
        return errors.rows().stream().filter(r -> r[0].equals(id)).map(r -> r[2]).findFirst()
                .orElseThrow(() -> new AssertionError("no error row for " + id));
    }

    private static double maxDiff(float[][] expected, EncodeResult actual) {
        assertThat(actual.size()).isEqualTo(expected.length);
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            float[] v = actual.vector(i);
            assertThat(v).hasSize(expected[i].length);
            for (int j = 0; j < v.length; j++) {
                max = Math.max(max, Math.abs(v[j] - expected[i][j]));
            }
        }
        return max;
    }

    /** An encoder that must never be asked: every row should come from the cache. */
    private record Refusing<I>(EncoderIdentity identity) implements Encoder<I> {
        @Override
        public EncodeResult encode(List<I> inputs, TaskContext ctx) {
            throw new AssertionError("asked to encode " + inputs.size() + " inputs the cache should hold");
        }

        @Override
        public void close() {
        }
    }
}
