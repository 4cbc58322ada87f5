package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.data.Sample;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionSettings;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Generated captions: on request, looked up by row, kept across re-projections, never for runs without images. */
class CaptionsViewModelTest {

    private final RunResult run = TestRuns.withJointSpace(TestRuns.clusters(40, null));
    private final AtomicInteger requests = new AtomicInteger();
    private final QueuedExecutor ui = new QueuedExecutor();
    private final WorkbenchViewModel workbench = new WorkbenchViewModel(new FakeWorkbenchServices(run) {
        @Override
        public RunCaptions captionImages(RunResult r, TaskContext context) {
            requests.incrementAndGet();
            return super.captionImages(r, context);
        }
    }, ui);
    private final CaptionsViewModel vm = workbench.captions();

    @Test
    void captionsAreLookedUpByRowAfterTheBackgroundJob() throws Exception {
        assertThat(vm.canCaptionBinding().get()).isFalse();
        assertThat(vm.captionImages()).isFalse();
        workbench.showResult(run);
        assertThat(vm.generated(3)).isNull();
        assertThat(vm.canCaptionBinding().get()).isTrue();

        assertThat(vm.captionImages()).isTrue();
        ui.drainUntil(() -> !workbench.task().isRunning());

        assertThat(requests).hasValue(1);
        assertThat(vm.generated(3)).isEqualTo("generated " + run.samples().get(3).id());
        assertThat(vm.generated(run.samples().size())).isNull();
        assertThat(vm.captionsProperty().get().scores()).containsKeys("model_image", "nearest_neighbour");

        RunResult reprojected = dev.fusionlab.pipeline.Pipeline.reproject(run, ProjectionMethod.PCA,
                ProjectionSettings.defaults(), TaskContext.silent(), dev.fusionlab.pipeline.LiveLayouts.NONE);
        workbench.showResult(reprojected); // same samples: the captions stay
        assertThat(vm.generated(3)).isEqualTo("generated " + run.samples().get(3).id());

        workbench.showResult(TestRuns.clusters(20, null)); // other samples: gone
        assertThat(vm.captionsProperty().get()).isNull();
        assertThat(vm.generated(3)).isNull();
    }

    @Test
    void runsWithoutImagesCannotBeCaptionedNorSearchedByMeaning() {
        List<Sample> noImages = run.samples().stream()
                .map(s -> new Sample(s.id(), null, s.text(), s.label(), s.split(), s.group(), s.extra())).toList();
        RunResult synthetic = new RunResult(run.dataset(), run.classes(), noImages, run.truth(), run.embeddings(),
                run.probabilities(), run.late(), run.jointSpace(), run.retrieval(), run.projections(), run.config(),
                run.stageMillis(), run.provenance());
        workbench.showResult(run);
        assertThat(workbench.canFindImagesBinding().get()).isTrue();

        workbench.showResult(synthetic);
        assertThat(vm.canCaptionBinding().get()).isFalse();
        assertThat(vm.captionImages()).isFalse();
        assertThat(workbench.canFindImagesBinding().get()).isFalse();
        assertThat(workbench.findImages("s3")).isFalse();
        assertThat(requests).hasValue(0);
    }
}
