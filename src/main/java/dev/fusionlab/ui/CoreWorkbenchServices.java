package dev.fusionlab.ui;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.DatasetLoader;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.encode.EncoderCatalog;
import dev.fusionlab.encode.Modality;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.model.WorkbenchServices;
import java.util.List;

/**
 * The workbench's services backed by the real core: the dataset loader, the encoder catalog and one
 * {@link Pipeline}, kept between runs so encoders load once. The pipeline is created on the first run
 * (on the worker thread: starting the native engines takes seconds), never at window start.
 */
final class CoreWorkbenchServices implements WorkbenchServices, AutoCloseable {

    private Pipeline pipeline;

    @Override
    public Dataset loadDataset(String location, TaskContext context) {
        RunConfig config = RunConfig.defaults().withDataset(location);
        return DatasetLoader.load(Pipeline.datasetPath(config), DatasetOptions.defaults(), context);
    }

    @Override
    public synchronized RunResult run(RunConfig config, TaskContext context, LiveLayouts live) {
        return pipeline().run(config, context, live);
    }

    @Override
    public synchronized float[] encodeQuery(String textEncoderId, String query, TaskContext context) {
        return pipeline().encodeText(textEncoderId, query, context);
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
