package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.export.plot.PlotFormat;
import dev.fusionlab.export.plot.PlotTheme;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import dev.fusionlab.ui.scatter.Polygon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's state and derived views, without a display. */
class WorkbenchViewModelTest {

    @TempDir
    Path dir;

    private final RunResult run = TestRuns.clusters(60, null);
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicReference<RunConfig> lastConfig = new AtomicReference<>();
    private volatile java.util.concurrent.CountDownLatch snapshotThenWait;

    private final WorkbenchServices services = new FakeWorkbenchServices(run,
            List.of("mobilenet_v2", "mobilenet_v2_onnx"), List.of("all-minilm-l6-v2")) {
        @Override
        public RunResult run(Dataset dataset, RunConfig config, TaskContext context, LiveLayouts live)
                throws InterruptedException {
            runs.incrementAndGet();
            lastConfig.set(config);
            if (snapshotThenWait != null) { // a t-SNE snapshot of 4 points, then the run goes on
                float[] xy = new float[2 * run.samples().size()];
                for (int i = 0; i < xy.length; i++) {
                    xy[i] = i % 7;
                }
                live.onLayout(new ProjectionKey(Space.FUSED, ProjectionMethod.TSNE), 10, 1000, xy);
                snapshotThenWait.await();
            }
            return run;
        }
    };

    /** Background jobs finish synchronously enough for tests: wait for the worker, apply on this thread. */
    private final QueuedExecutor ui = new QueuedExecutor();
    private final WorkbenchViewModel vm = new WorkbenchViewModel(services, ui);

    private void runAndWait() throws InterruptedException {
        assertThat(vm.run()).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());
    }

    @Test
    void runUsesThePanelSettingsAndShowsTheFusedLayout() throws Exception {
        vm.settings().classifierProperty().set(dev.fusionlab.classify.ClassifierKind.MLP);
        vm.settings().seedProperty().set(7);
        runAndWait();

        assertThat(lastConfig.get().classifier()).isEqualTo(dev.fusionlab.classify.ClassifierKind.MLP);
        assertThat(lastConfig.get().seed()).isEqualTo(7);
        assertThat(lastConfig.get().dataset()).isEqualTo(RunConfig.DEMO);
        assertThat(vm.projection().layoutProperty().get().size()).isEqualTo(60);
        assertThat(vm.projection().layoutProperty().get().key().space()).isEqualTo(Space.FUSED);
        assertThat(vm.projection().availableMethods()).containsExactly(ProjectionMethod.PCA, ProjectionMethod.UMAP);
        assertThat(vm.samples().shown()).hasSize(60);
        assertThat(vm.task().messageProperty().get()).isEqualTo("Run done in 0.0 s");
    }

    @Test
    void projectionSettingsGoIntoTheRunConfig() throws Exception {
        vm.settings().projectionProperty().set(ProjectionMethod.TSNE);
        vm.settings().tsnePerplexityProperty().set(12);
        vm.settings().umapNeighborsProperty().set(40);
        vm.settings().umapMinDistProperty().set(0.3);
        runAndWait();
        assertThat(lastConfig.get().projection()).isEqualTo(ProjectionMethod.TSNE);
        assertThat(lastConfig.get().projectionSettings())
                .isEqualTo(new dev.fusionlab.project.ProjectionSettings(12, 40, 0.3));
    }

    @Test
    void reprojectLaysTheRunOutAgainWithoutRetrainingAndKeepsTheOtherMethods() throws Exception {
        runAndWait();
        vm.projection().select(new int[] {3, 4, 5});
        assertThat(vm.reproject()).isTrue();
        vm.settings().projectionProperty().set(ProjectionMethod.TSNE);
        vm.settings().tsnePerplexityProperty().set(5);
        ui.drainUntil(() -> !vm.task().isRunning());
        // the method is read when re-project starts: UMAP again, replacing the run's UMAP layouts
        assertThat(vm.resultProperty().get().config().projection()).isEqualTo(ProjectionMethod.UMAP);

        assertThat(vm.reproject()).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());
        double[][] tight = vm.resultProperty().get().projections().get(new ProjectionKey(Space.FUSED, ProjectionMethod.TSNE));
        vm.settings().tsnePerplexityProperty().set(19);
        assertThat(vm.reproject()).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());
        double[][] loose = vm.resultProperty().get().projections().get(new ProjectionKey(Space.FUSED, ProjectionMethod.TSNE));
        // a UMAP setting changed in the panel but not re-projected is not what the kept UMAP layouts used
        vm.settings().umapNeighborsProperty().set(40);
        assertThat(vm.reproject()).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());
        assertThat(vm.resultProperty().get().config().projectionSettings().umapNeighbors()).isEqualTo(15);

        assertThat(runs).hasValue(1);
        assertThat(vm.task().errorProperty().get()).isEmpty();
        assertThat(vm.projection().availableMethods())
                .containsExactlyInAnyOrder(ProjectionMethod.PCA, ProjectionMethod.UMAP, ProjectionMethod.TSNE);
        assertThat(vm.projection().methodProperty().get()).isEqualTo(ProjectionMethod.TSNE);
        assertThat(vm.projection().layoutProperty().get().size()).isEqualTo(60);
        assertThat(vm.resultProperty().get().config().projectionSettings().tsnePerplexity()).isEqualTo(19);
        assertThat(tight).hasDimensions(60, 2);
        assertThat(loose).hasDimensions(60, 2).isNotEqualTo(tight);
        assertThat(vm.comparisonProperty().get()).isNotNull();
        assertThat(vm.projection().selectionProperty().get()).containsExactly(3, 4, 5);
        assertThat(vm.task().messageProperty().get()).startsWith("t-SNE layouts ready in ");
    }

    @Test
    void findImagesSelectsTheNearestImagesOfTheJointSpace() throws Exception {
        assertThat(vm.findImages("s5")).isFalse(); // no run yet
        vm.showResult(TestRuns.withJointSpace(run));
        assertThat(vm.canFindImagesBinding().get()).isTrue();
        assertThat(vm.findImages("   ")).isFalse();

        assertThat(vm.findImages("s5")).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());

        int[] found = vm.projection().selectionProperty().get();
        assertThat(found).hasSize(WorkbenchViewModel.FOUND_IMAGES);
        long sameClass = java.util.Arrays.stream(found).filter(i -> run.truth()[i] == run.truth()[5]).count();
        assertThat(sameClass).as("found images of sample 5's class").isGreaterThan(WorkbenchViewModel.FOUND_IMAGES / 2);
        assertThat(vm.samples().shown()).extracting(SampleItem::index).containsExactly(
                java.util.Arrays.stream(found).boxed().toArray(Integer[]::new)); // best first, not dataset order
        assertThat(vm.task().messageProperty().get()).startsWith("12 images nearest to \u201cs5\u201d");
    }

    @Test
    void findImagesNeedsAJointSpace() throws Exception {
        runAndWait(); // the fake run has none
        assertThat(vm.canFindImagesBinding().get()).isFalse();
        assertThat(vm.findImages("s5")).isFalse();
    }

    @Test
    void reprojectNeedsARun() {
        assertThat(vm.reproject()).isFalse();
    }

    @Test
    void aConvergingLayoutIsShownWhileTheRunGoesOn() throws Exception {
        snapshotThenWait = new java.util.concurrent.CountDownLatch(1);
        vm.openDataset(RunConfig.DEMO);
        ui.drainUntil(() -> !vm.task().isRunning());
        vm.run();
        ui.drainUntil(() -> vm.projection().layoutProperty().get() != null);
        assertThat(vm.projection().layoutProperty().get().size()).isEqualTo(60);
        assertThat(vm.projection().layoutProperty().get().key().method()).isEqualTo(ProjectionMethod.TSNE);
        assertThat(vm.projection().methodProperty().get()).isEqualTo(ProjectionMethod.TSNE);
        assertThat(vm.task().isRunning()).isTrue();
        // no result yet, but the open dataset's labels colour the converging layout
        assertThat(vm.projection().colouringProperty().get().category()).isEqualTo(run.truth());
        snapshotThenWait.countDown();
        ui.drainUntil(() -> !vm.task().isRunning());
        assertThat(vm.projection().layoutProperty().get().size()).isEqualTo(60);
    }

    @Test
    void aCancelledRunLeavesNoHalfConvergedLayoutBehind() throws Exception {
        snapshotThenWait = new java.util.concurrent.CountDownLatch(1);
        vm.openDataset(RunConfig.DEMO);
        ui.drainUntil(() -> !vm.task().isRunning());
        vm.run();
        ui.drainUntil(() -> vm.projection().layoutProperty().get() != null);
        vm.cancel();
        snapshotThenWait.countDown();
        ui.drainUntil(() -> !vm.task().isRunning());

        assertThat(vm.task().messageProperty().get()).isEqualTo("Run cancelled");
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.projection().layoutProperty().get()).isNull();
    }

    @Test
    void changingTheCombinerRecolorsAndRescoresWithoutRetraining() throws Exception {
        runAndWait();
        vm.projection().colourModeProperty().set(ColourMode.CORRECTNESS);
        vm.activeStrategyProperty().set(Strategy.LATE);
        int[] meanColours = vm.projection().colouringProperty().get().argb();
        double meanAccuracy = vm.comparisonProperty().get().row(Strategy.LATE).accuracy();

        // all weight on the image side: late fusion becomes the image classifier
        vm.settings().combinerProperty().set(LateCombiner.WEIGHTED);
        vm.settings().imageWeightProperty().set(1.0);

        assertThat(runs).hasValue(1);
        Comparison c = vm.comparisonProperty().get();
        assertThat(c.row(Strategy.LATE).accuracy()).isEqualTo(c.row(Strategy.IMAGE).accuracy());
        assertThat(c.row(Strategy.LATE).accuracy()).isNotEqualTo(meanAccuracy);
        assertThat(vm.projection().colouringProperty().get().argb()).isNotEqualTo(meanColours);
    }

    @Test
    void stackingOnARunWithoutAStackerShowsTheMeanAndSaysWhy() throws Exception {
        runAndWait();
        double meanAccuracy = vm.comparisonProperty().get().row(Strategy.LATE).accuracy();
        assertThat(vm.lateFusionNoteProperty().get()).isEmpty();

        vm.settings().combinerProperty().set(LateCombiner.STACKING);

        assertThat(vm.predictionsProperty().get().combiner()).isEqualTo(LateCombiner.MEAN);
        assertThat(vm.comparisonProperty().get().row(Strategy.LATE).accuracy()).isEqualTo(meanAccuracy);
        assertThat(vm.lateFusionNoteProperty().get()).startsWith("No stacking in this run")
                .contains(((dev.fusionlab.fuse.StackingOutcome.Skipped) run.stacking()).reason()).endsWith("showing mean");
        vm.settings().combinerProperty().set(LateCombiner.PRODUCT);
        assertThat(vm.lateFusionNoteProperty().get()).isEmpty();
    }

    /**
     * The Compare tab's summary lagged one change behind: the comparison was set before the predictions,
     * and the pane, reacting to the comparison, read the predictions of the previous combiner.
     */
    @Test
    void whoeverReactsToANewComparisonSeesTheCombinerJustChosen() throws Exception {
        runAndWait();
        List<LateCombiner> predictionsSeen = new java.util.ArrayList<>();
        List<String> summaries = new java.util.ArrayList<>();
        vm.comparisonProperty().addListener((obs, old, now) -> {
            predictionsSeen.add(vm.predictionsProperty().get().combiner());
            summaries.add(now.summary());
        });

        vm.settings().combinerProperty().set(LateCombiner.PRODUCT);
        vm.settings().combinerProperty().set(LateCombiner.WEIGHTED);
        vm.settings().imageWeightProperty().set(0.7);

        assertThat(predictionsSeen).containsExactly(LateCombiner.PRODUCT, LateCombiner.WEIGHTED, LateCombiner.WEIGHTED);
        assertThat(summaries).containsExactly("48 test samples · late fusion: product",
                "48 test samples · late fusion: weighted, image weight 0.50",
                "48 test samples · late fusion: weighted, image weight 0.70");
    }

    @Test
    void switchingEarlyAndLateChangesThePredictionColours() throws Exception {
        runAndWait();
        vm.projection().colourModeProperty().set(ColourMode.PREDICTION);
        vm.activeStrategyProperty().set(Strategy.EARLY);
        int[] early = vm.projection().colouringProperty().get().category();
        vm.activeStrategyProperty().set(Strategy.LATE);
        int[] late = vm.projection().colouringProperty().get().category();
        assertThat(early).isEqualTo(vm.predictionsProperty().get().predicted(Strategy.EARLY));
        assertThat(late).isEqualTo(vm.predictionsProperty().get().predicted(Strategy.LATE));
        assertThat(early).isNotEqualTo(late);
    }

    @Test
    void lassoSelectionFiltersTheSampleGrid() throws Exception {
        runAndWait();
        // the "animal" cluster of the fused layout sits around (10, 0)
        int count = vm.projection().selectInside(new Polygon(new double[] {5, 15, 15, 5}, new double[] {-5, -5, 5, 5}));
        assertThat(count).isEqualTo(20);
        assertThat(vm.samples().shown()).hasSize(20).allMatch(item -> item.sample().label().equals("animal"));
        vm.projection().clearSelection();
        assertThat(vm.samples().shown()).hasSize(60);
    }

    @Test
    void textAndLabelFiltersCombine() throws Exception {
        runAndWait();
        vm.samples().labelFilterProperty().set("food");
        assertThat(vm.samples().shown()).hasSize(20);
        vm.samples().filterTextProperty().set("number 1");   // s1, s10..s19 -> the food ones
        assertThat(vm.samples().shown()).extracting(item -> item.sample().id())
                .containsExactly("s1", "s10", "s13", "s16", "s19");
        assertThat(vm.samples().skippedCount().get()).isEqualTo(2);
    }

    @Test
    void hoverFindsTheNearestPointAndDescribesEveryStrategy() throws Exception {
        runAndWait();
        var layout = vm.projection().layoutProperty().get();
        int i = vm.projection().hoverAt(layout.xs()[7] + 0.01, layout.ys()[7], 0.3);
        assertThat(i).isEqualTo(7);
        HoverInfo info = vm.projection().hoverInfo(7);
        assertThat(info.truth()).isEqualTo("food");
        assertThat(info.predictions()).containsKeys(Strategy.IMAGE, Strategy.TEXT, Strategy.EARLY, Strategy.LATE);
        assertThat(vm.projection().hoverAt(100, 100, 0.3)).isEqualTo(-1);
    }

    @Test
    void exportWritesThePlotAndItsSidecar() throws Exception {
        runAndWait();
        var layout = vm.projection().layoutProperty().get();
        var spec = vm.projection().plotSpec(layout.bounds(), 800, 600, 96, PlotTheme.LIGHT, 3);
        Path svg = dir.resolve("fused.svg");
        assertThat(vm.exportPlot(spec, PlotFormat.SVG, svg, true)).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());
        assertThat(vm.task().errorProperty().get()).isEmpty();
        assertThat(Files.readString(svg)).contains("<circle");
        List<String> csv = Files.readAllLines(dir.resolve("fused.csv"));
        assertThat(csv).hasSize(61);
        assertThat(csv.getFirst()).isEqualTo("id,x,y,split,label,image,text,early,late,colour_group");

        Path json = dir.resolve("metrics.json");
        assertThat(vm.exportMetrics(json)).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());
        // the CLI's metrics.json vocabulary (snake_case, versioned), late fusion as the Compare tab shows it
        var written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(written.get("schema_version").asInt()).isEqualTo(dev.fusionlab.report.ReportJson.SCHEMA_VERSION);
        assertThat(written.get("mcnemar_early_vs_late").get("p_value").asDouble()).isBetween(0.0, 1.0);
        assertThat(written.get("strategies").get("late").get("confusion_matrix")).hasSize(3);
        assertThat(written.get("late_fusion").get("combiner").asText()).isEqualTo("mean");
        assertThat(Files.readString(json)).doesNotContainPattern("\"[a-z0-9]+[A-Z][A-Za-z0-9]*\"\\s*:");
    }

    @Test
    void anUnlabelledRunIsShownForExplorationWithoutScores() {
        RunResult r = TestRuns.clusters(30, null);
        int[] noLabels = new int[30];
        java.util.Arrays.fill(noLabels, -1);
        RunResult unlabelled = new RunResult(r.dataset(), List.of(), r.samples(), noLabels, r.embeddings(),
                java.util.Map.of(), r.late(), r.jointSpace(), r.retrieval(), r.projections(), r.config(), r.stageMillis(), r.provenance());
        vm.projection().colourModeProperty().set(ColourMode.AGREEMENT);
        vm.showResult(unlabelled);

        assertThat(vm.comparisonProperty().get()).isNull();
        PointColouring colouring = vm.projection().colouringProperty().get();
        assertThat(colouring.category()).containsOnly(-1);
        assertThat(colouring.legend()).extracting(dev.fusionlab.export.plot.LegendEntry::label)
                .containsExactly("unlabelled (" + colouring.category().length + ")");
        assertThat(vm.projection().hoverInfo(0).predictions()).isEmpty();
    }

    @Test
    void theDatasetIsReadOnceAndAgainOnlyWhenTheSeedThatSplitsItChanges() throws Exception {
        List<dev.fusionlab.data.DatasetOptions> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Dataset> ranOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        WorkbenchViewModel counting = new WorkbenchViewModel(new FakeWorkbenchServices(run) {
            @Override
            public Dataset loadDataset(String location, dev.fusionlab.data.DatasetOptions options, TaskContext context) {
                reads.add(options);
                return new Dataset(run.dataset().root(), run.dataset().name(), run.dataset().samples(), List.of());
            }

            @Override
            public RunResult run(Dataset dataset, RunConfig config, TaskContext context, LiveLayouts live) {
                ranOn.add(dataset);
                return run;
            }
        }, ui);
        assertThat(counting.openDataset(RunConfig.DEMO)).isTrue();
        ui.drainUntil(() -> !counting.task().isRunning());
        for (int i = 0; i < 2; i++) {
            assertThat(counting.run()).isTrue();
            ui.drainUntil(() -> !counting.task().isRunning());
        }
        assertThat(reads).hasSize(1);
        assertThat(reads.getFirst()).isEqualTo(RunConfig.defaults().datasetOptions());
        assertThat(ranOn).hasSize(2).allMatch(d -> d == ranOn.getFirst()); // the dataset as read, not the run's copy

        counting.settings().seedProperty().set(7);
        assertThat(counting.run()).isTrue();
        ui.drainUntil(() -> !counting.task().isRunning());
        assertThat(reads).hasSize(2);
        assertThat(reads.getLast().seed()).isEqualTo(7);
        assertThat(reads.getLast().textColumn()).isEqualTo("text");
        assertThat(ranOn.getLast()).isNotSameAs(ranOn.getFirst());
    }

    @Test
    void aFailingRunReportsWhyAndKeepsThePreviousResult() throws Exception {
        runAndWait();
        WorkbenchViewModel failing = new WorkbenchViewModel(new FakeWorkbenchServices(run, List.of(), List.of()) {
            @Override
            public Dataset loadDataset(String location, dev.fusionlab.data.DatasetOptions options, TaskContext context) {
                throw new IllegalArgumentException("no such folder: " + location);
            }
        }, ui);
        failing.openDataset("/missing");
        ui.drainUntil(() -> !failing.task().isRunning());
        assertThat(failing.task().errorProperty().get()).isEqualTo("no such folder: /missing");
        assertThat(failing.task().messageProperty().get()).startsWith("Loading dataset failed");
        assertThat(failing.settings().imageEncoderProperty().get()).isEqualTo("mobilenet_v2");
    }
}
