package dev.fusionlab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.fuse.FusionModels;
import dev.fusionlab.fuse.LateFusionModels;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.TestRuns;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunResultTest {

    private static final ProjectionKey PCA = new ProjectionKey(Space.FUSED, ProjectionMethod.PCA);
    private static final ProjectionKey UMAP = new ProjectionKey(Space.FUSED, ProjectionMethod.UMAP);

    @Test
    void aLayoutKeepsItsExplainedVarianceUntilItIsReplaced() {
        RunResult base = TestRuns.clusters(12, null);
        RunResult run = base.withProjections(base.config(), base.projections(), Map.of(PCA, new double[] {0.5, 0.25}));

        Map<ProjectionKey, double[][]> umapRedone = new LinkedHashMap<>(run.projections());
        umapRedone.put(UMAP, new double[12][2]);
        assertThat(run.withProjections(run.config(), umapRedone).explainedVariance().get(PCA)).containsExactly(0.5, 0.25);

        Map<ProjectionKey, double[][]> pcaRedone = new LinkedHashMap<>(run.projections());
        pcaRedone.put(PCA, new double[12][2]);
        assertThat(run.withProjections(run.config(), pcaRedone).explainedVariance()).isEmpty(); // no stale share
        assertThat(run.withProjections(run.config(), pcaRedone, Map.of(PCA, new double[] {0.75, 0.125}))
                .explainedVariance().get(PCA)).containsExactly(0.75, 0.125);
    }

    @Test
    void explainedVarianceBelongsToALayoutOfTheRun() {
        RunResult base = TestRuns.clusters(12, null);
        ProjectionKey missing = new ProjectionKey(Space.TEXT, ProjectionMethod.PCA);
        assertThatThrownBy(() -> base.withProjections(base.config(), base.projections(), Map.of(missing, new double[] {0.5, 0.2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> base.withProjections(base.config(), base.projections(), Map.of(PCA, new double[] {0.5})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theModelsAndTheRunAgreeOnWhatLateFusionLearned() {
        RunResult r = TestRuns.clusters(12, null);
        FusionModels other = new FusionModels(null, null, null, null, null, null, null, null,
                LateFusionModels.untrained("another run"));
        assertThatThrownBy(() -> new RunResult(r.dataset(), r.classes(), r.samples(), r.truth(), r.embeddings(),
                r.probabilities(), r.late(), r.jointSpace(), r.retrieval(), r.projections(), r.config(), r.stageMillis(),
                r.provenance(), other, Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("late");
    }
}
