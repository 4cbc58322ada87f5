package dev.fusionlab.fuse;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.classify.ClassifierProvenance;
import dev.fusionlab.classify.ClassifierSpec;
import dev.fusionlab.classify.Strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.data.Split;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.task.TaskContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FusionTrainerTest {

    private static SyntheticModalities data;
    private static FusionInput input;
    private static FusionModels models;
    private static final List<String> STAGES = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void trainOnce() {
        data = SyntheticModalities.generate(480, 48, 24, 4, 1.5, 5);
        int[] labels = data.labels().clone();
        labels[0] = -1; // an unlabelled training row and an unlabelled test row
        int unlabelledTest = data.rowsOf(Split.TEST)[0];
        labels[unlabelledTest] = -1;
        input = new FusionInput(data.image(), data.text(), labels, data.splits(), data.classes());
        TaskContext ctx = new TaskContext((stage, f, m) -> STAGES.add(stage), new dev.fusionlab.task.CancellationToken());
        models = FusionTrainer.train(input, ClassifierSpec.defaults(ClassifierKind.SOFTMAX, 42),
                StackingSpec.defaults(), ctx);
    }

    private static Map<Strategy, ClassificationMetrics> testMetrics(LateCombiner combiner) {
        return Evaluation.onTest(input.labels(), input.splits(), models.probabilities(combiner, 0.5),
                input.classes()).metrics();
    }

    @Test
    void fusionBeatsEachModalityWhenEachSeesOnlyHalfTheClasses() {
        for (LateCombiner combiner : LateCombiner.values()) {
            Map<Strategy, ClassificationMetrics> m = testMetrics(combiner);
            double bestUnimodal = Math.max(m.get(Strategy.IMAGE).accuracy(), m.get(Strategy.TEXT).accuracy());
            // each modality alone separates 2 classes and lumps 2: capped near (2 + 1) / 4 = 75 %;
            // together they separate all 4 classes
            assertThat(bestUnimodal).isBetween(0.5, 0.85);
            assertThat(m.get(Strategy.EARLY).accuracy()).isGreaterThan(Math.max(0.9, bestUnimodal + 0.1));
            assertThat(m.get(Strategy.LATE).accuracy()).as(combiner.name())
                    .isGreaterThan(Math.max(0.9, bestUnimodal + 0.1));
        }
    }

    @Test
    void everyRowGetsProbabilitiesAndAFusedVectorButOnlyLabelledTrainingRowsAreLearnedFrom() {
        int n = input.size();
        assertThat(models.fused()).hasNumberOfRows(n);
        assertThat(models.fused()[0]).hasSize(48 + 24);
        models.probabilities(LateCombiner.MEAN, 0.5).forEach((strategy, p) -> assertThat(p).hasNumberOfRows(n));
        for (ClassifierProvenance p : models.provenance().values()) {
            assertThat(p.trainSize()).isEqualTo(input.labelledRows(Split.TRAIN).length);
            assertThat(p.validationSize()).isEqualTo(input.labelledRows(Split.VALIDATION).length);
            assertThat(p.classes()).isEqualTo(input.classes());
        }
        assertThat(models.early().featureDim()).isEqualTo(72);
        assertThat(models.tunedImageWeight()).isBetween(0.0, 1.0);
        assertThat(STAGES).contains("train-image", "train-text", "train-early", "train-stacking");
        assertThat(models.stacking().isAvailable()).isTrue();
    }

    @Test
    void fusedVectorsAreTheNormalisedBlocksSideBySide() {
        int row = 7;
        float[] image = models.normalisation().image().apply(input.image()[row]);
        float[] text = models.normalisation().text().apply(input.text()[row]);
        assertThat(java.util.Arrays.copyOfRange(models.fused()[row], 0, 48)).containsExactly(image);
        assertThat(java.util.Arrays.copyOfRange(models.fused()[row], 48, 72)).containsExactly(text);
    }

    @Test
    void lateFusionFromTheModelsMatchesTheStoredProbabilities() {
        float[][] image = models.normalisation().image().apply(input.image());
        float[][] text = models.normalisation().text().apply(input.text());
        assertThat(models.predictLate(image, text, new LateFusion.Formula(LateCombiner.WEIGHTED, 0.3)))
                .isDeepEqualTo(models.lateProbs(LateCombiner.WEIGHTED, 0.3));
    }

    @Test
    void withoutAStackingSpecNoStackerIsTrainedAndTheReasonSaysWhy() {
        SyntheticModalities small = SyntheticModalities.generate(120, 8, 6, 3, 2.0, 9);
        FusionInput in = new FusionInput(small.image(), small.text(), small.labels(), small.splits(), small.classes());
        List<String> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
        FusionModels plain = FusionTrainer.train(in, ClassifierSpec.defaults(ClassifierKind.SOFTMAX, 3).withMaxEpochs(5),
                new TaskContext((stage, f, m) -> stages.add(stage), new dev.fusionlab.task.CancellationToken()));

        assertThat(stages).contains("train-early").doesNotContain("train-stacking");
        assertThat(plain.stacking().isAvailable()).isFalse();
        assertThatThrownBy(() -> plain.lateProbs(LateCombiner.STACKING, 0.5))
                .hasMessageContaining(FusionTrainer.STACKING_NOT_REQUESTED);
    }

    @Test
    void refusesInputWithoutLabelledTrainingRows() {
        int[] none = new int[input.size()];
        java.util.Arrays.fill(none, -1);
        FusionInput unlabelled = new FusionInput(input.image(), input.text(), none, input.splits(), input.classes());
        assertThatThrownBy(() -> FusionTrainer.train(unlabelled, ClassifierSpec.defaults(ClassifierKind.SOFTMAX, 1),
                TaskContext.silent())).hasMessageContaining("no labelled sample");
    }

    @Test
    void inputRejectsMismatchedRowCounts() {
        assertThatThrownBy(() -> new FusionInput(new float[2][3], new float[3][3], new int[2],
                new Split[] {Split.TRAIN, Split.TEST}, List.of("a", "b")))
                .hasMessageContaining("row counts differ");
    }
}
