package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.export.chart.ChartSeries;
import dev.fusionlab.export.chart.LineChartSpec;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.playground.Control;
import dev.fusionlab.playground.GeneratorSettings;
import dev.fusionlab.playground.PlaygroundRun;
import dev.fusionlab.playground.Preset;
import dev.fusionlab.playground.SweepResult;
import dev.fusionlab.playground.SweepSpec;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The playground panel's state: presets, controls to a request, sweep scores to chart series; no display. */
class PlaygroundViewModelTest {

    private final RunResult shown = TestRuns.clusters(30, null);
    private final AtomicReference<GeneratorSettings> asked = new AtomicReference<>();
    private final AtomicReference<String> askedName = new AtomicReference<>();
    private final AtomicReference<RunConfig> askedConfig = new AtomicReference<>();
    private final AtomicReference<SweepSpec> askedSweep = new AtomicReference<>();
    private final QueuedExecutor ui = new QueuedExecutor();
    private final WorkbenchViewModel workbench = new WorkbenchViewModel(new FakeWorkbenchServices(shown) {
        @Override
        public PlaygroundRun playground(GeneratorSettings settings, String name, RunConfig config, TaskContext context,
                                        LiveLayouts live) {
            asked.set(settings);
            askedName.set(name);
            askedConfig.set(config);
            return new PlaygroundRun(name, settings, shown);
        }

        @Override
        public SweepResult sweep(GeneratorSettings base, String name, RunConfig config, SweepSpec spec, TaskContext context) {
            asked.set(base);
            askedConfig.set(config);
            askedSweep.set(spec);
            double[] values = spec.values();
            List<SweepResult.Point> points = new java.util.ArrayList<>();
            for (int p = 0; p < values.length; p++) {
                points.add(new SweepResult.Point(values[p], scores(p)));
            }
            return new SweepResult(name, spec, base, config, points);
        }
    }, ui);
    private final PlaygroundViewModel vm = workbench.playground();

    /** Accuracy of strategy s at point p: (s + 1 + p) correct of 10 (predictable, different per series and point). */
    private static Map<Strategy, ClassificationMetrics> scores(int p) {
        Map<Strategy, ClassificationMetrics> m = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            int right = s.ordinal() + 1 + p;
            int[] truth = new int[10], predicted = new int[10];
            for (int i = right; i < 10; i++) {
                predicted[i] = 1;
            }
            m.put(s, ClassificationMetrics.of(truth, predicted, List.of("a", "b")));
        }
        return m;
    }

    @Test
    void aPresetSetsEveryControlItsClassifierAndExplanation() {
        vm.presetProperty().set(Preset.XOR);

        assertThat(vm.settings()).isEqualTo(Preset.XOR.settings(42));
        assertThat(vm.classifierProperty().get()).isEqualTo(ClassifierKind.MLP);
        assertThat(vm.explanationProperty().get()).isEqualTo(Preset.XOR.explanation());
        assertThat(vm.name()).isEqualTo("xor");
        assertThat(vm.sweepSpec()).isEqualTo(new SweepSpec(Control.INTERACTION, 0, 1, 5));

        vm.control(Control.SAMPLES).set(200);
        assertThat(vm.name()).isEqualTo("custom");
        vm.control(Control.SEED).set(7);
        vm.presetProperty().set(Preset.ONE_NOISY); // keeps the chosen seed
        assertThat(vm.settings()).isEqualTo(Preset.ONE_NOISY.settings(7));
        assertThat(vm.classifierProperty().get()).isEqualTo(ClassifierKind.SOFTMAX);
    }

    @Test
    void runAsksForTheControlsSettingsAndShowsTheRunLikeAnyOther() throws Exception {
        vm.presetProperty().set(Preset.REDUNDANT);
        vm.control(Control.SAMPLES).set(240);
        vm.control(Control.LABEL_NOISE).set(0.1);
        vm.classifierProperty().set(ClassifierKind.MLP);
        workbench.settings().combinerProperty().set(LateCombiner.WEIGHTED);
        workbench.settings().imageWeightProperty().set(0.3);

        assertThat(vm.run()).isTrue();
        ui.drainUntil(() -> !workbench.task().isRunning());

        assertThat(asked.get()).isEqualTo(Preset.REDUNDANT.settings(42).with(Control.SAMPLES, 240).with(Control.LABEL_NOISE, 0.1));
        assertThat(askedName.get()).isEqualTo("custom");
        assertThat(askedConfig.get().classifier()).isEqualTo(ClassifierKind.MLP);
        assertThat(askedConfig.get().projection()).isEqualTo(ProjectionMethod.PCA);
        assertThat(askedConfig.get().combiner()).isEqualTo(LateCombiner.WEIGHTED);
        assertThat(askedConfig.get().imageWeight()).isEqualTo(0.3);
        assertThat(askedConfig.get().dataset()).isEqualTo("playground:custom");
        assertThat(workbench.resultProperty().get()).isSameAs(shown);
        assertThat(workbench.comparisonProperty().get()).isNotNull();
    }

    @Test
    void badSettingsDoNotStartAndSayWhichControl() {
        vm.presetProperty().set(Preset.COMPLEMENTARY);
        vm.control(Control.CLASSES).set(2); // complementarity needs 3 classes

        assertThat(vm.run()).isFalse();
        assertThat(vm.problemProperty().get()).contains("complementarity");
        assertThat(workbench.task().isRunning()).isFalse();

        vm.control(Control.CLASSES).set(4);
        vm.sweepStepsProperty().set(1);
        assertThat(vm.runSweep()).isFalse();
        assertThat(vm.problemProperty().get()).contains("2 steps");
    }

    @Test
    void sweepScoresBecomeOneSeriesPerStrategyAgainstTheControl() throws Exception {
        vm.presetProperty().set(Preset.COMPLEMENTARY);
        vm.sweepControlProperty().set(Control.IMAGE_SNR);
        vm.sweepFromProperty().set(0);
        vm.sweepToProperty().set(3);
        vm.sweepStepsProperty().set(4);
        assertThat(vm.chart(96)).isNull();

        assertThat(vm.runSweep()).isTrue();
        ui.drainUntil(() -> !workbench.task().isRunning());

        assertThat(askedSweep.get()).isEqualTo(new SweepSpec(Control.IMAGE_SNR, 0, 3, 4));
        LineChartSpec chart = vm.chart(150);
        assertThat(chart.dpi()).isEqualTo(150);
        assertThat(chart.xs()).containsExactly(0, 1, 2, 3);
        assertThat(chart.xLabel()).isEqualTo("image_snr");
        assertThat(chart.series()).extracting(ChartSeries::name).containsExactly("image", "text", "early", "late (mean)");
        for (Strategy s : Strategy.values()) {
            double[] expected = new double[4];
            for (int p = 0; p < 4; p++) {
                expected[p] = (s.ordinal() + 1 + p) / 10.0;
            }
            assertThat(chart.series().get(s.ordinal()).values()).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(workbench.resultProperty().get()).isNull(); // a sweep shows a chart, not a run
    }
}
