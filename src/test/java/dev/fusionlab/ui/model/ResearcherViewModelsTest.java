package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import org.junit.jupiter.api.Test;

/** What a researcher expected to find in the workbench (issue 13), without a display. */
class ResearcherViewModelsTest {

    /** Trained once: the joint space takes a second, and the tests only read the run. */
    private static final RunResult run = TestRuns.withJointSpace(TestRuns.clusters(60, null));
    private final QueuedExecutor ui = new QueuedExecutor();
    private final WorkbenchViewModel vm = new WorkbenchViewModel(new FakeWorkbenchServices(run), ui);

    @Test
    void findKeepsRankAndCosineOfEveryFoundImageWhileItsSelectionStands() throws Exception {
        vm.showResult(run);
        assertThat(vm.findImages("s5")).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());

        FoundImages found = vm.foundProperty().get();
        assertThat(found).isNotNull();
        assertThat(found.query()).isEqualTo("s5");
        assertThat(found.rows()).containsExactly(vm.projection().selectionProperty().get());
        assertThat(found.similarity()).hasSize(WorkbenchViewModel.FOUND_IMAGES);
        for (int i = 1; i < found.similarity().length; i++) {
            assertThat(found.similarity()[i]).as("best first").isLessThanOrEqualTo(found.similarity()[i - 1]);
        }
        assertThat(found.similarity()[0]).isBetween(-1.0, 1.0 + 1e-9);
        int best = found.rows()[0];
        assertThat(found.rank(best)).isEqualTo(1);
        assertThat(found.badge(best)).hasValue(String.format(java.util.Locale.ROOT, "#1 · cos %.3f",
                found.similarity()[0]));
        int notFound = java.util.stream.IntStream.range(0, 60).filter(r -> found.rank(r) == 0).findFirst().orElseThrow();
        assertThat(found.badge(notFound)).isEmpty();
        assertThat(vm.task().messageProperty().get()).contains("cosine");

        vm.projection().selectRanked(notFound); // another selection: the ranks no longer apply
        assertThat(vm.foundProperty().get()).isNull();
    }

    @Test
    void hoverInfoGivesEachStrategysTopClassesWithProbabilities() throws Exception {
        vm.showResult(run);
        HoverInfo info = vm.projection().hoverInfo(7);
        assertThat(info.topClasses()).containsOnlyKeys(info.predictions().keySet());
        for (var e : info.topClasses().entrySet()) {
            var top = e.getValue();
            assertThat(top).hasSize(Math.min(HoverInfo.TOP, vm.predictionsProperty().get().classes().size()));
            assertThat(top.get(0).className()).as("the most probable class is the prediction")
                    .isEqualTo(info.predictions().get(e.getKey()));
            for (int i = 1; i < top.size(); i++) {
                assertThat(top.get(i).probability()).isLessThanOrEqualTo(top.get(i - 1).probability());
            }
            float[] row = vm.predictionsProperty().get().probabilities(e.getKey())[7];
            double max = 0;
            for (float v : row) {
                max = Math.max(max, v);
            }
            assertThat(top.get(0).probability()).isEqualTo(max);
        }
        assertThat(HoverInfo.top(new float[] {0.1f, 0.6f, 0.05f, 0.25f}, java.util.List.of("a", "b", "c",
                "a very long class name"), 3)).extracting(HoverInfo.ClassProbability::className)
                .containsExactly("b", "a very long class name", "a");
        var card = new HoverInfo(0, run.samples().get(0), "b", java.util.Map.of(dev.fusionlab.classify.Strategy.IMAGE, "b"),
                java.util.Map.of(dev.fusionlab.classify.Strategy.IMAGE, HoverInfo.top(
                        new float[] {0.1f, 0.6f, 0.05f, 0.25f}, java.util.List.of("a", "b", "c", "a very long class name"), 3)));
        assertThat(card.topLine(dev.fusionlab.classify.Strategy.IMAGE)).isEqualTo("60% b · 25% a very long c… · 10% a");
        assertThat(card.topLine(dev.fusionlab.classify.Strategy.TEXT)).isEmpty();
    }

    @Test
    void runDetailsShowWhatRunJsonHoldsAndCopyTheSameJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var encoder = new dev.fusionlab.pipeline.EncodedDataset.EncoderInfo("image", "clip-vit-b32", "ab".repeat(32),
                512, 3, 57);
        RunResult withProvenance = new RunResult(run.dataset(), run.classes(), run.samples(), run.truth(),
                run.embeddings(), run.probabilities(), run.late(), run.jointSpace(), run.retrieval(),
                run.projections(), run.config(), java.util.Map.of("encode", 1234L, "train", 56L),
                new dev.fusionlab.pipeline.RunProvenance("f".repeat(64), java.util.List.of(encoder), java.util.Map.of(),
                        java.util.Map.of("FusionLab", "0.9.0", "Java", "25")));
        RunDetails details = RunDetails.of(withProvenance);

        assertThat(details.sections()).extracting(RunDetails.Section::title)
                .contains("dataset", "config", "seed", "encoders", "joint_space", "versions", "timings_ms");
        assertThat(details.value("encoders", "0.weights_sha256")).isEqualTo("ab".repeat(32));
        assertThat(details.value("encoders", "0.id")).isEqualTo("clip-vit-b32");
        assertThat(details.value("dataset", "sha256")).isEqualTo("f".repeat(64));
        assertThat(details.value("seed", "value")).isEqualTo(Long.toString(run.config().seed()));
        assertThat(details.value("timings_ms", "encode")).isEqualTo("1234");
        assertThat(details.value("versions", "fusionlab")).isEqualTo("0.9.0");
        assertThat(details.section("config").entries()).extracting(RunDetails.Detail::key)
                .contains("combiner", "image_weight");

        java.nio.file.Path file = dir.resolve("run.json");
        dev.fusionlab.report.ReportJson.writeRun(withProvenance, file);
        assertThat(details.json()).isEqualTo(java.nio.file.Files.readString(file)); // Copy as JSON = run.json
        assertThat(details.json()).contains("\"schema_version\" : 1");
    }

    @Test
    void pcaAxesNameTheShareOfVarianceTheyShow() throws Exception {
        float[][] fused = run.embeddings().get(dev.fusionlab.pipeline.Space.FUSED);
        var pca = dev.fusionlab.project.pca.Pca.fit(fused, dev.fusionlab.project.pca.PcaParams.of(2, 1),
                dev.fusionlab.task.TaskContext.silent());
        assertThat(ProjectionViewModel.pcAxis(1, 0.2344)).isEqualTo("PC1 (23.4%)");

        vm.showResult(run);
        vm.projection().spaceProperty().set(dev.fusionlab.pipeline.Space.FUSED);
        vm.projection().methodProperty().set(dev.fusionlab.project.ProjectionMethod.UMAP);
        assertThat(vm.projection().axisLabels()).containsExactly("UMAP 1", "UMAP 2");
        vm.settings().projectionProperty().set(dev.fusionlab.project.ProjectionMethod.PCA);
        assertThat(vm.reproject()).isTrue(); // a real PCA of the fused embedding
        ui.drainUntil(() -> !vm.task().isRunning());
        vm.projection().methodProperty().set(dev.fusionlab.project.ProjectionMethod.PCA);
        String[] axes = vm.projection().axisLabels();
        assertThat(axes[0]).isEqualTo(ProjectionViewModel.pcAxis(1, pca.explainedVarianceRatio()[0]));
        assertThat(axes[1]).isEqualTo(ProjectionViewModel.pcAxis(2, pca.explainedVarianceRatio()[1]));
        assertThat(pca.explainedVarianceRatio()[0]).isGreaterThan(pca.explainedVarianceRatio()[1]);
        var spec = vm.projection().plotSpec(vm.projection().layoutProperty().get().bounds(), 400, 300, 96,
                dev.fusionlab.export.plot.PlotTheme.LIGHT, 3);
        assertThat(spec.xAxisLabel()).isEqualTo(axes[0]); // the exported figure names them alike
    }

    @Test
    void anImageFindsItsNearestCaptionsInTheJointSpace() throws Exception {
        assertThat(vm.findCaptions()).isFalse(); // no run
        vm.showResult(run);
        assertThat(vm.findCaptions()).isFalse(); // no image chosen
        vm.projection().selectRanked(5);
        ui.drainUntil(() -> !vm.task().isRunning()); // the neighbours of the selected sample
        assertThat(vm.captionQuery()).isEqualTo(5);
        assertThat(vm.findCaptions()).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());

        FoundCaptions found = vm.foundCaptionsProperty().get();
        assertThat(found.query()).isEqualTo(5);
        assertThat(found.hits()).hasSize(WorkbenchViewModel.FOUND_CAPTIONS);
        for (int i = 1; i < found.hits().size(); i++) {
            assertThat(found.hits().get(i).similarity()).isLessThanOrEqualTo(found.hits().get(i - 1).similarity());
        }
        // the search maths: the image's joint point against every caption's, computed here by hand
        var space = run.jointSpace();
        float[] point = space.embedImage(run.embeddings().get(dev.fusionlab.pipeline.Space.IMAGE)[5]);
        float[][] captions = space.embedTexts(run.embeddings().get(dev.fusionlab.pipeline.Space.TEXT));
        int best = 0;
        for (int r = 1; r < captions.length; r++) {
            if (dev.fusionlab.align.JointSpace.similarity(point, captions[r])
                    > dev.fusionlab.align.JointSpace.similarity(point, captions[best])) {
                best = r;
            }
        }
        assertThat(found.hits().get(0).row()).isEqualTo(best);
        long sameClass = found.hits().stream().filter(h -> run.truth()[h.row()] == run.truth()[5]).count();
        assertThat(sameClass).as("captions of sample 5's class").isGreaterThan(WorkbenchViewModel.FOUND_CAPTIONS / 2);
        assertThat(found.line(0)).startsWith("1. ").contains(found.hits().get(0).sample().text());
        if (found.ownRank() > 0) {
            assertThat(found.line(found.ownRank() - 1)).contains("✓");
        }
        assertThat(vm.task().messageProperty().get()).startsWith("Captions nearest to image s5");

        vm.projection().selectRanked(1, 2); // two images: no single query
        assertThat(vm.captionQuery()).isEqualTo(-1);
        assertThat(vm.findCaptions()).isFalse();
    }

    @Test
    void textSizeScalesEveryPixelFontSizeOfAStylesheet() {
        String css = ".root { -fx-font-size: 13px; -fx-padding: 4px; }\n.hint{-fx-font-size:12px}\n.x { -fx-font-size: 13.5px; }";
        assertThat(TextSize.NORMAL.scale(css)).isEqualTo(css);
        assertThat(TextSize.LARGER.scale(css)).isEqualTo(
                ".root { -fx-font-size: 16.25px; -fx-padding: 4px; }\n.hint{-fx-font-size:15px}\n.x { -fx-font-size: 16.88px; }");
        assertThat(TextSize.LARGEST.scale(css)).contains("-fx-font-size: 19.5px", "-fx-font-size:18px", "-fx-padding: 4px");
        assertThat(TextSize.values()).extracting(TextSize::label).containsExactly("100%", "125%", "150%");
        assertThat(vm.textSizeProperty().get()).isEqualTo(TextSize.NORMAL);
    }
}
