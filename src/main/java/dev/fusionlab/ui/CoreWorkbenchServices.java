package dev.fusionlab.ui;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.DatasetLoader;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.data.DemoDataset;
import dev.fusionlab.encode.EncoderCatalog;
import dev.fusionlab.encode.Modality;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.model.LayoutPreview;
import dev.fusionlab.ui.model.WorkbenchServices;
import java.nio.file.Path;
import java.util.List;

/** The workbench's services backed by the real core: the dataset loaders, the encoder catalog, the pipeline. */
final class CoreWorkbenchServices implements WorkbenchServices {

    @Override
    public Dataset loadDataset(String location, TaskContext context) {
        Path source = RunConfig.DEMO.equals(location) ? DemoDataset.locate() : Path.of(location);
        return DatasetLoader.load(source, DatasetOptions.defaults(), context);
    }

    @Override
    public RunResult run(RunConfig config, TaskContext context, LayoutPreview preview) {
        throw new UnsupportedOperationException("the pipeline is not wired into this build yet");
    }

    @Override
    public List<String> imageEncoders() {
        return EncoderCatalog.builtIn(Modality.IMAGE);
    }

    @Override
    public List<String> textEncoders() {
        return EncoderCatalog.builtIn(Modality.TEXT);
    }
}
