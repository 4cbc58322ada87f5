package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.embeddings.Alignment;
import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open embeddings… : files made elsewhere shown like a run, and Run reruns them with the panel's settings. */
class OpenEmbeddingsViewModelTest {

    private static final String[] CLASSES = {"cat", "dog", "owl"};
    private static final int N = 90;

    @TempDir
    Path dir;

    private final QueuedExecutor ui = new QueuedExecutor();
    private final WorkbenchViewModel vm = new WorkbenchViewModel(new FakeWorkbenchServices(TestRuns.clusters(30, null)), ui);

    /** Rows of class c sit around a class centre in {@code dims} dimensions. */
    private static float[][] modality(int dims, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] rows = new float[N][dims];
        for (int i = 0; i < N; i++) {
            for (int d = 0; d < dims; d++) {
                rows[i][d] = (float) ((d % CLASSES.length == i % CLASSES.length ? 3 : 0) + random.nextGaussian() * 0.3);
            }
        }
        return rows;
    }

    private Path metadata() throws IOException {
        List<String> lines = new ArrayList<>(List.of("id,label,caption"));
        for (int i = 0; i < N; i++) {
            lines.add("s" + i + "," + CLASSES[i % 3] + ",a " + CLASSES[i % 3] + " number " + i);
        }
        return Files.write(dir.resolve("metadata.csv"), lines);
    }

    @Test
    void twoFilesAreShownLikeARunAndRunRerunsThem() throws Exception {
        Path image = dir.resolve("image.npy");
        Path text = dir.resolve("text.npy");
        Npy.write(image, modality(12, 1));
        Npy.write(text, modality(9, 2));
        vm.settings().projectionProperty().set(ProjectionMethod.PCA);

        assertThat(vm.openEmbeddings(List.of(image, text), metadata(), Alignment.ORDER)).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());

        RunResult shown = vm.resultProperty().get();
        assertThat(vm.task().errorProperty().get()).isEmpty();
        assertThat(shown.samples()).hasSize(N);
        assertThat(shown.isClassified()).isTrue();
        assertThat(shown.embeddings()).containsKeys(Space.IMAGE, Space.TEXT, Space.FUSED);
        assertThat(vm.comparisonProperty().get()).isNotNull();
        assertThat(vm.task().messageProperty().get()).isEqualTo("Opened 90 rows, two modalities");

        assertThat(vm.run()).as("Run reruns the opened files, no dataset to load").isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());
        assertThat(vm.task().errorProperty().get()).isEmpty();
        assertThat(vm.resultProperty().get()).isNotSameAs(shown);
        assertThat(vm.resultProperty().get().samples()).hasSize(N);
    }

    @Test
    void oneFileShowsItsOwnSpaceAndNothingIsTrained() throws Exception {
        Path image = dir.resolve("only.npy");
        Npy.write(image, modality(12, 3));
        vm.settings().projectionProperty().set(ProjectionMethod.PCA);
        vm.projection().spaceProperty().set(Space.FUSED);

        assertThat(vm.openEmbeddings(List.of(image), metadata(), Alignment.ORDER)).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());

        assertThat(vm.resultProperty().get().isClassified()).isFalse();
        assertThat(vm.task().messageProperty().get()).isEqualTo("Opened 90 rows, one modality (exploration: no fusion)");
        assertThat(vm.projection().spaceProperty().get()).isEqualTo(Space.IMAGE);
        assertThat(vm.projection().layoutProperty().get()).isNotNull();
    }

    @Test
    void aBadFileIsAnErrorNamingItAndTheWorkbenchGoesOn() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.npy"), "not a numpy file");

        vm.openEmbeddings(List.of(broken), null, Alignment.ORDER);
        ui.drainUntil(() -> !vm.task().isRunning());

        assertThat(vm.task().errorProperty().get()).contains("broken.npy");
        assertThat(vm.resultProperty().get()).isNull();
    }
}
