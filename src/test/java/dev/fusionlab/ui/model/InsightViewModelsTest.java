package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.NeighbourSpace;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Linked views, neighbours, faithfulness colouring, lessons and the first start, without a display. */
class InsightViewModelsTest {

    @TempDir
    Path dir;

    private final RunResult run = TestRuns.withJointSpace(TestRuns.clusters(60, null));
    private final AtomicInteger runs = new AtomicInteger();
    private final WorkbenchServices services = new FakeWorkbenchServices(run) {
        @Override
        public RunResult run(Dataset dataset, RunConfig config, TaskContext context, LiveLayouts live) {
            runs.incrementAndGet();
            return run;
        }
    };
    private final QueuedExecutor ui = new QueuedExecutor();
    private final WorkbenchViewModel vm = new WorkbenchViewModel(services, ui);

    private void idle() throws InterruptedException {
        ui.drainUntil(() -> !vm.task().isRunning());
    }

    private void show() throws InterruptedException {
        assertThat(vm.run()).isTrue();
        idle();
    }

    @Test
    void oneSelectionAndOneHoverAcrossTheMainProjectionAndTheThreeLinkedPanes() throws Exception {
        show();
        LinkedViewsViewModel linked = vm.linked();
        assertThat(linked.pane(Space.IMAGE).layoutProperty().get().key()).isEqualTo(new ProjectionKey(Space.IMAGE,
                ProjectionMethod.UMAP));
        assertThat(linked.pane(Space.FUSED).layoutProperty().get().size()).isEqualTo(60);
        assertThat(linked.pane(Space.TEXT).layoutProperty().get()).isNull(); // the hand-made run has no text UMAP

        linked.pane(Space.IMAGE).select(7, 3);
        assertThat(vm.projection().selectionProperty().get()).containsExactly(3, 7);
        assertThat(linked.pane(Space.TEXT).selectionProperty().get()).containsExactly(3, 7);
        assertThat(vm.samples().shown()).extracting(SampleItem::index).containsExactly(3, 7);

        vm.projection().selectRanked(9, 1, 5); // a search's hits keep their order everywhere
        assertThat(linked.pane(Space.FUSED).selectionProperty().get()).containsExactly(9, 1, 5);

        linked.pane(Space.FUSED).hoveredProperty().set(12);
        assertThat(vm.projection().hoveredProperty().get()).isEqualTo(12);
        assertThat(linked.pane(Space.IMAGE).highlighted()).contains(12);

        linked.pane(Space.TEXT).clearSelection();
        assertThat(vm.projection().selectionProperty().get()).isEmpty();

        vm.projection().colourModeProperty().set(ColourMode.AGREEMENT);
        assertThat(linked.pane(Space.IMAGE).colouringProperty().get().title())
                .isEqualTo(vm.projection().colouringProperty().get().title()).startsWith("early vs late fusion");
        vm.projection().methodProperty().set(ProjectionMethod.PCA);
        assertThat(linked.pane(Space.FUSED).layoutProperty().get().key().method()).isEqualTo(ProjectionMethod.PCA);
        assertThat(linked.pane(Space.IMAGE).spaceProperty().get()).isEqualTo(Space.IMAGE);
    }

    @Test
    void selectingOnePointListsItsNeighboursInEverySpaceInTheBackground() throws Exception {
        show();
        vm.neighbours().kProperty().set(6);
        vm.linked().pane(Space.IMAGE).select(4);
        idle();
        assertThat(vm.neighbours().queryProperty().get()).isEqualTo(4);
        assertThat(vm.neighbours().listsProperty().get().lists()).containsOnlyKeys(NeighbourSpace.values());
        var fused = vm.neighbours().rows(NeighbourSpace.FUSED);
        assertThat(fused).hasSize(6).extracting(NeighboursViewModel.NeighbourRow::rank).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(fused).allSatisfy(r -> assertThat(r.label()).isEqualTo("food")); // row 4 is class 4 % 3 = 1
        assertThat(vm.neighbours().sameLabelShare(NeighbourSpace.FUSED)).isEqualTo(1.0);

        Path csv = dir.resolve("n.csv");
        assertThat(vm.neighbours().exportCsv(csv)).isTrue();
        idle();
        var lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("query_id,space,rank,id,label,distance");
        assertThat(lines).filteredOn(l -> l.startsWith("s4,fused,")).hasSize(6);
        assertThat(lines).contains("query_id,overlap,space_a,space_b,jaccard");
        assertThat(lines).filteredOn(l -> l.startsWith("s4,overlap,")).hasSize(6);

        vm.projection().select(1, 2); // a group is no query: the last lists stay
        idle();
        assertThat(vm.neighbours().queryProperty().get()).isEqualTo(4);
        vm.projection().focusedProperty().set(9); // a disagreement picked in Compare is one
        idle();
        assertThat(vm.neighbours().listsProperty().get().row()).isEqualTo(9);
    }

    @Test
    void faithfulnessColoursEachPointByTheNeighboursItsLayoutKept() throws Exception {
        show();
        vm.projection().colourModeProperty().set(ColourMode.FAITHFULNESS);
        // before the background job: grey, said so
        assertThat(vm.projection().colouringProperty().get().title()).isEqualTo("faithfulness (computing)");
        idle();
        PointColouring c = vm.projection().colouringProperty().get();
        assertThat(c.title()).startsWith("neighbours kept");
        assertThat(c.legend()).hasSize(5);
        assertThat(java.util.Arrays.stream(c.category()).boxed().toList()).hasSize(60).allSatisfy(k -> assertThat(k).isBetween(0, 4));
        // the fused UMAP layout is the fused embedding's first two coordinates: faithful
        double umap = vm.faithfulness().mean(new ProjectionKey(Space.FUSED, ProjectionMethod.UMAP));
        assertThat(umap).isGreaterThan(0.5);
        // the linked image pane got its own layout's scores in the same job
        assertThat(vm.faithfulness().scores(new ProjectionKey(Space.IMAGE, ProjectionMethod.UMAP))).hasSize(60);
        assertThat(vm.linked().pane(Space.IMAGE).colouringProperty().get().title()).startsWith("neighbours kept");

        // the fused PCA layout of the hand-made run is the image layout: it scrambles fused neighbourhoods
        vm.projection().methodProperty().set(ProjectionMethod.PCA);
        idle();
        double pca = vm.faithfulness().mean(new ProjectionKey(Space.FUSED, ProjectionMethod.PCA));
        assertThat(pca).isLessThan(umap - 0.2);
        assertThat(vm.projection().colouringProperty().get().category())
                .isEqualTo(FaithfulnessColouring.of(vm.faithfulness().scores(vm.projection().key())).category());
        assertThat(FaithfulnessColouring.band(0.0)).isEqualTo(0);
        assertThat(FaithfulnessColouring.band(0.79)).isEqualTo(3);
        assertThat(FaithfulnessColouring.band(1.0)).isEqualTo(4);
    }

    @Test
    void lessonsStepThroughAndSetTheViewTheyNameOnly() throws Exception {
        show();
        LessonsViewModel lessons = vm.lessons();
        assertThat(lessons.steps()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(lessons.steps()).allSatisfy(s -> {
            assertThat(s.title()).isNotBlank();
            assertThat(s.text().split("[.!?] ").length).isBetween(2, 4); // two or three sentences
        });
        lessons.start();
        assertThat(lessons.showingProperty().get()).isTrue();
        assertThat(vm.projection().spaceProperty().get()).isEqualTo(Space.IMAGE);
        assertThat(lessons.placeProperty().get()).isEqualTo(LessonStep.Place.EXPLORE);
        assertThat(lessons.hasPreviousBinding().get()).isFalse();

        assertThat(lessons.next()).isTrue();
        assertThat(vm.projection().spaceProperty().get()).isEqualTo(Space.TEXT);
        vm.projection().colourModeProperty().set(ColourMode.PREDICTION); // the user explores in between
        assertThat(lessons.next()).isTrue();
        assertThat(vm.projection().spaceProperty().get()).isEqualTo(Space.FUSED);
        assertThat(vm.projection().colourModeProperty().get()).isEqualTo(ColourMode.LABEL);

        int missing = indexOf(lessons, "missing modality");
        assertThat(lessons.goTo(missing)).isTrue();
        assertThat(vm.settings().combinerProperty().get()).isEqualTo(LateCombiner.WEIGHTED);
        assertThat(vm.settings().imageWeightProperty().get()).isEqualTo(1.0);
        assertThat(vm.activeStrategyProperty().get()).isEqualTo(Strategy.LATE);
        assertThat(lessons.placeProperty().get()).isEqualTo(LessonStep.Place.COMPARE);
        // late fusion at image weight 1 is the image classifier alone
        assertThat(vm.comparisonProperty().get().report().strategies().get(Strategy.LATE).accuracy())
                .isEqualTo(vm.comparisonProperty().get().report().strategies().get(Strategy.IMAGE).accuracy());

        assertThat(lessons.goTo(lessons.steps().size() - 1)).isTrue();
        assertThat(lessons.currentProperty().get().text()).contains("playground --preset xor");
        assertThat(lessons.next()).isFalse();
        assertThat(lessons.hasNextBinding().get()).isFalse();
        assertThat(lessons.progressText()).isEqualTo("Step " + lessons.steps().size() + " of " + lessons.steps().size());
        assertThat(lessons.goTo(-1)).isFalse();
    }

    private static int indexOf(LessonsViewModel lessons, String words) {
        for (int i = 0; i < lessons.steps().size(); i++) {
            if (lessons.steps().get(i).title().toLowerCase().contains(words)) {
                return i;
            }
        }
        throw new AssertionError("no step about " + words);
    }

    @Test
    void firstStartLoadsAndRunsTheDemoThenOpensTheLessonsUnlessTurnedOff() throws Exception {
        FirstStart.begin(vm, true);
        ui.drainUntil(() -> vm.resultProperty().get() != null && !vm.task().isRunning());
        assertThat(runs.get()).isEqualTo(1);
        assertThat(vm.lessons().showingProperty().get()).isTrue();
        assertThat(vm.projection().layoutProperty().get()).isNotNull();
        assertThat(vm.comparisonProperty().get()).isNotNull();

        WorkbenchViewModel off = new WorkbenchViewModel(services, ui);
        FirstStart.begin(off, false);
        ui.drainUntil(() -> off.datasetProperty().get() != null && !off.task().isRunning());
        assertThat(runs.get()).isEqualTo(1);
        assertThat(off.resultProperty().get()).isNull();
        assertThat(off.lessons().showingProperty().get()).isFalse();

        System.setProperty(FirstStart.PROPERTY, "false");
        try {
            assertThat(FirstStart.autorun(true)).isFalse();
        } finally {
            System.clearProperty(FirstStart.PROPERTY);
        }
    }
}
