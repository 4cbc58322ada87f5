package dev.fusionlab.ui;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.model.WorkbenchServices;
import java.util.List;

/** The workbench's services backed by the real core: dataset loaders and the pipeline. */
final class CoreWorkbenchServices implements WorkbenchServices {

    @Override
    public Dataset loadDataset(String location, TaskContext context) {
        throw new UnsupportedOperationException("dataset loading is not wired into this build yet");
    }

    @Override
    public RunResult run(RunConfig config, TaskContext context) {
        throw new UnsupportedOperationException("the pipeline is not wired into this build yet");
    }

    @Override
    public List<String> imageEncoders() {
        return List.of(RunConfig.defaults().imageEncoder());
    }

    @Override
    public List<String> textEncoders() {
        return List.of(RunConfig.defaults().textEncoder());
    }
}
