package dev.fusionlab.classify;

import dev.fusionlab.fuse.SyntheticModalities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.pytorch.jni.JniUtils;
import dev.fusionlab.data.Split;
import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.TaskContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTrainerTest {

    private static final SyntheticModalities DATA = SyntheticModalities.generate(400, 48, 24, 4, 1.0, 7);

    private static TrainedClassifier trainOnImage(ClassifierSpec spec) {
        return ClassifierTrainer.train(rows(Split.TRAIN), rows(Split.VALIDATION), DATA.classes(), spec,
                TaskContext.silent(), "train-test");
    }

    private static LabelledRows rows(Split split) {
        return LabelledRows.select(DATA.image(), DATA.labels(), DATA.rowsOf(split));
    }

    private static double accuracy(TrainedClassifier model, LabelledRows rows) {
        float[][] p = model.predictProba(rows.x());
        int right = 0;
        for (int r = 0; r < p.length; r++) {
            int best = 0;
            for (int c = 1; c < p[r].length; c++) {
                if (p[r][c] > p[r][best]) {
                    best = c;
                }
            }
            right += best == rows.y()[r] ? 1 : 0;
        }
        return right / (double) p.length;
    }

    @Test
    void bothKindsLearnWhatTheModalityShows() {
        // the image side separates 2 of the 4 classes and lumps 2: (2 + 1) / 4 = 75 % is the ceiling, 25 % chance
        for (ClassifierKind kind : ClassifierKind.values()) {
            TrainedClassifier model = trainOnImage(ClassifierSpec.defaults(kind, 1));
            assertThat(accuracy(model, rows(Split.TEST))).as(kind.name()).isGreaterThan(0.5);
            assertThat(model.provenance().featureDim()).isEqualTo(48);
            assertThat(model.provenance().trainSize()).isEqualTo(rows(Split.TRAIN).size());
        }
    }

    @Test
    void sameSeedGivesIdenticalProbabilitiesAndAnotherSeedDoesNot() {
        ClassifierSpec spec = ClassifierSpec.defaults(ClassifierKind.MLP, 3).withMaxEpochs(5);
        float[][] first = trainOnImage(spec).predictProba(rows(Split.TEST).x());
        float[][] again = trainOnImage(spec).predictProba(rows(Split.TEST).x());
        float[][] other = trainOnImage(spec.withSeed(4)).predictProba(rows(Split.TEST).x());
        assertThat(again).isDeepEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void stopsEarlyOnASeparableProblemAndKeepsTheBestEpoch() {
        SyntheticModalities easy = SyntheticModalities.generate(200, 16, 4, 2, 0.05, 11);
        ClassifierSpec spec = new ClassifierSpec(ClassifierKind.SOFTMAX, 0, 0.05, 0, 500, 5, 32, 1);
        LabelledRows train = LabelledRows.select(easy.image(), easy.labels(), easy.rowsOf(Split.TRAIN));
        LabelledRows val = LabelledRows.select(easy.image(), easy.labels(), easy.rowsOf(Split.VALIDATION));
        List<String> messages = new ArrayList<>();
        TrainedClassifier model = ClassifierTrainer.train(train, val, easy.classes(), spec,
                new TaskContext((stage, f, m) -> messages.add(m), new CancellationToken()), "train-easy");
        ClassifierProvenance p = model.provenance();
        assertThat(p.stoppedEarly()).isTrue();
        assertThat(p.epochsRun()).isLessThan(500);
        assertThat(p.bestEpoch()).isLessThanOrEqualTo(p.epochsRun());
        assertThat(p.bestValidationAccuracy()).isEqualTo(1.0);
        // the kept weights are those of the best epoch: their accuracy on the validation rows is the recorded one
        assertThat(accuracy(model, val)).isEqualTo(p.bestValidationAccuracy());
        assertThat(messages).hasSizeGreaterThanOrEqualTo(p.epochsRun());
    }

    @Test
    void withoutValidationRowsRunsEveryEpochAndKeepsTheLast() {
        LabelledRows none = new LabelledRows(new float[0][], new int[0]);
        int threadsBefore = JniUtils.getNumThreads();
        TrainedClassifier model = ClassifierTrainer.train(rows(Split.TRAIN), none, DATA.classes(),
                ClassifierSpec.defaults(ClassifierKind.SOFTMAX, 1).withMaxEpochs(4), TaskContext.silent(), "train-all");
        assertThat(model.provenance().epochsRun()).isEqualTo(4);
        assertThat(model.provenance().bestEpoch()).isEqualTo(4);
        assertThat(model.provenance().validationSize()).isZero();
        assertThat(model.provenance().bestValidationLoss()).isNaN();
        assertThat(JniUtils.getNumThreads()).as("PyTorch's thread count is restored").isEqualTo(threadsBefore);
    }

    @Test
    void cancellationStopsTraining() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> ClassifierTrainer.train(rows(Split.TRAIN), rows(Split.VALIDATION), DATA.classes(),
                ClassifierSpec.defaults(ClassifierKind.SOFTMAX, 1), new TaskContext((s, f, m) -> { }, token), "train-x"))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void rejectsLabelsOutsideTheClasses() {
        LabelledRows bad = new LabelledRows(new float[][] {{1f, 2f}}, new int[] {4});
        assertThatThrownBy(() -> ClassifierTrainer.train(bad, bad, List.of("a", "b"),
                ClassifierSpec.defaults(ClassifierKind.SOFTMAX, 1), TaskContext.silent(), "train-bad"))
                .hasMessageContaining("label 4");
    }
}
