package dev.fusionlab.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.TestRuns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workspaces saved by earlier FusionLabs open; what a newer one adds to a layout travels with it. */
class WorkspaceCompatibilityTest {

    private static final ProjectionKey PCA = new ProjectionKey(Space.FUSED, ProjectionMethod.PCA);

    @TempDir
    Path dir;

    /**
     * {@code legacy-before-npy-codec.fusionlab} was saved from {@code TestRuns.clusters(12, null)} by the
     * FusionLab before the .npy codecs were merged and before PCA layouts kept their explained variance.
     */
    @Test
    void aWorkspaceSavedBeforeTheCodecsWereMergedOpensBitForBit() throws IOException {
        Path file = dir.resolve("old.fusionlab");
        try (InputStream in = getClass().getResourceAsStream("legacy-before-npy-codec.fusionlab")) {
            Files.copy(in, file);
        }
        RunResult expected = TestRuns.clusters(12, null);

        RunResult opened = WorkspaceStore.open(file).result();

        assertThat(opened.projections().keySet()).containsExactlyElementsOf(expected.projections().keySet());
        expected.projections().forEach((key, layout) -> assertThat(opened.projections().get(key)).isDeepEqualTo(layout));
        expected.embeddings().forEach((space, m) -> assertThat(opened.embeddings().get(space)).isDeepEqualTo(m));
        expected.probabilities().forEach((s, m) -> assertThat(opened.probabilities().get(s)).isDeepEqualTo(m));
        assertThat(opened.explainedVariance()).isEmpty(); // saved without it: the axes show no share

        // saved again, every matrix is the same bytes as the old codec wrote
        Map<String, byte[]> now = WorkspaceFormat.entries(new Workspace(expected.config(), expected, ViewState.defaults(), "clusters"));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            var npy = zip.stream().filter(e -> e.getName().endsWith(".npy")).toList();
            assertThat(npy).hasSize(10);
            for (var entry : npy) {
                assertThat(now.get(entry.getName())).as(entry.getName()).isEqualTo(zip.getInputStream(entry).readAllBytes());
            }
        }
    }

    @Test
    void thePcaAxesShareOfVarianceIsSavedWithTheLayout() throws IOException {
        RunResult base = TestRuns.clusters(12, null);
        RunResult run = base.withProjections(base.config(), base.projections(), Map.of(PCA, new double[] {0.625, 0.25}));
        Workspace workspace = new Workspace(run.config(), run, ViewState.defaults(), "clusters");

        LinkedHashMap<String, byte[]> entries = WorkspaceFormat.entries(workspace);
        RunResult reopened = WorkspaceFormat.read(entries::get, dir, null).result();

        assertThat(reopened.explainedVariance()).containsOnlyKeys(PCA);
        assertThat(reopened.explainedVariance().get(PCA)).containsExactly(0.625, 0.25);
        assertThat(new String(entries.get(WorkspaceFormat.MANIFEST), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"explained_variance_ratio\"");

        // the same manifest without the key, as a workspace saved before it was kept: opens, without the share
        ObjectNode manifest = (ObjectNode) WorkspaceFormat.JSON.readTree(entries.get(WorkspaceFormat.MANIFEST));
        manifest.path("run").path("projections").forEach(p -> ((ObjectNode) p).remove("explained_variance_ratio"));
        entries.put(WorkspaceFormat.MANIFEST, WorkspaceFormat.JSON.writeValueAsBytes(manifest));
        RunResult older = WorkspaceFormat.read(entries::get, dir, null).result();
        assertThat(older.explainedVariance()).isEmpty();
        assertThat(older.projections().get(PCA)).isDeepEqualTo(run.projections().get(PCA));
    }
}
