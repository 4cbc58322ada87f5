package dev.fusionlab.workspace;

import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import java.util.Objects;

/**
 * One afternoon's work: the settings of the pipeline panel, the last run (or none yet) and what the view
 * showed. The run carries its dataset (samples, problems, root) and its fingerprint
 * ({@code provenance().datasetSha256()}), so a reopened workspace shows the same picture without reading
 * the dataset, encoding or training.
 *
 * @param settings        every setting of the pipeline panel, the dataset location included
 * @param result          the run shown, or null when none was made yet
 * @param view            what the view showed
 * @param datasetLocation where the dataset was opened from ({@code demo} or a path), as the GUI shows it
 */
public record Workspace(RunConfig settings, RunResult result, ViewState view, String datasetLocation) {

    public Workspace {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(view, "view");
        datasetLocation = datasetLocation == null ? settings.dataset() : datasetLocation;
    }

    public Workspace withResult(RunResult newResult) {
        return new Workspace(settings, newResult, view, datasetLocation);
    }

    public Workspace withDatasetLocation(String newLocation) {
        return new Workspace(settings.withDataset(newLocation), result, view, newLocation);
    }
}
