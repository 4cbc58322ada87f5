package dev.fusionlab.ui;

import dev.fusionlab.caption.CaptionScores;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.embeddings.ImportSpec;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.playground.GeneratorSettings;
import dev.fusionlab.playground.Playground;
import dev.fusionlab.playground.PlaygroundRun;
import dev.fusionlab.playground.Sweep;
import dev.fusionlab.playground.SweepResult;
import dev.fusionlab.playground.SweepSpec;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionSettings;
import dev.fusionlab.robustness.Ablation;
import dev.fusionlab.robustness.AblationCondition;
import dev.fusionlab.robustness.AblationReport;
import dev.fusionlab.robustness.ConditionPredictions;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.model.GenerativeModel;
import dev.fusionlab.ui.model.RunCaptions;
import dev.fusionlab.ui.model.WorkbenchServices;
import java.util.List;
import java.util.Map;

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
        var layouts = Pipeline.layOut(java.util.Map.of(Space.LATENT, model.latents(run.ids(), context)),
                run.config(), context, LiveLayouts.NONE);
        projections.putAll(layouts.points());
        return run.withProjections(run.config(), projections, layouts.explainedVariance());
    }

    @Override
    public List<String> imageEncoders() {
        return imageEncoders;
    }

    @Override
    public List<String> textEncoders() {
        return textEncoders;
    }

    /** The real playground (it needs no encoder): small settings train in seconds. */
    @Override
    public PlaygroundRun playground(GeneratorSettings settings, String name, RunConfig config, TaskContext context,
                                    LiveLayouts live) {
        return Playground.run(settings, name, config, context, live);
    }

    @Override
    public SweepResult sweep(GeneratorSettings base, String name, RunConfig config, SweepSpec spec, TaskContext context) {
        return Sweep.run(base, name, config, spec, context);
    }

    /** The real ablation: it needs a run with trained models (a playground run has them). */
    @Override
    public AblationReport ablate(RunResult run, List<AblationCondition> conditions, long seed, TaskContext context) {
        return Ablation.run(run, conditions, seed, context);
    }

    @Override
    public Map<Strategy, int[]> conditionPredictions(RunResult run, AblationCondition condition, long seed,
                                                     TaskContext context) {
        return ConditionPredictions.of(run, condition, seed);
    }

    /** Hand-made captions ("generated " + the sample's id) and scores: the GUI's side of captioning, no training. */
    @Override
    public RunCaptions captionImages(RunResult run, TaskContext context) {
        String[] generated = run.samples().stream().map(s -> s.image() == null ? null : "generated " + s.id())
                .toArray(String[]::new);
        return new RunCaptions(run.samples(), generated, Map.of("model_image", new CaptionScores(0.25, 0.15, 0.07, 0.01, 0.3),
                "nearest_neighbour", new CaptionScores(0.2, 0.15, 0.1, 0.08, 0.4)), false);
    }

    /** The real import: plain Java, quick on the small files tests write. */
    @Override
    public RunResult openEmbeddings(ImportSpec spec, RunConfig config, TaskContext context, LiveLayouts live) {
        return dev.fusionlab.embeddings.EmbeddingRun.open(spec, config, context, live);
    }
}
