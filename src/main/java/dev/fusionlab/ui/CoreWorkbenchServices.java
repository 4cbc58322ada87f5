package dev.fusionlab.ui;

import dev.fusionlab.caption.CaptionModelCache;
import dev.fusionlab.caption.Captioner;
import dev.fusionlab.caption.Captioning;
import dev.fusionlab.caption.CaptioningResult;
import dev.fusionlab.caption.CaptioningSettings;
import dev.fusionlab.caption.Conditioning;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.embeddings.EmbeddingRun;
import dev.fusionlab.embeddings.ImportSpec;
import dev.fusionlab.encode.EncoderCatalog;
import dev.fusionlab.encode.Modality;
import dev.fusionlab.generate.Generation;
import dev.fusionlab.generate.MvaeSpec;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.pipeline.Layouts;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.ProjectionKey;
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
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workbench's services backed by the real core: one {@link Pipeline}, kept between runs so encoders
 * load once. The pipeline is created on the first run (on the worker thread: starting the native engines
 * takes seconds), never at window start; loading a dataset needs no engine.
 */
final class CoreWorkbenchServices implements WorkbenchServices, AutoCloseable {

    private Pipeline pipeline;

    @Override
    public Dataset loadDataset(String location, DatasetOptions options, TaskContext context) {
        return Pipeline.load(location, options, context);
    }

    @Override
    public synchronized RunResult run(Dataset dataset, RunConfig config, TaskContext context, LiveLayouts live) {
        return pipeline().run(dataset, config, context, live);
    }

    @Override
    public RunResult reproject(RunResult run, ProjectionMethod method, ProjectionSettings settings,
                               TaskContext context, LiveLayouts live) {
        return Pipeline.reproject(run, method, settings, context, live);
    }

    @Override
    public synchronized List<Pipeline.ImageHit> findImages(RunResult run, String query, int k, TaskContext context) {
        return pipeline().searchImages(run, query, k, context);
    }

    /** A pipeline of the model's own, so a run on the main worker never waits for the training. */
    @Override
    public GenerativeModel prepareGenerative(RunConfig config, TaskContext context) {
        Pipeline own = Pipeline.withDefaults();
        try {
            return new CoreGenerativeModel(Generation.prepare(own, config, MvaeSpec.defaults(config.seed()),
                    Generation.defaultStore(), context), own);
        } catch (RuntimeException | Error e) {
            own.close();
            throw e;
        }
    }

    @Override
    public RunResult projectLatent(RunResult run, GenerativeModel model, TaskContext context) throws Exception {
        float[][] latents = model.latents(run.ids(), context);
        Map<ProjectionKey, double[][]> projections = new LinkedHashMap<>(run.projections());
        Layouts layouts = Pipeline.layOut(Map.of(Space.LATENT, latents), run.config(), context, LiveLayouts.NONE);
        projections.putAll(layouts.points());
        return run.withProjections(run.config(), projections, layouts.explainedVariance());
    }

    private Pipeline pipeline() {
        if (pipeline == null) {
            pipeline = Pipeline.withDefaults();
        }
        return pipeline;
    }

    @Override
    public List<String> imageEncoders() {
        return EncoderCatalog.builtIn(Modality.IMAGE);
    }

    @Override
    public List<String> textEncoders() {
        return EncoderCatalog.builtIn(Modality.TEXT);
    }

    @Override
    public PlaygroundRun playground(GeneratorSettings settings, String name, RunConfig config, TaskContext context,
                                    LiveLayouts live) {
        return Playground.run(settings, name, config, context, live);
    }

    @Override
    public SweepResult sweep(GeneratorSettings base, String name, RunConfig config, SweepSpec spec, TaskContext context) {
        return Sweep.run(base, name, config, spec, context);
    }

    @Override
    public AblationReport ablate(RunResult run, List<AblationCondition> conditions, long seed, TaskContext context) {
        return Ablation.run(run, conditions, seed, context);
    }

    @Override
    public Map<Strategy, int[]> conditionPredictions(RunResult run, AblationCondition condition, long seed,
                                                     TaskContext context) {
        return ConditionPredictions.of(run, condition, seed);
    }

    /** Generated captions by caption model (cache key): a second request in this session is instant. */
    private final Map<String, String[]> generatedByModel = new HashMap<>();

    /**
     * The measured captioning experiment on the run's own image embeddings (no encoding again; the model is
     * taken from the core's cache when it was trained before), then every image captioned once with the
     * image model's beam search.
     */
    @Override
    public RunCaptions captionImages(RunResult run, TaskContext context) {
        EncodedDataset encoded = new EncodedDataset(run.dataset(), run.samples(), run.embeddings().get(Space.IMAGE),
                run.embeddings().get(Space.TEXT), List.of(), run.provenance().encoders());
        CaptioningSettings settings = CaptioningSettings.defaults(run.config().seed());
        CaptioningResult result = Captioning.run(encoded, settings, CaptionModelCache.defaultLocation(), context);
        CaptioningResult.Model model = result.models().get(Conditioning.IMAGE);
        String key = model.cacheKey() + "/" + run.samples().size();
        String[] generated;
        synchronized (generatedByModel) {
            generated = generatedByModel.get(key);
        }
        if (generated == null) {
            generated = captionAll(model.captioner(), run, settings.beamWidth(), context);
            synchronized (generatedByModel) {
                generatedByModel.put(key, generated);
            }
        }
        return new RunCaptions(run.samples(), generated.clone(), result.scores(), model.fromCache());
    }

    private static String[] captionAll(Captioner captioner, RunResult run, int beam, TaskContext context) {
        float[][] image = run.embeddings().get(Space.IMAGE);
        String[] out = new String[run.samples().size()];
        Map<Path, String> byImage = new HashMap<>(); // captions-only data: several rows share one image
        for (int i = 0; i < out.length; i++) {
            context.throwIfCancelled("caption-all");
            Path file = run.samples().get(i).image();
            if (file != null) {
                int row = i;
                out[i] = byImage.computeIfAbsent(file, f -> captioner.caption(image[row], beam));
            }
            if (i % 16 == 0) {
                context.report("caption-all", (double) i / out.length, i + "/" + out.length + " images");
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    @Override
    public RunResult openEmbeddings(ImportSpec spec, RunConfig config, TaskContext context, LiveLayouts live) {
        // one table with image_embedding and text_embedding (a Spark job's shards): both, on this worker thread
        return EmbeddingRun.open(dev.fusionlab.embeddings.EmbeddingImport.withPairedColumns(spec), config, context, live);
    }
}
