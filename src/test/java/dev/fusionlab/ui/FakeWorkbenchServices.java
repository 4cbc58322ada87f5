package dev.fusionlab.ui;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionSettings;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.model.GenerativeModel;
import dev.fusionlab.ui.model.WorkbenchServices;
import java.util.List;

/**
 * The workbench's services over one hand-made run, for view-model and GUI tests: loading gives the
 * run's dataset, running gives the run, a query is the text embedding of the sample with that id.
 * Tests that need a slow, failing or observed run override {@link #run} or {@link #loadDataset}.
 * Re-projection and search are the core's own (static, engine-free) code on the hand-made run.
 */
public class FakeWorkbenchServices implements WorkbenchServices {

    private final RunResult result;
    private final List<String> imageEncoders;
    private final List<String> textEncoders;

    public FakeWorkbenchServices(RunResult result) {
        this(result, List.of("mobilenet_v2"), List.of("all-minilm-l6-v2"));
    }

    public FakeWorkbenchServices(RunResult result, List<String> imageEncoders, List<String> textEncoders) {
        this.result = result;
        this.imageEncoders = imageEncoders;
        this.textEncoders = textEncoders;
    }

    @Override
    public Dataset loadDataset(String location, DatasetOptions options, TaskContext context) throws Exception {
        return result.dataset();
    }

    @Override
    public RunResult run(Dataset dataset, RunConfig config, TaskContext context, LiveLayouts live) throws Exception {
        return result;
    }

    /** The real re-projection: it needs no encoder or classifier, so it works on a hand-made run. */
    @Override
    public RunResult reproject(RunResult run, ProjectionMethod method, ProjectionSettings settings,
                               TaskContext context, LiveLayouts live) throws Exception {
        return Pipeline.reproject(run, method, settings, context, live);
    }

    /** The real search maths on the run's joint space; the query stands for the sample with that id. */
    @Override
    public List<Pipeline.ImageHit> findImages(RunResult run, String query, int k, TaskContext context) {
        return Pipeline.nearestImages(run.jointSpace(), run.embeddings().get(Space.IMAGE), run.samples(),
                TestRuns.queryEmbedding(run, query), k);
    }

    /** A hand-made generative model over the run (see {@link FakeGenerativeModel}); nothing is trained. */
    @Override
    public GenerativeModel prepareGenerative(RunConfig config, TaskContext context) throws Exception {
        return new FakeGenerativeModel(result);
    }

    /** The real projection code on the fake model's latent. */
    @Override
    public RunResult projectLatent(RunResult run, GenerativeModel model, TaskContext context) throws Exception {
        var projections = new java.util.LinkedHashMap<>(run.projections());
        projections.putAll(Pipeline.project(java.util.Map.of(Space.LATENT, model.latents(run.ids(), context)),
                run.config(), context, LiveLayouts.NONE));
        return run.withProjections(run.config(), projections);
    }

    @Override
    public List<String> imageEncoders() {
        return imageEncoders;
    }

    @Override
    public List<String> textEncoders() {
        return textEncoders;
    }
}
