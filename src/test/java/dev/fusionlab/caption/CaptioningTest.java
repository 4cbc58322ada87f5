package dev.fusionlab.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.TaskContext;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole experiment on synthetic embeddings: models, baselines, several references per image, cache, files. */
class CaptioningTest {

    private static final SyntheticCaptions DATA = new SyntheticCaptions(30, 9);
    private static final CaptioningSettings SETTINGS = new CaptioningSettings(3, 2, 25);

    /**
     * The synthetic rows as an encoded dataset. With {@code captionsPerImage} > 1, consecutive rows of a
     * cluster share one image (and split), as the captions of a Flickr-style captions file do, and the
     * second caption of an image is reworded.
     */
    private static EncodedDataset encoded(boolean labelled, int captionsPerImage) {
        List<Sample> samples = new ArrayList<>();
        Split[] splits = new Split[DATA.captions.size()];
        for (int r : DATA.trainRows) {
            splits[r] = Split.TRAIN;
        }
        for (int r : DATA.validationRows) {
            splits[r] = Split.VALIDATION;
        }
        for (int r : DATA.testRows) {
            splits[r] = Split.TEST;
        }
        float[][] image = new float[DATA.image.length][];
        for (int i = 0; i < DATA.captions.size(); i++) {
            int imageRow = i - (i / 4) % captionsPerImage * 4; // the first row of the cluster's image group
            String text = imageRow == i ? DATA.captions.get(i) : "the " + DATA.captions.get(i);
            image[i] = DATA.image[imageRow];
            samples.add(new Sample("s" + i, Path.of("/images/" + imageRow + ".png"), text,
                    labelled ? DATA.labels.get(i) : null, splits[imageRow], null, null));
        }
        Dataset dataset = new Dataset(Path.of("/synthetic"), "synthetic", samples, List.of());
        return new EncodedDataset(dataset, samples, image, image, List.of(),
                List.of(new EncodedDataset.EncoderInfo("image", "synthetic", "0".repeat(64), SyntheticCaptions.DIM, 0, 0)));
    }

    private static TaskContext recording(List<String> stages) {
        return new TaskContext((stage, fraction, message) -> stages.add(stage + ": " + message), new CancellationToken());
    }

    @Test
    void trainsScoresAgainstBaselinesAndTakesTheSecondRunFromTheCache(@TempDir Path dir) throws Exception {
        CaptionModelCache cache = new CaptionModelCache(dir.resolve("cache"));
        List<String> first = new CopyOnWriteArrayList<>();
        CaptioningResult result = Captioning.run(encoded(true, 1), SETTINGS, cache, recording(first));

        assertThat(result.models()).containsOnlyKeys(Conditioning.IMAGE, Conditioning.IMAGE_AND_LABEL);
        assertThat(result.models().values()).noneMatch(CaptioningResult.Model::fromCache);
        assertThat(first).anyMatch(s -> s.startsWith(CaptionTrainer.STAGE + ": image epoch 1/"));
        assertThat(result.scores()).containsOnlyKeys("model_image", "model_image_greedy", "model_image_label",
                "model_image_label_greedy", "nearest_neighbour", "most_frequent_caption");
        assertThat(result.testImages()).isEqualTo(DATA.testRows.length);
        // the clusters are easy: the model and the nearest neighbour get every caption right
        assertThat(result.scores().get("model_image").bleu4()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(result.scores().get("nearest_neighbour").bleu4()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        // four clusters of equal size: the most frequent caption is right for a quarter of the images
        assertThat(result.mostFrequentCaption()).isIn(SyntheticCaptions.CAPTIONS);
        assertThat(result.scores().get("most_frequent_caption").bleu1()).isLessThan(0.7);

        Path out = dir.resolve("out");
        CaptioningReport.write(result, out);
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(out.resolve("captions.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        assertThat(rows).hasSize(DATA.testRows.length);
        assertThat(rows.getFirst().toMap()).containsKeys("id", "reference", "generated", "nearest_neighbour",
                "generated_with_label");
        for (CSVRecord row : rows) {
            assertThat(row.get("generated")).isEqualTo(row.get("reference"));
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("captioning.json").toFile());
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.at("/scores/model_image/cider_d").asDouble()).isPositive();
        assertThat(json.at("/models/image/from_cache").asBoolean()).isFalse();
        assertThat(json.at("/models/image_label/provenance/spec/conditioning").asText()).isEqualTo("image_label");

        List<String> second = new CopyOnWriteArrayList<>();
        CaptioningResult again = Captioning.run(encoded(true, 1), SETTINGS, cache, recording(second));
        assertThat(again.models().values()).allMatch(CaptioningResult.Model::fromCache);
        assertThat(second).noneMatch(s -> s.contains("epoch"));
        assertThat(again.scores()).isEqualTo(result.scores());
        assertThat(again.rows()).isEqualTo(result.rows());

        // a damaged cache file is reported and trained again
        Path file = cache.file(result.models().get(Conditioning.IMAGE).cacheKey());
        Files.write(file, new byte[] {1, 2, 3});
        List<String> third = new CopyOnWriteArrayList<>();
        CaptioningResult retrained = Captioning.run(encoded(true, 1), SETTINGS, cache, recording(third));
        assertThat(retrained.models().get(Conditioning.IMAGE).fromCache()).isFalse();
        assertThat(retrained.models().get(Conditioning.IMAGE_AND_LABEL).fromCache()).isTrue();
        assertThat(third).anyMatch(s -> s.contains(file.toString()) && s.contains("training again"));
        assertThat(retrained.scores()).isEqualTo(result.scores()); // same data and seed: the same model
        assertThat(Captioner.read(file).provenance().spec()).isEqualTo(SETTINGS.spec(Conditioning.IMAGE));

        // another seed is another model
        CaptioningResult reseeded = Captioning.run(encoded(true, 1), new CaptioningSettings(4, 2, 25), cache,
                TaskContext.silent());
        assertThat(reseeded.models().values()).noneMatch(CaptioningResult.Model::fromCache);
    }

    @Test
    void captionsOnlyDataUsesEveryReferenceOfAnImageAndNoLabelModel(@TempDir Path dir) {
        CaptioningResult result = Captioning.run(encoded(false, 2), SETTINGS, new CaptionModelCache(dir),
                TaskContext.silent());
        assertThat(result.models()).containsOnlyKeys(Conditioning.IMAGE);
        assertThat(result.scores()).containsOnlyKeys("model_image", "model_image_greedy", "nearest_neighbour",
                "most_frequent_caption");
        // two captions per image: each image captioned once, scored against both of its captions
        assertThat(result.testCaptions()).isEqualTo(2 * result.testImages());
        assertThat(result.rows()).allMatch(r -> r.generatedWithLabel() == null);
        // one caption of each image is the other plus "the", which BLEU's clipping against the best
        // reference forgives: exact captions score a perfect BLEU-1 whichever reference they match
        assertThat(result.scores().get("model_image").bleu1()).isGreaterThan(0.9);
    }

    @Test
    void namesTheDatasetWhenASplitHasNoCaption() {
        EncodedDataset all = encoded(false, 1);
        List<Sample> trainOnly = all.samples().stream().map(s -> s.withSplit(Split.TRAIN)).toList();
        EncodedDataset noTest = new EncodedDataset(all.dataset(), trainOnly, all.image(), all.text(), List.of(),
                all.encoders());
        assertThatThrownBy(() -> Captioning.run(noTest, SETTINGS, new CaptionModelCache(Path.of("/nonexistent")),
                TaskContext.silent()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/synthetic").hasMessageContaining("test split");
    }

    @Test
    void mostFrequentCaptionBreaksTiesByItsWordsFrequencies() {
        List<List<String>> tokens = java.util.stream.Stream.of("a dog", "a cat", "A dog!", "zebra", "a cat", "a bird",
                "red car", "blue car", "car").map(CaptionText::tokens).toList();
        assertThat(Captioning.mostFrequent(new int[] {0, 1, 2, 3, 4}, tokens)).isEqualTo("a cat"); // "a dog" ties at 2: c < d
        assertThat(Captioning.mostFrequent(new int[] {0, 1, 3}, tokens)).isEqualTo("a cat");
        // all once: word counts a 2, bird 1, cat 1, zebra 1 -> "a bird" and "a cat" average 1.5; b < c
        assertThat(Captioning.mostFrequent(new int[] {3, 5, 1}, tokens)).isEqualTo("a bird");
        // red 1 car 3 -> 2; blue car 2; car 3 -> "car"
        assertThat(Captioning.mostFrequent(new int[] {6, 7, 8}, tokens)).isEqualTo("car");
    }
}
