package dev.fusionlab.ui;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.encode.EncoderCatalog;
import dev.fusionlab.encode.Modality;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionSettings;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.generate.Generation;
import dev.fusionlab.generate.MvaeSpec;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.ui.model.GenerativeModel;
import dev.fusionlab.ui.model.WorkbenchServices;
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
        projections.putAll(Pipeline.project(Map.of(Space.LATENT, latents), run.config(), context, LiveLayouts.NONE));
        return run.withProjections(run.config(), projections);
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
    public synchronized void close() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }
}
