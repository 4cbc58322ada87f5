package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.FakeGenerativeModel;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The generative pane's state with a hand-made model: nothing is trained, no display is needed. */
class GenerativeViewModelTest {

    private final RunResult run = TestRuns.clusters(30, null);
    private final AtomicInteger prepared = new AtomicInteger();
    private final AtomicReference<RunConfig> trainedWith = new AtomicReference<>();
    private final AtomicReference<FakeGenerativeModel> last = new AtomicReference<>();
    private volatile CountDownLatch trainingStarted;

    private final WorkbenchServices services = new FakeWorkbenchServices(run) {
        @Override
        public GenerativeModel prepareGenerative(RunConfig config, TaskContext context) throws Exception {
            prepared.incrementAndGet();
            trainedWith.set(config);
            if (trainingStarted != null) { // a training that runs until cancelled
                trainingStarted.countDown();
                while (true) {
                    context.report("train-mvae", 0.1, "epoch 1/60");
                    context.throwIfCancelled("train-mvae");
                    Thread.sleep(5);
                }
            }
            FakeGenerativeModel model = new FakeGenerativeModel(run);
            last.set(model);
            return model;
        }
    };
    private final QueuedExecutor ui = new QueuedExecutor();
    private final WorkbenchViewModel workbench = new WorkbenchViewModel(services, ui);
    private final GenerativeViewModel vm = workbench.generative();

    private void await() throws InterruptedException {
        ui.drainUntil(() -> !vm.task().isRunning());
    }

    private void trained() throws InterruptedException {
        workbench.showResult(run);
        assertThat(vm.train()).isTrue();
        await();
        assertThat(vm.modelProperty().get()).isNotNull();
    }

    @Test
    void explainsBeforeTrainingAndNeverTrainsByItself() {
        assertThat(vm.summaryProperty().get()).isEqualTo(GenerativeViewModel.EXPLANATION).contains("minutes");
        assertThat(vm.readyBinding().get()).isFalse();
        vm.descriptionProperty().set("red heart");
        assertThat(vm.generate()).as("no model yet").isFalse();
        assertThat(vm.projectLatent()).isFalse();
        assertThat(prepared).hasValue(0);
    }

    @Test
    void trainingShowsTheModelAndItsMissingModalityTable() throws Exception {
        workbench.settings().seedProperty().set(9);
        trained();

        assertThat(prepared).hasValue(1);
        assertThat(trainedWith.get().seed()).isEqualTo(9);
        assertThat(vm.summaryProperty().get()).isEqualTo("fake MVAE on 30 samples");
        assertThat(vm.measuresProperty().get().rows()).extracting(GenerativeModel.ImputationScore::key)
                .containsExactly("image_only", "early_text_imputed_mvae", "text_only");
        assertThat(vm.task().messageProperty().get()).startsWith("Generative model ready");
    }

    @Test
    void aDescriptionGeneratesTheMeanSamplesAndNearestImages() throws Exception {
        trained();
        vm.descriptionProperty().set("  red heart ");
        vm.samplesProperty().set(2);
        assertThat(vm.generate()).isTrue();
        await();

        GenerativeModel.TextToImageResult shown = vm.generatedProperty().get();
        assertThat(shown.description()).isEqualTo("red heart");
        assertThat(shown.images()).hasSize(3); // the mean and 2 samples
        assertThat(shown.images().getFirst().argb()).hasSize(16);
        assertThat(shown.nearest()).hasSize(GenerativeViewModel.NEAREST);
        vm.descriptionProperty().set(" ");
        assertThat(vm.generate()).as("blank").isFalse();
    }

    @Test
    void selectingAnImageShowsItsNearestCaptionsAndImputedPredictions() throws Exception {
        trained();
        String id = run.samples().get(4).id();
        workbench.projection().select(new int[] {4});
        await();

        assertThat(vm.selectedIdProperty().get()).isEqualTo(id);
        assertThat(vm.captions()).hasSize(GenerativeViewModel.CAPTIONS);
        assertThat(vm.captions().getFirst().id()).isEqualTo(id);
        assertThat(vm.imputationProperty().get().id()).isEqualTo(id);
        assertThat(vm.imputationProperty().get().truth()).isEqualTo(run.samples().get(4).label());
        assertThat(vm.imputationProperty().get().predictions()).hasSize(2);
    }

    @Test
    void aSelectionMadeBeforeTrainingIsDescribedOnceTheModelIsReady() throws Exception {
        workbench.showResult(run);
        workbench.projection().select(new int[] {7});
        assertThat(vm.captions()).isEmpty();
        assertThat(vm.train()).isTrue();
        await();
        await(); // the description follows the training

        assertThat(vm.captions().getFirst().id()).isEqualTo(run.samples().get(7).id());
    }

    @Test
    void theJointLatentBecomesOneMoreSpaceOfTheProjection() throws Exception {
        trained();
        assertThat(vm.projectLatent()).isTrue();
        await();

        assertThat(workbench.projection().spaceProperty().get()).isEqualTo(Space.LATENT);
        assertThat(workbench.projection().layoutProperty().get().size()).isEqualTo(30);
        assertThat(workbench.resultProperty().get().projections().keySet())
                .anyMatch(k -> k.space() == Space.LATENT);
    }

    @Test
    void cancellingTheTrainingLeavesNoModel() throws Exception {
        trainingStarted = new CountDownLatch(1);
        assertThat(vm.train()).isTrue();
        assertThat(trainingStarted.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(vm.train()).as("busy").isFalse();
        vm.cancel();
        await();

        assertThat(vm.modelProperty().get()).isNull();
        assertThat(vm.summaryProperty().get()).isEqualTo(GenerativeViewModel.EXPLANATION);
        assertThat(vm.task().messageProperty().get()).isEqualTo("Training generative model cancelled");
    }

    @Test
    void trainingAgainClosesTheOldModel() throws Exception {
        trained();
        FakeGenerativeModel first = last.get();
        assertThat(vm.train()).isTrue();
        await();

        assertThat(first.isClosed()).isTrue();
        assertThat(vm.modelProperty().get()).isSameAs(last.get());
        vm.close();
        assertThat(last.get().isClosed()).isTrue();
        assertThat(List.of(prepared.get())).containsExactly(2);
    }
}
