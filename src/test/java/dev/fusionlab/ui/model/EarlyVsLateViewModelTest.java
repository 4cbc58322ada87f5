package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Split;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.NeighbourSpace;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import dev.fusionlab.ui.model.EarlyVsLateViewModel.Case;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Early and late side by side without a display: the colours of both panes, the four cases counted by
 * hand on the hand-made run, one selection with every other view, and the neighbours' placeholders.
 */
class EarlyVsLateViewModelTest {

    private final RunResult run = TestRuns.clusters(60, null);
    private final QueuedExecutor ui = new QueuedExecutor();
    private final WorkbenchViewModel vm = new WorkbenchViewModel(new FakeWorkbenchServices(run), ui);
    private final EarlyVsLateViewModel model = new EarlyVsLateViewModel(vm, ui);

    private void idle() throws InterruptedException {
        ui.drainUntil(() -> !vm.task().isRunning());
    }

    /** The hand-made rule: early is wrong when i % 7 == 3; late (mean of image and text) as computed here. */
    private static boolean earlyRight(int i) {
        return i % 7 != 3;
    }

    @Test
    void bothPanesShowTheSameLayoutColouredByEachStrategysCorrectnessOnTheTestSplit() throws Exception {
        assertThat(model.casesProperty().get()).isNull();
        assertThat(model.scoreProperty(Strategy.EARLY).get()).isEmpty();
        vm.showResult(run);
        ProjectionViewModel early = model.pane(Strategy.EARLY), late = model.pane(Strategy.LATE);
        assertThat(early.layoutProperty().get().key().space()).isEqualTo(Space.FUSED);
        assertThat(late.layoutProperty().get().xs()).isEqualTo(early.layoutProperty().get().xs());
        assertThat(early.colouringProperty().get().title()).isEqualTo("early correct / wrong · test split");
        assertThat(late.colouringProperty().get().title()).isEqualTo("late correct / wrong · test split");

        int[] e = early.colouringProperty().get().category(), l = late.colouringProperty().get().category();
        int[] latePredicted = vm.predictionsProperty().get().predicted(Strategy.LATE);
        for (int i = 0; i < run.samples().size(); i++) {
            boolean test = run.samples().get(i).split() == Split.TEST;
            assertThat(e[i]).as("early, row %d", i).isEqualTo(!test ? -1 : earlyRight(i) ? 0 : 1);
            assertThat(l[i]).as("late, row %d", i).isEqualTo(!test ? -1 : latePredicted[i] == run.truth()[i] ? 0 : 1);
        }
        assertThat(Arrays.equals(e, l)).as("early and late differ somewhere on this run").isFalse();

        // the Explore switch turns both to every split, and back
        vm.projection().testOnlyProperty().set(false);
        assertThat(early.colouringProperty().get().title()).endsWith("· all splits");
        assertThat(late.colouringProperty().get().category()).doesNotContain(-1);
        model.testOnlyProperty().set(true);
        assertThat(vm.projection().testOnlyProperty().get()).isTrue();

        // space here, method as everywhere
        model.spaceProperty().set(Space.IMAGE);
        assertThat(late.layoutProperty().get().key().space()).isEqualTo(Space.IMAGE);
        assertThat(vm.projection().spaceProperty().get()).isEqualTo(Space.FUSED);
        model.spaceProperty().set(Space.FUSED);
        vm.projection().methodProperty().set(ProjectionMethod.PCA);
        assertThat(early.layoutProperty().get().key().method()).isEqualTo(ProjectionMethod.PCA);
    }

    @Test
    void theFourCasesAreCountedOnTheTestSplitAndFollowTheCombiner() throws Exception {
        vm.showResult(run);
        int[] late = vm.predictionsProperty().get().predicted(Strategy.LATE);
        int[] test = IntStream.range(0, 60).filter(i -> run.samples().get(i).split() == Split.TEST).toArray();
        int[] expected = new int[4];
        for (int i : test) {
            expected[Case.of(earlyRight(i), late[i] == run.truth()[i]).ordinal()]++;
        }
        EarlyVsLateViewModel.Cases cases = model.casesProperty().get();
        assertThat(Arrays.stream(Case.values()).mapToInt(cases::count).toArray()).containsExactly(expected);
        assertThat(cases.total()).isEqualTo(48); // every fifth of 60 is a training sample
        assertThat(cases.scope()).isEqualTo("of 48 test samples");
        assertThat(cases.count(Case.ONLY_EARLY) + cases.count(Case.ONLY_LATE)).isPositive();
        // the McNemar line counts the same disagreements
        assertThat(model.mcNemarProperty().get()).contains("on the "
                + (cases.count(Case.ONLY_EARLY) + cases.count(Case.ONLY_LATE)) + " test samples");
        // accuracy from the counts is the heading's
        double earlyAccuracy = (cases.count(Case.BOTH_RIGHT) + cases.count(Case.ONLY_EARLY)) / 48.0;
        assertThat(model.scoreProperty(Strategy.EARLY).get())
                .startsWith(String.format(java.util.Locale.ROOT, "test accuracy %.1f %%", 100 * earlyAccuracy));
        ui.drainUntil(() -> !model.intervalsProperty().get().isEmpty());
        assertThat(model.scoreProperty(Strategy.LATE).get()).contains("(95 % CI ");
        assertThat(model.title(Strategy.LATE)).startsWith("Late fusion (mean");

        // all splits: the labelled training samples count too
        vm.projection().testOnlyProperty().set(false);
        assertThat(model.casesProperty().get().total()).isEqualTo(60);
        assertThat(model.casesProperty().get().scope()).isEqualTo("of 60 labelled samples (all splits)");
        vm.projection().testOnlyProperty().set(true);

        // image weight 1: late fusion is the image classifier, right unless i % 4 == 1
        vm.settings().combinerProperty().set(LateCombiner.WEIGHTED);
        vm.settings().imageWeightProperty().set(1.0);
        int onlyLate = (int) IntStream.of(test).filter(i -> !earlyRight(i) && i % 4 != 1).count();
        assertThat(model.casesProperty().get().count(Case.ONLY_LATE)).isEqualTo(onlyLate);
        assertThat(model.title(Strategy.LATE)).contains("weighted");
    }

    @Test
    void aCaseIsSelectedInEveryViewAndOneSelectionAndHoverAreShared() throws Exception {
        vm.showResult(run);
        ProjectionViewModel early = model.pane(Strategy.EARLY), late = model.pane(Strategy.LATE);
        vm.projection().focusedProperty().set(0); // pointed out in Compare before
        assertThat(model.toggleCase(Case.BOTH_WRONG)).isTrue();
        assertThat(late.highlighted()).as("only the case is highlighted").containsExactly(
                model.casesProperty().get().rows().get(Case.BOTH_WRONG));
        int[] bothWrong = model.casesProperty().get().rows().get(Case.BOTH_WRONG);
        assertThat(bothWrong).isNotEmpty();
        assertThat(Arrays.stream(bothWrong).filter(EarlyVsLateViewModelTest::earlyRight)).isEmpty();
        assertThat(vm.projection().selectionProperty().get()).containsExactly(bothWrong);
        assertThat(late.selectionProperty().get()).containsExactly(bothWrong);
        assertThat(vm.linked().pane(Space.IMAGE).selectionProperty().get()).containsExactly(bothWrong);
        assertThat(vm.samples().shown()).extracting(SampleItem::index).containsExactlyElementsOf(
                Arrays.stream(bothWrong).boxed().toList());
        assertThat(model.selectedCaseProperty().get()).isEqualTo(Case.BOTH_WRONG);

        // the case follows the combiner: its points are recounted and reselected
        vm.settings().combinerProperty().set(LateCombiner.WEIGHTED);
        vm.settings().imageWeightProperty().set(0.0);
        assertThat(model.selectedCaseProperty().get()).isEqualTo(Case.BOTH_WRONG);
        assertThat(early.selectionProperty().get()).containsExactly(model.casesProperty().get().rows().get(Case.BOTH_WRONG));

        // again: cleared everywhere
        assertThat(model.toggleCase(Case.BOTH_WRONG)).isTrue();
        assertThat(model.selectedCaseProperty().get()).isNull();
        assertThat(vm.projection().selectionProperty().get()).isEmpty();

        // a click in one pane selects in the other and everywhere; it is no case
        model.toggleCase(Case.ONLY_EARLY);
        late.select(5);
        assertThat(early.selectionProperty().get()).containsExactly(5);
        assertThat(vm.projection().selectionProperty().get()).containsExactly(5);
        assertThat(model.selectedCaseProperty().get()).isNull();
        vm.linked().pane(Space.TEXT).select(8, 2);
        assertThat(late.selectionProperty().get()).containsExactly(2, 8);

        early.hoveredProperty().set(11);
        assertThat(late.highlighted()).contains(11);
        assertThat(vm.projection().hoveredProperty().get()).isEqualTo(11);
    }

    @Test
    void withoutARunThereIsNothingToCountOrSelect() {
        assertThat(model.toggleCase(Case.BOTH_RIGHT)).isFalse();
        assertThat(model.mcNemarProperty().get()).isEmpty();
        assertThat(model.pane(Strategy.EARLY).layoutProperty().get()).isNull();
    }

    @Test
    void neighboursSayWhatIsMissingOnlyWhenItIsMissing() throws Exception {
        NeighboursViewModel n = vm.neighbours();
        assertThat(n.placeholder(NeighbourSpace.JOINT)).isEqualTo("Run the pipeline to see neighbours");
        var binding = n.placeholderBinding(NeighbourSpace.JOINT);
        vm.showResult(TestRuns.withJointSpace(run));
        // the run has a joint space: before a selection, no claim that it lacks one
        assertThat(binding.get()).isEqualTo("Select a sample to see its neighbours");
        assertThat(n.placeholder(NeighbourSpace.IMAGE)).isEqualTo("Select a sample to see its neighbours");
        vm.projection().select(4);
        assertThat(binding.get()).isEqualTo("Looking up the neighbours\u2026");
        idle();
        assertThat(n.rows(NeighbourSpace.JOINT)).isNotEmpty();

        // a run without one says so, in the joint column only
        vm.showResult(run);
        assertThat(binding.get()).startsWith("No joint space in this run");
        assertThat(n.placeholder(NeighbourSpace.FUSED)).isEqualTo("Select a sample to see its neighbours");
        vm.projection().select(4);
        idle();
        assertThat(n.rows(NeighbourSpace.JOINT)).isEmpty();
        assertThat(n.rows(NeighbourSpace.FUSED)).isNotEmpty();
        assertThat(binding.get()).startsWith("No joint space in this run");
    }
}
