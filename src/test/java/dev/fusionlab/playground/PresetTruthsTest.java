package dev.fusionlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.task.TaskContext;
import org.junit.jupiter.api.Test;

/**
 * The documented truths of the presets, through the real pipeline (training with DJL, deterministic on CPU),
 * seed 42. Thresholds keep a margin around the measured values (in comments; test split 120 samples, 60 for
 * one-noisy), so they check the structure, not the last digit.
 */
class PresetTruthsTest {

    private static Evaluation run(Preset preset, ClassifierKind kind) {
        return result(preset, kind).result().evaluate();
    }

    private static PlaygroundRun result(Preset preset, ClassifierKind kind) {
        RunConfig config = Playground.config(preset.key(), kind, 42).withProjection(ProjectionMethod.PCA);
        return Playground.run(preset.settings(42), preset.key(), config, TaskContext.silent());
    }

    private static double acc(Evaluation e, Strategy s) {
        return e.metrics().get(s).accuracy();
    }

    @Test
    void redundantEveryFusionScoresAboutAsTheBetterModality() {
        Evaluation e = run(Preset.REDUNDANT, ClassifierKind.SOFTMAX); // image 0.675 text 0.842 early 0.850 late 0.850
        assertThat(acc(e, Strategy.TEXT)).isGreaterThan(acc(e, Strategy.IMAGE) + 0.1);
        for (Strategy fusion : new Strategy[] {Strategy.EARLY, Strategy.LATE}) {
            assertThat(acc(e, fusion)).as(fusion.key()).isBetween(acc(e, Strategy.TEXT) - 0.06, acc(e, Strategy.TEXT) + 0.05);
        }
    }

    @Test
    void complementaryBothFusionsBeatBothModalities() {
        Evaluation e = run(Preset.COMPLEMENTARY, ClassifierKind.SOFTMAX); // image 0.450 text 0.417 early 0.942 late 0.783
        double bestAlone = Math.max(acc(e, Strategy.IMAGE), acc(e, Strategy.TEXT));
        assertThat(bestAlone).isLessThan(0.6); // each alone cannot tell its pair apart: at most 0.5 plus noise
        assertThat(acc(e, Strategy.EARLY)).isGreaterThan(bestAlone + 0.3);
        assertThat(acc(e, Strategy.LATE)).isGreaterThan(bestAlone + 0.2);
    }

    @Test
    void xorOnlyEarlyFusionWithTheMlpLearnsTheInteraction() {
        Evaluation mlp = run(Preset.XOR, ClassifierKind.MLP); // image 0.533 text 0.433 early 0.958 late 0.492
        for (Strategy s : new Strategy[] {Strategy.IMAGE, Strategy.TEXT, Strategy.LATE}) {
            assertThat(acc(mlp, s)).as(s.key()).isBetween(0.5 - 0.12, 0.5 + 0.12);
        }
        assertThat(acc(mlp, Strategy.EARLY)).isGreaterThan(0.85);
        Evaluation softmax = run(Preset.XOR, ClassifierKind.SOFTMAX); // early 0.517: no linear boundary exists
        assertThat(acc(softmax, Strategy.EARLY)).isBetween(0.5 - 0.12, 0.5 + 0.12);
    }

    @Test
    void oneNoisyWeightedLateKeepsTheTextEarlyLosesToTheNoise() {
        PlaygroundRun run = result(Preset.ONE_NOISY, ClassifierKind.SOFTMAX);
        Evaluation e = run.result().evaluate(); // image 0.200 text 0.800 early 0.683, tuned image weight 0
        double tuned = run.result().models().tunedImageWeight();
        Evaluation weighted = run.result().evaluate(run.result().lateFusion(LateCombiner.WEIGHTED, tuned).fusion());
        assertThat(acc(e, Strategy.IMAGE)).isLessThan(0.4); // chance is 0.25
        assertThat(tuned).isLessThanOrEqualTo(0.2);
        assertThat(acc(weighted, Strategy.LATE)).isGreaterThanOrEqualTo(acc(e, Strategy.TEXT) - 0.02);
        assertThat(acc(e, Strategy.EARLY)).isLessThan(acc(e, Strategy.TEXT) - 0.05);
    }
}
