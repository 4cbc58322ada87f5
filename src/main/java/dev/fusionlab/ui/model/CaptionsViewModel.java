package dev.fusionlab.ui.model;

import dev.fusionlab.pipeline.RunResult;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Generated captions of the shown run's images: trained (or taken from the core's cache) in the background
 * on request, then looked up by row for the hover card and the sample grid, beside the real caption.
 */
public final class CaptionsViewModel {

    private final WorkbenchServices services;
    private final BackgroundTaskViewModel task;
    private final ObservableValue<RunResult> result;
    private final ReadOnlyObjectWrapper<RunCaptions> captions = new ReadOnlyObjectWrapper<>();

    CaptionsViewModel(WorkbenchServices services, BackgroundTaskViewModel task, ObservableValue<RunResult> result) {
        this.services = services;
        this.task = task;
        this.result = result;
        result.addListener((obs, old, now) -> {
            RunCaptions c = captions.get();
            if (c != null && (now == null || (c.samples() != now.samples() && !c.samples().equals(now.samples())))) {
                captions.set(null); // other samples; a re-projection of the same ones keeps its captions
            }
        });
    }

    /** True when a run is shown whose samples have images to caption (synthetic runs have none). */
    public BooleanBinding canCaptionBinding() {
        return Bindings.createBooleanBinding(() -> hasImages(result.getValue()), result);
    }

    /** Whether any sample of the run has an image file (synthetic playground samples have none). */
    public static boolean hasImages(RunResult r) {
        return r != null && r.samples().stream().anyMatch(s -> s.image() != null);
    }

    /** Trains the captioner (or takes it from the cache) and captions every image, in the background. */
    public boolean captionImages() {
        RunResult run = result.getValue();
        if (!hasImages(run)) {
            return false;
        }
        return task.start("Captioning images", ctx -> services.captionImages(run, ctx), captions::set,
                c -> "Captioned " + run.samples().size() + " images"
                        + (c.fromCache() ? " (captioner from the cache)" : " (captioner trained)"));
    }

    /** The generated caption of the shown run's row {@code row}, or null before captioning. */
    public String generated(int row) {
        RunCaptions c = captions.get();
        return c == null ? null : c.generated(row);
    }

    /** The captions of the shown run; null before captioning (or after a run over other samples). */
    public ReadOnlyObjectProperty<RunCaptions> captionsProperty() {
        return captions.getReadOnlyProperty();
    }
}
