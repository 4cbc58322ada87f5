package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.embeddings.Alignment;
import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open embeddings… with UMAP or t-SNE chosen shows the fast PCA layout while the job goes on, then adds the
 * chosen method's layout: a large file is never a blank wait for minutes.
 */
class OpenEmbeddingsFirstLayoutTest {

    @TempDir
    Path dir;

    @Test
    void thePcaLayoutIsShownWhileTheChosenMethodIsComputed() throws Exception {
        int n = 120;
        SplittableRandom random = new SplittableRandom(4);
        float[][] rows = new float[n][10];
        List<String> meta = new ArrayList<>(List.of("id,label"));
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 10; d++) {
                rows[i][d] = (float) ((d % 3 == i % 3 ? 3 : 0) + random.nextGaussian() * 0.3);
            }
            meta.add("r" + i + ",c" + i % 3);
        }
        Path file = dir.resolve("rows.npy");
        Npy.write(file, rows);
        Path metadata = Files.write(dir.resolve("meta.csv"), meta);

        QueuedExecutor ui = new QueuedExecutor();
        WorkbenchViewModel vm = new WorkbenchViewModel(new FakeWorkbenchServices(TestRuns.clusters(30, null)), ui);
        vm.settings().projectionProperty().set(ProjectionMethod.UMAP);
        List<RunResult> shown = new ArrayList<>();
        List<Boolean> whileRunning = new ArrayList<>();
        vm.resultProperty().addListener((obs, old, now) -> {
            shown.add(now);
            whileRunning.add(vm.task().isRunning());
        });

        assertThat(vm.openEmbeddings(List.of(file), metadata, Alignment.ORDER)).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());

        assertThat(vm.task().errorProperty().get()).isEmpty();
        assertThat(shown).hasSize(2);
        assertThat(shown.getFirst().projections().keySet()).containsExactly(new ProjectionKey(Space.IMAGE, ProjectionMethod.PCA));
        assertThat(whileRunning.getFirst()).as("PCA shown before the job ends").isTrue();
        assertThat(shown.getLast().projections().keySet()).containsExactlyInAnyOrder(
                new ProjectionKey(Space.IMAGE, ProjectionMethod.PCA), new ProjectionKey(Space.IMAGE, ProjectionMethod.UMAP));
        assertThat(shown.getLast().config().projection()).isEqualTo(ProjectionMethod.UMAP);
        assertThat(vm.settings().projectionProperty().get()).as("the panel keeps the user's choice")
                .isEqualTo(ProjectionMethod.UMAP);
    }
}
