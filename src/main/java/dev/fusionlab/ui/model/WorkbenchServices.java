package dev.fusionlab.ui.model;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.task.TaskContext;
import java.util.List;

/**
 * The core work the GUI asks for, behind one interface so that the view models can be tested with
 * small hand-made results and the application wires in the real pipeline. Implementations run on a
 * background thread, report through the context and stop when it is cancelled.
 */
public interface WorkbenchServices {

    /**
     * Loads a dataset folder or captions file, or the bundled demo when {@code location} is
     * {@link RunConfig#DEMO}. Bad items become problems of the dataset, never an exception.
     */
    Dataset loadDataset(String location, TaskContext context) throws Exception;

    /**
     * Encodes, trains and projects: a whole run.
     *
     * @param live receives intermediate layouts of iterative projections (t-SNE), to show them converging
     */
    RunResult run(RunConfig config, TaskContext context, LiveLayouts live) throws Exception;

    /**
     * The raw embedding of a typed query by the text encoder {@code textEncoderId}, to look it up in a
     * run's joint space.
     */
    float[] encodeQuery(String textEncoderId, String query, TaskContext context) throws Exception;

    /** Image encoder ids the user can choose, the default first. */
    List<String> imageEncoders();

    /** Text encoder ids the user can choose, the default first. */
    List<String> textEncoders();
}
