package dev.fusionlab.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.fuse.StackingOutcome;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.report.MetricsReport;
import dev.fusionlab.report.ReportJson;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceStoreTest {

    @TempDir
    static Path shared;

    static RunResult run;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        run = TrainedRuns.stacked(shared.resolve("dataset"));
        assertThat(run.stacking().isAvailable()).as("the fixture trains a stacker").isTrue();
        assertThat(run.jointSpace()).as("the fixture trains a joint space").isNotNull();
    }

    static Workspace workspace() {
        return new Workspace(run.config().withLateFusion(LateCombiner.WEIGHTED, 0.3), run,
                new ViewState("compare", "IMAGE", "PCA", "CORRECTNESS", "EARLY", new int[] {5, 3, 8},
                        new double[] {-1.5, -2, 3.25, 4}), run.config().dataset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"work.fusionlab", "work-folder"})
    void aReopenedRunPredictsScoresAndLaysOutExactlyAsBefore(String name) throws IOException {
        Path target = dir.resolve(name);
        WorkspaceStore.save(workspace(), target);
        assertThat(Files.isDirectory(target)).isEqualTo(!name.endsWith(".fusionlab"));

        Workspace back = WorkspaceStore.open(target);
        RunResult r = back.result();

        assertThat(back.settings()).isEqualTo(workspace().settings());
        assertThat(back.view()).isEqualTo(workspace().view());
        assertThat(back.datasetLocation()).isEqualTo(run.config().dataset());
        assertThat(r.samples()).isEqualTo(run.samples());
        assertThat(r.dataset().samples()).isEqualTo(run.dataset().samples());
        assertThat(r.dataset().root()).isEqualTo(run.dataset().root());
        assertThat(r.classes()).isEqualTo(run.classes());
        assertThat(r.truth()).isEqualTo(run.truth());
        assertThat(r.config()).isEqualTo(run.config());
        assertThat(r.provenance()).isEqualTo(run.provenance());
        assertThat(r.stageMillis()).isEqualTo(run.stageMillis());
        assertThat(r.retrieval()).isEqualTo(run.retrieval());
        for (Space s : Space.values()) {
            assertThat(r.embeddings().get(s)).as(s.key()).isDeepEqualTo(run.embeddings().get(s));
        }
        for (Strategy s : Strategy.values()) {
            assertThat(r.probabilities().get(s)).as(s.key()).isDeepEqualTo(run.probabilities().get(s));
        }
        assertThat(r.projections().keySet()).containsExactlyElementsOf(run.projections().keySet());
        run.projections().forEach((k, layout) -> assertThat(r.projections().get(k)).isDeepEqualTo(layout));

        // every late-fusion combiner recombines to the same numbers, and the report is the same document
        for (LateCombiner c : LateCombiner.values()) {
            assertThat(r.lateProbabilities(r.lateFusion(c, 0.3).fusion()))
                    .isDeepEqualTo(run.lateProbabilities(run.lateFusion(c, 0.3).fusion()));
            assertThat(ReportJson.metrics(MetricsReport.of(r, r.lateFusion(c, 0.3))).toString())
                    .isEqualTo(ReportJson.metrics(MetricsReport.of(run, run.lateFusion(c, 0.3))).toString());
        }
        // the restored models compute as the trained ones, on inputs they never saw
        var stacker = ((StackingOutcome.Trained) r.stacking()).stacker();
        var original = ((StackingOutcome.Trained) run.stacking()).stacker();
        float[][] someProbs = {{0.2f, 0.5f, 0.3f}, {0.9f, 0.05f, 0.05f}};
        assertThat(stacker.predictProba(someProbs, someProbs)).isDeepEqualTo(original.predictProba(someProbs, someProbs));
        assertThat(stacker.provenance()).isEqualTo(original.provenance());
        assertThat(((StackingOutcome.Trained) r.stacking()).outOfFold().folds().rows())
                .isEqualTo(((StackingOutcome.Trained) run.stacking()).outOfFold().folds().rows());
        float[] query = new float[6];
        query[2] = 1;
        assertThat(r.jointSpace().embedText(query)).isEqualTo(run.jointSpace().embedText(query));
        assertThat(r.jointSpace().embedImages(run.embeddings().get(Space.IMAGE)))
                .isDeepEqualTo(run.jointSpace().embedImages(run.embeddings().get(Space.IMAGE)));
        assertThat(r.jointSpace().provenance()).isEqualTo(run.jointSpace().provenance());
        assertThat(RunResult.scoreRetrieval(r.jointSpace(), r.samples(), r.embeddings())).isEqualTo(run.retrieval());
    }

    @Test
    void aWorkspaceWithoutARunKeepsItsSettings() throws IOException {
        Workspace empty = new Workspace(run.config(), null, ViewState.defaults(), "demo");
        Path target = dir.resolve("empty.fusionlab");
        WorkspaceStore.save(empty, target);
        Workspace back = WorkspaceStore.open(target);
        assertThat(back.result()).isNull();
        assertThat(back.settings()).isEqualTo(run.config());
        assertThat(back.datasetLocation()).isEqualTo("demo");
    }

    @Test
    void theManifestHasSnakeCaseKeysAndASchemaVersion() throws IOException {
        Path target = dir.resolve("w");
        WorkspaceStore.save(workspace(), target);
        var json = WorkspaceFormat.JSON.readTree(target.resolve("workspace.json").toFile());
        assertThat(json.get("schema_version").asInt()).isEqualTo(WorkspaceFormat.SCHEMA_VERSION);
        assertThat(json.get("settings").has("image_weight")).isTrue();
        assertThat(json.get("run").get("late_fusion").has("tuned_image_weight")).isTrue();
        assertThat(json.toString()).doesNotContainPattern("\"[a-z]+[A-Z][A-Za-z]*\"\\s*:");
        // images are stored relative to the dataset folder, so a moved dataset can be relinked
        assertThat(json.get("run").get("dataset").get("samples").get(0).get("image").asText()).isEqualTo("images/img0.bin");
    }

    @Test
    void aWorkspaceFromANewerVersionIsRefusedWithAClearMessage() throws IOException {
        Path target = dir.resolve("w");
        WorkspaceStore.save(workspace(), target);
        Path manifest = target.resolve("workspace.json");
        ObjectNode json = (ObjectNode) WorkspaceFormat.JSON.readTree(manifest.toFile());
        json.put("schema_version", WorkspaceFormat.SCHEMA_VERSION + 1);
        json.put("fusionlab_version", "9.0");
        WorkspaceFormat.JSON.writeValue(manifest.toFile(), json);

        assertThatThrownBy(() -> WorkspaceStore.open(target))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.NEWER_VERSION))
                .hasMessageContaining(target.toString()).hasMessageContaining("newer FusionLab (9.0")
                .hasMessageContaining("Update FusionLab");
    }

    @Test
    void aDamagedWorkspaceIsRefusedAndLeftAsItIs() throws IOException {
        Path target = dir.resolve("w.fusionlab");
        WorkspaceStore.save(workspace(), target);
        byte[] whole = Files.readAllBytes(target);
        Files.write(target, Arrays.copyOf(whole, whole.length / 2));
        byte[] truncated = Files.readAllBytes(target);
        assertThatThrownBy(() -> WorkspaceStore.open(target))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.DAMAGED))
                .hasMessageContaining(target.toString());
        assertThat(Files.readAllBytes(target)).isEqualTo(truncated);

        Path folder = dir.resolve("f");
        WorkspaceStore.save(workspace(), folder);
        Path npy = folder.resolve("probabilities/image.npy");
        Files.write(npy, Arrays.copyOf(Files.readAllBytes(npy), 100));
        assertThatThrownBy(() -> WorkspaceStore.open(folder))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.DAMAGED))
                .hasMessageContaining("probabilities/image.npy");

        Path notOne = dir.resolve("other.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(notOne))) {
            zip.putNextEntry(new ZipEntry("workspace.json"));
            zip.write("{\"schema_version\": 1}".getBytes());
        }
        assertThatThrownBy(() -> WorkspaceStore.open(notOne)).hasMessageContaining("not a FusionLab workspace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.npy", "/tmp/evil.npy", "a/../../evil.npy", "C:/evil.npy", "..\\evil.npy"})
    void anArchiveWithAnEntryOutsideItsFolderIsRefused(String evil) throws IOException {
        Path good = dir.resolve("good.fusionlab");
        WorkspaceStore.save(workspace(), good);
        Path bad = dir.resolve("sub").resolve("bad.fusionlab");
        Files.createDirectories(bad.getParent());
        try (ZipFile in = new ZipFile(good.toFile());
             OutputStream file = Files.newOutputStream(bad);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.getInputStream(e).transferTo(out);
            }
            out.putNextEntry(new ZipEntry(evil));
            out.write(new byte[] {1, 2, 3});
        }
        assertThatThrownBy(() -> WorkspaceStore.open(bad))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.UNSAFE_ARCHIVE))
                .hasMessageContaining(evil);
        assertThat(dir.resolve("evil.npy")).doesNotExist();
        assertThat(dir.resolve("sub").resolve("evil.npy")).doesNotExist();
    }

    @Test
    void aManifestNamingAFileOutsideTheWorkspaceIsRefused() throws IOException {
        Path folder = dir.resolve("w");
        WorkspaceStore.save(workspace(), folder);
        Files.write(dir.resolve("outside.npy"), Files.readAllBytes(folder.resolve("probabilities/image.npy")));
        Path manifest = folder.resolve("workspace.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"probabilities/image.npy\"", "\"../outside.npy\""));
        assertThatThrownBy(() -> WorkspaceStore.open(folder))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.UNSAFE_ARCHIVE))
                .hasMessageContaining("../outside.npy");
    }

    @Test
    void savingAgainReplacesTheFolderWhole() throws IOException {
        Path folder = dir.resolve("w");
        WorkspaceStore.save(workspace(), folder);
        WorkspaceStore.save(new Workspace(run.config(), null, ViewState.defaults(), "demo"), folder);
        assertThat(folder.resolve("embeddings")).doesNotExist();
        assertThat(WorkspaceStore.open(folder).result()).isNull();
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(folder); // no temporary or aside folder is left behind
        }
    }

    @Test
    void aFolderHalfSwappedByACrashIsFoundAgain() throws IOException {
        Path folder = dir.resolve("w");
        WorkspaceStore.save(workspace(), folder);
        Files.move(folder, FolderSwap.aside(folder)); // the crash came between the two renames
        assertThat(WorkspaceStore.open(folder).result().samples()).isEqualTo(run.samples());
    }

    @Test
    void aMovedDatasetIsReportedAndRelinked() throws IOException {
        Path original = dir.resolve("data");
        RunResult local = TrainedRuns.stacked(original);
        Path target = dir.resolve("w.fusionlab");
        WorkspaceStore.save(new Workspace(local.config(), local, ViewState.defaults(), original.toString()), target);
        assertThat(DatasetCheck.check(WorkspaceStore.open(target), TaskContext.silent()).status())
                .isEqualTo(DatasetCheck.Status.UNCHANGED);

        Path moved = dir.resolve("elsewhere").resolve("data");
        Files.createDirectories(moved.getParent());
        Files.move(original, moved);
        DatasetCheck.Finding gone = DatasetCheck.check(WorkspaceStore.open(target), TaskContext.silent());
        assertThat(gone.status()).isEqualTo(DatasetCheck.Status.MOVED);
        assertThat(gone.message()).contains(original.toString()).contains("relink");

        DatasetCheck.Relinked relinked = DatasetCheck.relink(target, moved, TaskContext.silent());
        assertThat(relinked.check().status()).isEqualTo(DatasetCheck.Status.UNCHANGED);
        assertThat(relinked.workspace().result().samples().getFirst().image()).isEqualTo(moved.resolve("images/img0.bin"));
        assertThat(relinked.workspace().result().dataset().root()).isEqualTo(moved);

        Files.write(moved.resolve("images/img3.bin"), new byte[] {9, 9, 9}); // one image changed
        DatasetCheck.Relinked changed = DatasetCheck.relink(target, moved, TaskContext.silent());
        assertThat(changed.check().status()).isEqualTo(DatasetCheck.Status.CHANGED);
        assertThat(changed.check().needsRelink()).isTrue();
    }

    @Test
    void recentWorkspacesAreMostRecentFirstWithoutDuplicates() throws IOException {
        RecentWorkspaces recent = new RecentWorkspaces(dir.resolve("config/recent-workspaces.txt"));
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        recent.add(a);
        recent.add(b);
        recent.add(a);
        assertThat(recent.list()).containsExactly(a, b);
        FolderSwap.deleteTree(b);
        assertThat(recent.list()).containsExactly(a);
    }

    @Test
    void theLauncherTellsAWorkspaceFromACommand() throws IOException {
        Path file = dir.resolve("w.fusionlab");
        Path folder = dir.resolve("wf");
        WorkspaceStore.save(workspace(), file);
        WorkspaceStore.save(workspace(), folder);
        assertThat(WorkspaceStore.looksLikeWorkspace(file)).isTrue();
        assertThat(WorkspaceStore.looksLikeWorkspace(folder)).isTrue();
        assertThat(WorkspaceStore.looksLikeWorkspace(Path.of("run"))).isFalse();
        assertThat(WorkspaceStore.looksLikeWorkspace(dir)).isFalse();
    }

    @Test
    void dirsFollowXdgThenHome() {
        var xdg = FusionLabDirs.of(java.util.Map.of("XDG_CONFIG_HOME", "/x/config", "XDG_CACHE_HOME", "/x/cache"), "/home/u", null, null);
        assertThat(xdg.config()).isEqualTo(Path.of("/x/config/fusionlab"));
        assertThat(xdg.autosaveFile()).isEqualTo(Path.of("/x/cache/fusionlab/autosave/autosave.fusionlab"));
        var home = FusionLabDirs.of(java.util.Map.of("XDG_CONFIG_HOME", "relative"), "/home/u", null, null);
        assertThat(home.config()).isEqualTo(Path.of("/home/u/.config/fusionlab"));
        assertThat(home.cache()).isEqualTo(Path.of("/home/u/.cache/fusionlab"));
    }
}
