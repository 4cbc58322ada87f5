package dev.fusionlab.fuse;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.classify.ClassifierSpec;
import dev.fusionlab.classify.ClassifierTrainer;
import dev.fusionlab.classify.LabelledRows;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.classify.TrainedClassifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.data.Split;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.TaskContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StackingTrainerTest {

    private static final ClassifierSpec SPEC = ClassifierSpec.defaults(ClassifierKind.SOFTMAX, 42);
    private static final List<String> MESSAGES = Collections.synchronizedList(new ArrayList<>());

    private static FusionInput input;
    private static FusionModels models;

    /**
     * Three classes in proportion 5 : 2 : 5. The image side shows class 0 and the rare class 1 as one blob
     * (class 2 apart), the text side class 1 and class 2 as one blob (class 0 apart). On a sample of class 1
     * each classifier therefore gives the rare class only its share of its blob, 2/7, and the frequent
     * neighbour 5/7: the mean of the two never picks class 1, while the pair of outputs (each side ruling out
     * one neighbour) identifies it exactly. A meta-classifier can learn that; the mean cannot.
     */
    static FusionInput rareClassHiddenBehindFrequentOnes(int groups, long seed) {
        Random random = new Random(seed);
        float[][] imageCentres = {point(16, random), null, point(16, random)};
        imageCentres[1] = imageCentres[0];
        float[][] textCentres = {point(16, random), point(16, random), null};
        textCentres[2] = textCentres[1];
        int[] pattern = {0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2};
        int n = groups * pattern.length;
        float[][] image = new float[n][];
        float[][] text = new float[n][];
        int[] labels = new int[n];
        Split[] splits = new Split[n];
        for (int r = 0; r < n; r++) {
            int c = pattern[r % pattern.length];
            labels[r] = c;
            image[r] = blob(imageCentres[c], random);
            text[r] = blob(textCentres[c], random);
            int slot = (r / pattern.length) % 10; // 70 / 10 / 20 by whole groups: every class in every split
            splits[r] = slot < 7 ? Split.TRAIN : slot < 8 ? Split.VALIDATION : Split.TEST;
        }
        return new FusionInput(image, text, labels, splits, List.of("frequent-a", "rare", "frequent-b"));
    }

    private static float[] point(int dim, Random random) {
        float[] p = new float[dim];
        for (int d = 0; d < dim; d++) {
            p[d] = (float) random.nextGaussian();
        }
        return p;
    }

    private static float[] blob(float[] centre, Random random) {
        float[] p = new float[centre.length];
        for (int d = 0; d < p.length; d++) {
            p[d] = (float) (centre[d] + 0.3 * random.nextGaussian());
        }
        return p;
    }

    @BeforeAll
    static void trainOnce() {
        input = rareClassHiddenBehindFrequentOnes(40, 3);
        TaskContext ctx = new TaskContext((stage, f, m) -> {
            if (stage.equals(StackingTrainer.STAGE)) {
                MESSAGES.add(m);
            }
        }, new CancellationToken());
        models = FusionTrainer.train(input, SPEC, StackingSpec.defaults(), ctx);
    }

    private static ClassificationMetrics lateOnTest(LateCombiner combiner) {
        Map<Strategy, float[][]> late = new EnumMap<>(Strategy.class);
        late.put(Strategy.LATE, models.lateProbs(combiner, 0.5));
        return Evaluation.onTest(input.labels(), input.splits(), late, input.classes()).metrics().get(Strategy.LATE);
    }

    @Test
    void stackingRecoversTheClassThatTheMeanCannotSee() {
        ClassificationMetrics mean = lateOnTest(LateCombiner.MEAN);
        ClassificationMetrics stacking = lateOnTest(LateCombiner.STACKING);
        // the mean misses the rare class (2/12 of the rows); stacking gets (nearly) everything
        assertThat(mean.perClass().get(1).recall()).isLessThan(0.2);
        assertThat(stacking.perClass().get(1).recall()).isGreaterThan(0.9);
        assertThat(stacking.accuracy()).isGreaterThan(Math.max(0.95, mean.accuracy() + 0.1));
        assertThat(stacking.macroF1()).isGreaterThan(mean.macroF1() + 0.2);
    }

    @Test
    void provenanceRecordsFoldsSeedFeaturesAndTheMetaClassifier() {
        StackerProvenance p = trained().stacker().provenance();
        assertThat(p.requestedFolds()).isEqualTo(5);
        assertThat(p.folds()).isEqualTo(5);
        assertThat(p.seed()).isEqualTo(42);
        assertThat(p.features()).isEqualTo(StackingSpec.defaults().features());
        assertThat(p.outOfFoldRows()).isEqualTo(input.labelledRows(Split.TRAIN).length);
        assertThat(p.metaClassifier().spec().kind()).isEqualTo(ClassifierKind.SOFTMAX);
        assertThat(p.metaClassifier().featureDim()).isEqualTo(2 * 3);
        assertThat(p.metaClassifier().trainSize()).isEqualTo(p.outOfFoldRows());
        assertThat(p.metaClassifier().validationSize()).isEqualTo(input.labelledRows(Split.VALIDATION).length);
        assertThat(p.trainMillis()).isGreaterThanOrEqualTo(p.metaClassifier().trainMillis());
    }

    @Test
    void progressIsReportedPerFoldUnderItsOwnStage() {
        for (int fold = 1; fold <= 5; fold++) {
            String prefix = "fold " + fold + "/5, ";
            assertThat(MESSAGES).anyMatch(m -> m.startsWith(prefix + "image"));
            assertThat(MESSAGES).anyMatch(m -> m.startsWith(prefix + "text"));
        }
        assertThat(MESSAGES).anyMatch(m -> m.startsWith("meta-classifier"));
        assertThat(MESSAGES.getLast()).startsWith("done: 5 folds");
    }

    @Test
    void eachOutOfFoldPredictionComesFromAModelThatNeverSawTheRow() {
        OutOfFoldPredictions oof = trained().outOfFold();
        StratifiedFolds folds = oof.folds();
        float[][] image = models.normalisation().image().apply(input.image());
        for (int row : new int[] {folds.rows()[0], folds.rows()[folds.rows().length - 1]}) {
            int fold = folds.foldOf(row);
            int[] trainedOn = folds.trainingRows(fold);
            assertThat(trainedOn).doesNotContain(row);
            // retraining the fold's image model on exactly those rows reproduces the stored prediction
            TrainedClassifier foldModel = ClassifierTrainer.train(LabelledRows.select(image, input.labels(), trainedOn),
                    LabelledRows.select(image, input.labels(), input.labelledRows(Split.VALIDATION)), input.classes(),
                    SPEC, TaskContext.silent(), "retrain");
            assertThat(foldModel.predictProba(new float[][] {image[row]})[0]).containsExactly(oof.image(row));
        }
    }

    @Test
    void theSameSeedGivesIdenticalStackedProbabilities() {
        float[][] again = StackingTrainer.train(normalised(), models.imageProbs(), models.textProbs(), SPEC,
                StackingSpec.defaults(), TaskContext.silent()).probabilities();
        assertThat(again).isDeepEqualTo(models.lateProbs(LateCombiner.STACKING, 0.5));
    }

    @Test
    void stackedProbabilitiesOfNewRowsComeFromTheFinalModelsAndTheStacker() {
        float[][] image = models.normalisation().image().apply(input.image());
        float[][] text = models.normalisation().text().apply(input.text());
        assertThat(models.predictLate(image, text, new LateFusion.Stacked(trained().stacker())))
                .isDeepEqualTo(models.lateProbs(LateCombiner.STACKING, 0.5));
    }

    @Test
    void fewTrainingRowsOfAClassMeanFewerFoldsAndTooFewMeanNoStacking() {
        FusionInput small = keepTrainingRowsOfClass(1, 3);
        assertThat(StackingTrainer.unavailableReason(small)).isEmpty();
        StackingOutcome reduced = StackingTrainer.train(small, models.imageProbs(), models.textProbs(),
                SPEC.withMaxEpochs(2), StackingSpec.defaults(), TaskContext.silent());
        assertThat(((StackingOutcome.Trained) reduced).stacker().provenance().folds()).isEqualTo(3);

        FusionInput tiny = keepTrainingRowsOfClass(1, 1);
        StackingOutcome skipped = StackingTrainer.train(tiny, models.imageProbs(), models.textProbs(), SPEC,
                StackingSpec.defaults(), TaskContext.silent());
        assertThat(skipped.isAvailable()).isFalse();
        assertThat(((StackingOutcome.Skipped) skipped).reason())
                .isEqualTo("stacking needs at least 2 labelled training rows per class; class 'rare' has 1");
        assertThatThrownBy(skipped::probabilities).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("class 'rare' has 1");
    }

    @Test
    void cancellationBetweenFoldsStopsTheStage() {
        CancellationToken token = new CancellationToken();
        TaskContext ctx = new TaskContext((stage, f, m) -> {
            if (m.startsWith("fold 2/")) {
                token.cancel();
            }
        }, token);
        assertThatThrownBy(() -> StackingTrainer.train(normalised(), models.imageProbs(), models.textProbs(), SPEC,
                StackingSpec.defaults(), ctx)).isInstanceOf(CancelledException.class);
    }

    private static StackingOutcome.Trained trained() {
        return (StackingOutcome.Trained) models.stacking();
    }

    private static FusionInput normalised() {
        return new FusionInput(models.normalisation().image().apply(input.image()),
                models.normalisation().text().apply(input.text()), input.labels(), input.splits(), input.classes());
    }

    /** The normalised input with only the first {@code keep} labelled training rows of class {@code c} left labelled. */
    private static FusionInput keepTrainingRowsOfClass(int c, int keep) {
        FusionInput all = normalised();
        int[] labels = all.labels().clone();
        int kept = 0;
        for (int r : all.labelledRows(Split.TRAIN)) {
            if (labels[r] == c && kept++ >= keep) {
                labels[r] = -1;
            }
        }
        return new FusionInput(all.image(), all.text(), labels, all.splits(), all.classes());
    }
}
