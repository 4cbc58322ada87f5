package dev.fusionlab.ui;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.model.WorkbenchServices;
import java.util.List;

/**
 * The workbench's services over one hand-made run, for view-model and GUI tests: loading gives the
 * run's dataset, running gives the run, a query is the text embedding of the sample with that id.
 * Tests that need a slow, failing or observed run override {@link #run} or {@link #loadDataset}.
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
    public Dataset loadDataset(String location, TaskContext context) throws Exception {
        return result.dataset();
    }

    @Override
    public RunResult run(RunConfig config, TaskContext context, LiveLayouts live) throws Exception {
        return result;
    }

    @Override
    public float[] encodeQuery(String textEncoderId, String query, TaskContext context) {
        return TestRuns.queryEmbedding(result, query);
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
