package dev.fusionlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.task.TaskContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generator alone (no training): determinism, shapes, splits, and the structure each control sets. */
class SyntheticGeneratorTest {

    private static EncodedDataset generate(GeneratorSettings s) {
        return SyntheticGenerator.generate(s, "test", TaskContext.silent());
    }

    @Test
    void sameSettingsGiveBitIdenticalDataAnotherSeedOtherData() {
        GeneratorSettings s = Preset.COMPLEMENTARY.settings(5).with(Control.SAMPLES, 200);
        EncodedDataset a = generate(s);
        EncodedDataset b = generate(s);
        EncodedDataset c = generate(s.withSeed(6));
        assertThat(a.image()).isDeepEqualTo(b.image());
        assertThat(a.text()).isDeepEqualTo(b.text());
        assertThat(a.samples()).isEqualTo(b.samples());
        assertThat(a.encoders()).isEqualTo(b.encoders());
        assertThat(Arrays.deepEquals(a.image(), c.image())).isFalse();
        assertThat(a.encoders().getFirst().weightsSha256()).isNotEqualTo(c.encoders().getFirst().weightsSha256());
    }

    @Test
    void shapesSamplesAndStratifiedSplits() {
        GeneratorSettings s = GeneratorSettings.defaults().with(Control.SAMPLES, 400).with(Control.IMAGE_DIM, 40)
                .with(Control.TEXT_DIM, 12);
        EncodedDataset d = generate(s);
        assertThat(d.image()).hasNumberOfRows(400);
        assertThat(d.image()[0]).hasSize(40);
        assertThat(d.text()[0]).hasSize(12);
        assertThat(d.samples()).allSatisfy(x -> assertThat(x.hasImage()).isFalse());
        assertThat(d.problems()).isEmpty();
        assertThat(d.dataset().classes()).containsExactly("c0", "c1", "c2", "c3");
        for (String label : d.dataset().classes()) {
            Map<Split, Long> perSplit = d.samples().stream().filter(x -> x.label().equals(label))
                    .collect(Collectors.groupingBy(Sample::split, Collectors.counting()));
            assertThat(perSplit).containsEntry(Split.TRAIN, 70L).containsEntry(Split.VALIDATION, 15L)
                    .containsEntry(Split.TEST, 15L);
        }
    }

    @Test
    void labelNoiseRedrawsAboutThatShareOfLabels() {
        GeneratorSettings s = GeneratorSettings.defaults().with(Control.SAMPLES, 2000).with(Control.LABEL_NOISE, 0.4);
        EncodedDataset d = generate(s);
        long changed = d.samples().stream().filter(x -> x.text().contains("by label noise")).count();
        // redrawn uniformly among 4 classes: 0.4 * 3/4 = 30 % change class
        assertThat(changed / 2000.0).isBetween(0.26, 0.34);
        assertThat(generate(s.with(Control.LABEL_NOISE, 0)).samples()).noneMatch(x -> x.text().contains("label noise"));
    }

    @Test
    void withOnlyInteractionNeitherModalityAloneSeparatesTheClassMeans() {
        GeneratorSettings direct = new GeneratorSettings(2, 4000, 16, 16, 3, 3, 0, 0, 0, 0, 1);
        GeneratorSettings xor = direct.with(Control.INTERACTION, 1);
        assertThat(classMeanGap(generate(direct), EncodedDataset::image)).isGreaterThan(3.5);
        assertThat(classMeanGap(generate(xor), EncodedDataset::image)).isLessThan(0.3);
        assertThat(classMeanGap(generate(xor), EncodedDataset::text)).isLessThan(0.3);
    }

    @Test
    void pureNoiseModalityHasNoClassSignal() {
        GeneratorSettings s = new GeneratorSettings(2, 4000, 16, 16, 0, 3, 0, 0, 0, 0, 1);
        assertThat(classMeanGap(generate(s), EncodedDataset::image)).isLessThan(0.3);
        assertThat(classMeanGap(generate(s), EncodedDataset::text)).isGreaterThan(3.5);
    }

    @Test
    void complementaryPairsIdentifyEveryClassOnlyTogether() {
        for (int k : new int[] {3, 4, 5, 8}) {
            java.util.Set<String> both = new java.util.HashSet<>();
            for (int c = 0; c < k; c++) {
                both.add(SyntheticGenerator.imagePair(c) + "/" + SyntheticGenerator.textPair(c, k));
                int sameImagePair = c ^ 1;
                if (sameImagePair < k) {
                    assertThat(SyntheticGenerator.textPair(sameImagePair, k)).isNotEqualTo(SyntheticGenerator.textPair(c, k));
                }
            }
            assertThat(both).as("classes %d", k).hasSize(k);
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheControl() {
        GeneratorSettings d = GeneratorSettings.defaults();
        assertThatThrownBy(() -> d.with(Control.IMAGE_DIM, 5)).hasMessageContaining("image_dim");
        assertThatThrownBy(() -> d.with(Control.SAMPLES, 10)).hasMessageContaining("samples");
        assertThatThrownBy(() -> d.with(Control.REDUNDANCY, 1.5)).hasMessageContaining("redundancy");
        assertThatThrownBy(() -> d.with(Control.CLASSES, 2).with(Control.COMPLEMENTARITY, 0.5))
                .hasMessageContaining("complementarity needs at least 3 classes");
        assertThatThrownBy(() -> Control.parse("snr")).hasMessageContaining("image_snr");
        assertThatThrownBy(() -> Preset.parse("nope")).hasMessageContaining("one-noisy");
    }

    @Test
    void cancellingStopsGenerationAndSweeps() {
        dev.fusionlab.task.CancellationToken token = new dev.fusionlab.task.CancellationToken();
        token.cancel();
        TaskContext cancelled = new TaskContext(dev.fusionlab.task.ProgressListener.NONE, token);
        assertThatThrownBy(() -> SyntheticGenerator.generate(GeneratorSettings.defaults(), "x", cancelled))
                .isInstanceOf(dev.fusionlab.task.CancelledException.class);
        assertThatThrownBy(() -> Sweep.run(GeneratorSettings.defaults(), "x",
                Playground.config("x", dev.fusionlab.classify.ClassifierKind.SOFTMAX, 1), SweepSpec.parse("seed=1:2:2"), cancelled))
                .isInstanceOf(dev.fusionlab.task.CancelledException.class);
    }

    @Test
    void controlsAndSweepsParse() {
        assertThat(Control.parse("image-snr")).isEqualTo(Control.IMAGE_SNR);
        assertThat(Control.IMAGE_SNR.option()).isEqualTo("--image-snr");
        SweepSpec spec = SweepSpec.parse("image_snr=0:3:4");
        assertThat(spec.values()).containsExactly(0, 1, 2, 3);
        assertThat(SweepSpec.parse("samples=100:200:3").values()).containsExactly(100, 150, 200);
        assertThat(SweepSpec.parse("classes=2:5:3").values()).containsExactly(2, 4, 5); // 3.5 rounds half up
        assertThatThrownBy(() -> SweepSpec.parse("image_snr=0:3")).hasMessageContaining("<control>=<from>:<to>:<steps>");
        assertThatThrownBy(() -> SweepSpec.parse("image_snr=0:3:1")).hasMessageContaining("at least 2 steps");
        assertThat(GeneratorSettings.defaults().toMap()).containsEntry("image_snr", 2.0).containsEntry("classes", 4L)
                .containsKeys(Arrays.stream(Control.values()).map(Control::key).toArray(String[]::new));
    }

    /** Distance between the means of class c0 and c1 rows, over the rows' per-dimension spread. */
    private static double classMeanGap(EncodedDataset d, Function<EncodedDataset, float[][]> modality) {
        float[][] x = modality.apply(d);
        List<Sample> s = d.samples();
        int dim = x[0].length;
        double[][] mean = new double[2][dim];
        int[] count = new int[2];
        for (int i = 0; i < x.length; i++) {
            String gen = s.get(i).text().substring("generated as c".length(), "generated as c".length() + 1);
            int c = Integer.parseInt(gen);
            count[c]++;
            for (int j = 0; j < dim; j++) {
                mean[c][j] += x[i][j];
            }
        }
        double gap = 0;
        for (int j = 0; j < dim; j++) {
            double diff = mean[0][j] / count[0] - mean[1][j] / count[1];
            gap += diff * diff;
        }
        return Math.sqrt(gap);
    }
}
