package dev.fusionlab.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.data.Split;
import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.TaskContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multimodal VAE on a tiny seeded set: shapes, a falling loss, determinism, the cache round trip. */
class MvaeTest {

    private static GenerativeData data;
    private static Mvae model;

    @BeforeAll
    static void train() {
        data = SyntheticPairs.of(64, 1);
        model = Mvae.train(data, SyntheticPairs.spec(7), "synthetic", TaskContext.silent());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void outputsHaveTheModelsShapes() {
        List<float[]> images = model.generateImages(data.textEmbeddings()[0], 3, 11);
        assertThat(images).hasSize(4);
        for (float[] image : images) {
            assertThat(image).hasSize(3 * SyntheticPairs.SIZE * SyntheticPairs.SIZE);
            for (float v : image) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
        float[][] texts = model.imputeTexts(new float[][] {data.pixels()[0], data.pixels()[1]});
        assertThat(texts).hasNumberOfRows(2);
        assertThat(texts[0]).hasSize(SyntheticPairs.TEXT_DIM);
        assertThat(norm(texts[0])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        float[][] latents = model.latents(data.pixels(), data.textEmbeddings());
        assertThat(latents).hasNumberOfRows(64);
        assertThat(latents[5]).hasSize(4);
        assertThat(model.decodeTexts(data.textEmbeddings())).hasNumberOfRows(64);
    }

    @Test
    void theLossFallsAndTheProvenanceSaysHowItWasTrained() {
        MvaeProvenance p = model.provenance();
        assertThat(p.epochsRun()).isEqualTo(SyntheticPairs.EPOCHS); // patience longer than the training
        assertThat(p.trainLosses()).hasSize(SyntheticPairs.EPOCHS);
        assertThat(p.validationLosses()).hasSize(SyntheticPairs.EPOCHS);
        assertThat(p.trainLosses().getLast()).isLessThan(0.8 * p.trainLosses().getFirst());
        // with the KL weight at 1 from epoch 3 on, the validation loss still falls
        assertThat(p.validationLosses().getLast()).isLessThan(p.validationLosses().get(2));
        assertThat(p.bestEpoch()).isBetween(3, SyntheticPairs.EPOCHS);
        assertThat(p.trainPairs()).isEqualTo(data.rows(Split.TRAIN).length);
        assertThat(p.validationPairs()).isEqualTo(8);
        assertThat(p.textEncoder()).isEqualTo("synthetic");
    }

    @Test
    void theModelLearnedWhichColourGoesWithWhichText() {
        // the generated image of each test caption is closer to its own class's image than to the others'
        int[] test = data.rows(Split.TEST);
        float[][] generated = model.decodeTexts(GenerationMeasures.select(data.textEmbeddings(), test));
        int right = 0;
        for (int i = 0; i < test.length; i++) {
            int nearest = Mvae.nearestByPixels(generated[i], data.pixels(), 1)[0];
            if (nearest % 4 == test[i] % 4) {
                right++;
            }
        }
        assertThat(right).as("right of %d", test.length)
                .isGreaterThanOrEqualTo(test.length - 2);
    }

    @Test
    void generationIsDeterministicBySeed() {
        float[] text = data.textEmbeddings()[3];
        List<float[]> a = model.generateImages(text, 2, 5);
        List<float[]> b = model.generateImages(text, 2, 5);
        List<float[]> c = model.generateImages(text, 2, 6);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i)).containsExactly(b.get(i));
        }
        assertThat(c.getFirst()).containsExactly(a.getFirst()); // the posterior mean does not depend on the seed
        assertThat(c.get(1)).isNotEqualTo(a.get(1));
    }

    @Test
    void trainingIsDeterministicBySeed() {
        try (Mvae again = Mvae.train(data, SyntheticPairs.spec(7), "synthetic", TaskContext.silent());
             Mvae other = Mvae.train(data, SyntheticPairs.spec(8), "synthetic", TaskContext.silent())) {
            assertThat(again.provenance().trainLosses()).isEqualTo(model.provenance().trainLosses());
            assertThat(again.weights()).isEqualTo(model.weights());
            assertThat(other.weights()).isNotEqualTo(model.weights());
        }
    }

    @Test
    void aStoredModelComesBackIdentical(@TempDir Path dir) throws Exception {
        MvaeStore store = new MvaeStore(dir);
        String key = MvaeStore.key(data.fingerprint(), "image", "text", SyntheticPairs.spec(7));
        assertThat(store.load(key)).isEmpty();
        store.save(key, model);
        try (Mvae loaded = store.load(key).orElseThrow()) {
            assertThat(loaded.provenance()).isEqualTo(model.provenance());
            assertThat(loaded.generateImages(data.textEmbeddings()[2], 1, 3).get(1))
                    .containsExactly(model.generateImages(data.textEmbeddings()[2], 1, 3).get(1));
            assertThat(loaded.imputeTexts(new float[][] {data.pixels()[4]})[0])
                    .containsExactly(model.imputeTexts(new float[][] {data.pixels()[4]})[0]);
        }
    }

    @Test
    void anUnreadableStoredModelIsTrainedAgainAndReplaced(@TempDir Path dir) throws Exception {
        MvaeStore store = new MvaeStore(dir);
        String key = "broken";
        java.nio.file.Files.createDirectories(store.folder(key));
        java.nio.file.Files.writeString(store.folder(key).resolve("provenance.json"), "{ not json");
        assertThat(store.load(key)).isEmpty();
        store.save(key, model);
        try (Mvae loaded = store.load(key).orElseThrow()) {
            assertThat(loaded.provenance()).isEqualTo(model.provenance());
        }
    }

    @Test
    void theKeyChangesWithTheDataTheEncodersAndTheSettings() {
        String fingerprint = data.fingerprint();
        String key = MvaeStore.key(fingerprint, "i", "t", SyntheticPairs.spec(7));
        assertThat(MvaeStore.key(fingerprint, "i", "t", SyntheticPairs.spec(7))).isEqualTo(key);
        assertThat(MvaeStore.key(fingerprint, "i", "t", SyntheticPairs.spec(8))).isNotEqualTo(key);
        assertThat(MvaeStore.key(fingerprint, "i", "t2", SyntheticPairs.spec(7))).isNotEqualTo(key);
        assertThat(MvaeStore.key(SyntheticPairs.of(64, 2).fingerprint(), "i", "t", SyntheticPairs.spec(7)))
                .isNotEqualTo(key);
    }

    @Test
    void withoutATestSplitThereIsNothingToMeasureAndItSaysSo() {
        GenerativeData noTest = new GenerativeData(data.samples().stream()
                .map(x -> x.split() == Split.TEST ? x.withSplit(Split.TRAIN) : x).toList(),
                data.pixels(), data.imageEmbeddings(), data.textEmbeddings(), List.of());
        Generation generation = new Generation(dev.fusionlab.pipeline.RunConfig.defaults(), null, noTest, model, "key",
                false, 0);
        GenerationMeasures measures = GenerationMeasures.measure(generation, TaskContext.silent());
        assertThat(measures.measured()).isFalse();
        assertThat(measures.missingModalityNote()).contains("test split is empty");
    }

    @Test
    void trainingStopsWhenCancelled() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> Mvae.train(data, SyntheticPairs.spec(7), "synthetic",
                new TaskContext(dev.fusionlab.task.ProgressListener.NONE, token)))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void tooFewTrainingPairsAreRefused() {
        GenerativeData two = SyntheticPairs.of(2, 1); // rows 0 (validation) and 1 (test): no training pair
        assertThatThrownBy(() -> Mvae.train(two, SyntheticPairs.spec(7), "synthetic", TaskContext.silent()))
                .hasMessageContaining("at least 2 training pairs");
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f * f;
        }
        return Math.sqrt(s);
    }
}
