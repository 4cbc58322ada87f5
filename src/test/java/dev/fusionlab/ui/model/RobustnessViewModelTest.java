package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.encode.Modality;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.export.chart.ChartSeries;
import dev.fusionlab.export.chart.LineChartSpec;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.playground.Control;
import dev.fusionlab.playground.Playground;
import dev.fusionlab.playground.Preset;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.robustness.AblationCondition;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The robustness view's state on a real (small, synthetic) trained run: the ablation table, the noise chart,
 * and the flips colouring agreeing with the table; no display.
 */
class RobustnessViewModelTest {

    private static RunResult trained;

    @BeforeAll
    static void train() {
        trained = Playground.run(Preset.COMPLEMENTARY.settings(42).with(Control.SAMPLES, 240), "complementary",
                Playground.config("complementary", ClassifierKind.SOFTMAX, 42).withProjection(ProjectionMethod.PCA),
                TaskContext.silent()).result();
    }

    private final QueuedExecutor ui = new QueuedExecutor();
    private final WorkbenchViewModel workbench = new WorkbenchViewModel(new FakeWorkbenchServices(trained), ui);
    private final RobustnessViewModel vm = workbench.robustness();

    private void computeAndWait() throws InterruptedException {
        workbench.showResult(trained);
        assertThat(vm.canComputeBinding().get()).isTrue();
        assertThat(vm.compute()).isTrue();
        ui.drainUntil(() -> !workbench.task().isRunning());
    }

    @Test
    void tableHasEveryConditionAndIntactIsTheRunsOwnScore() throws Exception {
        computeAndWait();

        assertThat(vm.rows()).extracting(RobustnessViewModel.ConditionRow::condition)
                .containsExactlyElementsOf(AblationCondition.standard().stream().map(AblationCondition::name).toList());
        Evaluation own = trained.evaluate();
        RobustnessViewModel.ConditionRow intact = vm.rows().getFirst();
        for (Strategy s : Strategy.values()) {
            assertThat(intact.accuracy(s)).isCloseTo(own.metrics().get(s).accuracy(), Offset.offset(1e-9));
        }
        RobustnessViewModel.ConditionRow dropText = vm.rows().stream().filter(r -> r.condition().equals("drop_text")).findFirst().orElseThrow();
        assertThat(dropText.accuracy(Strategy.LATE)).isEqualTo(intact.accuracy(Strategy.IMAGE)); // late = the image alone
        assertThat(vm.conditionNames()).doesNotContain("intact").contains("shuffle_image");
    }

    @Test
    void noiseChartStartsAtTheIntactScoreAndFollowsTheNoiseRows() throws Exception {
        assertThat(vm.noiseChart(Modality.TEXT, 96)).isNull();
        computeAndWait();

        LineChartSpec chart = vm.noiseChart(Modality.TEXT, 96);
        assertThat(chart.xs()).containsExactly(0, 0.5, 1, 2);
        assertThat(chart.series()).extracting(ChartSeries::name).containsExactly("image", "text", "early", "late (mean)");
        double[] text = chart.series().get(Strategy.TEXT.ordinal()).values();
        assertThat(text[0]).isEqualTo(vm.reportProperty().get().get("intact", Strategy.TEXT).accuracy());
        assertThat(text[3]).isEqualTo(vm.reportProperty().get().get("noise_text_2", Strategy.TEXT).accuracy());
        assertThat(chart.series().get(Strategy.IMAGE.ordinal()).values()) // noise on the text leaves the image alone
                .containsOnly(vm.reportProperty().get().get("intact", Strategy.IMAGE).accuracy());
    }

    @Test
    void flipsColourTheTestSamplesAndAgreeWithTheTable() throws Exception {
        computeAndWait();
        workbench.activeStrategyProperty().set(Strategy.EARLY);
        workbench.projection().colourModeProperty().set(ColourMode.FLIPS);
        assertThat(workbench.projection().colouringProperty().get().title()).contains("compute the ablation");

        vm.flipConditionProperty().set("shuffle_text");
        ui.drainUntil(() -> !workbench.task().isRunning());

        PointColouring colours = workbench.projection().colouringProperty().get();
        assertThat(colours.title()).isEqualTo("early flips under shuffle_text");
        int rightToWrong = 0, wrongToRight = 0, scored = 0;
        for (int i = 0; i < colours.category().length; i++) {
            boolean test = trained.samples().get(i).split() == dev.fusionlab.data.Split.TEST;
            assertThat(colours.category()[i] >= 0).isEqualTo(test);
            scored += test ? 1 : 0;
            rightToWrong += colours.category()[i] == 0 ? 1 : 0;
            wrongToRight += colours.category()[i] == 1 ? 1 : 0;
        }
        double drop = vm.reportProperty().get().get("intact", Strategy.EARLY).accuracy()
                - vm.reportProperty().get().get("shuffle_text", Strategy.EARLY).accuracy();
        assertThat(rightToWrong).isPositive();
        assertThat((rightToWrong - wrongToRight) / (double) scored).isCloseTo(drop, Offset.offset(1e-9));

        workbench.showResult(TestRuns.clusters(30, null)); // another run: its ablation is not this one
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.rows()).isEmpty();
        assertThat(workbench.projection().flipsProperty().get()).isNull();
        assertThat(vm.canComputeBinding().get()).isFalse(); // a hand-made result keeps no models
    }
}
