package dev.fusionlab.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.embeddings.Alignment;
import dev.fusionlab.embeddings.EmbeddingRun;
import dev.fusionlab.embeddings.EmbeddingSource;
import dev.fusionlab.embeddings.ImportSpec;
import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on imported embeddings has samples without image files: saving it (the workbench autosaves after
 * Open embeddings…) failed with "Cannot invoke Path.isAbsolute() because image is null".
 */
class ImportedRunWorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void aRunOnImportedEmbeddingsIsSavedAndReopened() throws Exception {
        Random random = new Random(2);
        float[][] rows = new float[40][6];
        List<String> meta = new ArrayList<>(List.of("id\tlabel"));
        for (int i = 0; i < rows.length; i++) {
            for (int d = 0; d < 6; d++) {
                rows[i][d] = (float) (random.nextGaussian() + (d == i % 2 ? 3 : 0));
            }
            meta.add("r" + i + "\t" + (i % 2 == 0 ? "a" : "b"));
        }
        Path npy = dir.resolve("rows.npy");
        Npy.write(npy, rows);
        Path metadata = Files.write(dir.resolve("metadata.tsv"), meta);
        ImportSpec spec = ImportSpec.of(List.of(new EmbeddingSource("image", npy, null)), metadata, Alignment.ORDER);
        RunResult run = EmbeddingRun.open(spec, RunConfig.defaults(), TaskContext.silent(), (key, step, total, xy) -> { });
        assertThat(run.samples().getFirst().image()).isNull();

        Path target = dir.resolve("imported.fusionlab");
        WorkspaceStore.save(new Workspace(run.config(), run, ViewState.defaults(), npy.toString()), target);
        RunResult back = WorkspaceStore.open(target).result();
        assertThat(back.samples()).hasSize(40);
        assertThat(back.samples().getFirst().image()).isNull();
        assertThat(back.samples().getFirst().label()).isEqualTo("a");
        assertThat(back.projections().keySet()).isEqualTo(run.projections().keySet());
    }
}
