package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.embeddings.ImportSpec;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.playground.GeneratorSettings;
import dev.fusionlab.playground.PlaygroundRun;
import dev.fusionlab.playground.SweepResult;
import dev.fusionlab.playground.SweepSpec;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionSettings;
import dev.fusionlab.robustness.AblationCondition;
import dev.fusionlab.robustness.AblationReport;
import dev.fusionlab.task.TaskContext;
import java.util.List;
import java.util.Map;

/**
 * Every piece of core work the GUI asks for, behind one interface, so that the view models can be tested
 * with small hand-made results and the application wires in the real pipeline: the view models call
 * nothing else of the core that computes. Implementations run on a background thread, report through the
 * context and stop when it is cancelled.
 */
public interface WorkbenchServices {

    /**
     * Loads a dataset folder or captions file, or the bundled demo when {@code location} is
     * {@link RunConfig#DEMO}, with the seed (splits) and columns of {@code options}. Bad items become
     * problems of the dataset, never an exception.
     */
    Dataset loadDataset(String location, DatasetOptions options, TaskContext context) throws Exception;

    /**
     * Encodes, trains and projects the dataset already loaded (with {@code config.datasetOptions()}): a
     * whole run, without reading the dataset again.
     *
     * @param live receives intermediate layouts of iterative projections (t-SNE), to show them converging
     */
    RunResult run(Dataset dataset, RunConfig config, TaskContext context, LiveLayouts live) throws Exception;

    /**
     * The run laid out again with another projection method or settings; nothing is encoded or trained
     * (see {@link Pipeline#reproject}).
     */
    RunResult reproject(RunResult run, ProjectionMethod method, ProjectionSettings settings, TaskContext context,
                        LiveLayouts live) throws Exception;

    /**
     * The {@code k} images of the run nearest to a typed query in its joint space, best first (see
     * {@link Pipeline#searchImages(RunResult, String, int, TaskContext)}).
     */
    List<Pipeline.ImageHit> findImages(RunResult run, String query, int k, TaskContext context) throws Exception;

    /**
     * The {@code k} captions of the run nearest to the image of sample {@code row} in its joint space, best
     * first (see {@link Pipeline#nearestCaptions}); nothing is encoded, the run holds both embeddings.
     */
    default List<Pipeline.NearCaption> findCaptions(RunResult run, int row, int k, TaskContext context) {
        if (run.jointSpace() == null) {
            throw new IllegalArgumentException("this run has no joint space (fewer than 2 training pairs)");
        }
        context.throwIfCancelled("find-captions");
        return Pipeline.nearestCaptions(run.jointSpace(), run.embeddings().get(dev.fusionlab.pipeline.Space.TEXT),
                run.samples(), run.embeddings().get(dev.fusionlab.pipeline.Space.IMAGE)[row], k);
    }

    /**
     * Trains the multimodal VAE of {@code config}'s dataset (or takes it from the cache when the same data,
     * encoders, settings and seed were trained before), for the generative pane. Slow the first time.
     */
    default GenerativeModel prepareGenerative(RunConfig config, TaskContext context) throws Exception {
        throw new UnsupportedOperationException("these services have no generative model");
    }

    /**
     * The run with one more layout: the generative model's joint latent of its samples
     * ({@link dev.fusionlab.pipeline.Space#LATENT}), laid out with the run's projection method.
     */
    default RunResult projectLatent(RunResult run, GenerativeModel model, TaskContext context) throws Exception {
        throw new UnsupportedOperationException("these services have no generative model");
    }

    /** Image encoder ids the user can choose, the default first. */
    List<String> imageEncoders();

    /** Text encoder ids the user can choose, the default first. */
    List<String> textEncoders();

    /** A synthetic dataset generated and run through the pipeline (see {@code playground.Playground#run}). */
    PlaygroundRun playground(GeneratorSettings settings, String name, RunConfig config, TaskContext context,
                             LiveLayouts live) throws Exception;

    /** One control varied, a whole playground run at each value (see {@code playground.Sweep#run}). */
    SweepResult sweep(GeneratorSettings base, String name, RunConfig config, SweepSpec spec, TaskContext context)
            throws Exception;

    /** Every strategy scored under every condition on the run's test split, no retraining ({@code robustness.Ablation}). */
    AblationReport ablate(RunResult run, List<AblationCondition> conditions, long seed, TaskContext context)
            throws Exception;

    /**
     * Per-row predictions of every strategy under one condition, as the ablation makes them; -1 outside the
     * labelled test split ({@code robustness.ConditionPredictions}).
     */
    Map<Strategy, int[]> conditionPredictions(RunResult run, AblationCondition condition, long seed,
                                              TaskContext context) throws Exception;

    /**
     * An image captioner trained on the run's training split (or taken from the core's cache), its scores
     * on the test split against the baselines, and its caption of every sample's image.
     *
     * @throws IllegalArgumentException when the run has no images or no captions to learn from
     */
    RunCaptions captionImages(RunResult run, TaskContext context) throws Exception;

    /**
     * Opens embeddings made elsewhere (one or two files and their metadata) and runs everything after
     * encoding on them, as {@code config} says (its dataset and encoders are ignored): fusion and retrieval
     * with two modalities, a layout of the one space with one.
     */
    RunResult openEmbeddings(ImportSpec spec, RunConfig config, TaskContext context, LiveLayouts live) throws Exception;
}
