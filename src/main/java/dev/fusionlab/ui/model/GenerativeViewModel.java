package dev.fusionlab.ui.model;

import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.ui.model.GenerativeModel.CaptionMatch;
import dev.fusionlab.ui.model.GenerativeModel.MissingModalityTable;
import dev.fusionlab.ui.model.GenerativeModel.SampleImputation;
import dev.fusionlab.ui.model.GenerativeModel.TextToImageResult;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the generative pane: the multimodal VAE of the open dataset, trained (or taken from the cache)
 * only when the user asks, on this pane's own worker so that exploring the run goes on meanwhile; then
 * text to image, the captions nearest the text generated from the selected image, the missing-modality
 * measures and the selected sample's predictions with each modality imputed, and the joint latent laid
 * out as one more space of the projection. Everything slow goes through {@link WorkbenchServices} and the
 * {@link GenerativeModel} it returns.
 */
public final class GenerativeViewModel {

    /** What the pane says before the model exists. */
    public static final String EXPLANATION = "Trains a multimodal VAE on this dataset's training images and "
            + "caption embeddings so it can draw images from a description, describe an image with the nearest "
            + "captions and fill in a missing modality; the first time this takes about 3 to 8 minutes on a "
            + "laptop (the demo), later it loads from the cache in about a minute.";

    /** Captions shown for the selected image. */
    public static final int CAPTIONS = 5;
    /** Real training images shown beside a generated one. */
    public static final int NEAREST = 5;

    private final WorkbenchServices services;
    private final BackgroundTaskViewModel task;
    private final Supplier<RunConfig> config;
    private final ReadOnlyObjectProperty<RunResult> run;
    private final Consumer<RunResult> showRun;
    private final ObjectProperty<Space> shownSpace;
    private final ReadOnlyObjectWrapper<GenerativeModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(EXPLANATION);
    private final StringProperty description = new SimpleStringProperty("");
    private final IntegerProperty samples = new SimpleIntegerProperty(3);
    private final ReadOnlyObjectWrapper<TextToImageResult> generated = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MissingModalityTable> measures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper selectedId = new ReadOnlyStringWrapper("");
    private final ObservableList<CaptionMatch> captions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SampleImputation> imputation = new ReadOnlyObjectWrapper<>();
    private String pendingSample;

    /**
     * @param config     the settings the model is trained with (dataset, encoders, seed), read when training starts
     * @param run        the workbench's run, whose rows the selection names and whose projection gets the latent
     * @param selection  selected rows of the run (the first one is described)
     * @param showRun    puts a run with the latent layout on screen
     * @param shownSpace the projection's space, switched to {@link Space#LATENT} once it is laid out
     */
    public GenerativeViewModel(WorkbenchServices services, Executor uiThread, Supplier<RunConfig> config,
                               ReadOnlyObjectProperty<RunResult> run, ReadOnlyObjectProperty<int[]> selection,
                               Consumer<RunResult> showRun, ObjectProperty<Space> shownSpace) {
        this.services = services;
        this.task = new BackgroundTaskViewModel(uiThread);
        this.config = config;
        this.run = run;
        this.showRun = showRun;
        this.shownSpace = shownSpace;
        selection.addListener((obs, old, rows) -> select(rows));
        task.runningProperty().addListener((obs, was, busy) -> {
            if (!busy && pendingSample != null) { // a selection made while busy is described now
                String id = pendingSample;
                pendingSample = null;
                describe(id);
            }
        });
    }

    /**
     * Trains the model, or loads it when the same data, encoders, settings and seed were trained before,
     * then measures it (missing modality); replaces the previous model.
     *
     * @return false when the pane is busy
     */
    public boolean train() {
        RunConfig settings = config.get();
        return task.start("Training generative model", ctx -> {
            GenerativeModel m = services.prepareGenerative(settings, ctx);
            try {
                return new ReadyModel(m, m.measure(ctx));
            } catch (Exception | Error e) {
                m.close();
                throw e;
            }
        }, trained -> {
            GenerativeModel old = model.get();
            model.set(trained.model());
            if (old != null) {
                old.close();
            }
            measures.set(trained.measures());
            summary.set(trained.model().summary());
            generated.set(null);
            captions.clear();
            imputation.set(null);
            String id = selectedId.get();
            if (!id.isEmpty()) {
                pendingSample = id;
            }
        }, trained -> "Generative model ready: " + trained.model().summary());
    }

    private record ReadyModel(GenerativeModel model, MissingModalityTable measures) {
    }

    /**
     * Text to image for {@link #descriptionProperty()}: the decoded mean, {@link #samplesProperty()} samples
     * of the posterior and the nearest real images.
     *
     * @return false when there is no model, the description is blank or the pane is busy
     */
    public boolean generate() {
        GenerativeModel m = model.get();
        String text = description.get() == null ? "" : description.get().strip();
        if (m == null || text.isEmpty()) {
            return false;
        }
        int k = Math.max(0, samples.get());
        long seed = config.get().seed();
        return task.start("Generating \u201c" + text + "\u201d", ctx -> m.textToImage(text, k, NEAREST, seed, ctx),
                generated::set, r -> "Generated " + r.images().size() + " images for \u201c" + text + "\u201d");
    }

    private void select(int[] rows) {
        RunResult r = run.get();
        if (rows == null || rows.length == 0 || r == null || rows[0] >= r.samples().size()) {
            return;
        }
        String id = r.samples().get(rows[0]).id();
        selectedId.set(id);
        if (model.get() == null) {
            return;
        }
        if (task.isRunning()) {
            pendingSample = id;
        } else {
            describe(id);
        }
    }

    /** Image to text and the imputed predictions for one sample, in the background. */
    public boolean describe(String id) {
        GenerativeModel m = model.get();
        if (m == null || id == null || id.isEmpty()) {
            return false;
        }
        selectedId.set(id);
        return task.start("Describing " + id, ctx -> new SampleDescription(m.nearestCaptions(id, CAPTIONS, ctx),
                m.imputeSample(id, ctx)), d -> {
            captions.setAll(d.captions());
            imputation.set(d.imputation());
        }, d -> CAPTIONS + " captions nearest to the text generated from " + id);
    }

    private record SampleDescription(List<CaptionMatch> captions, SampleImputation imputation) {
    }

    /**
     * Lays out the joint latent of the run's samples with the run's projection method and shows it in the
     * projection ({@link Space#LATENT}).
     *
     * @return false when there is no model or run, or the pane is busy
     */
    public boolean projectLatent() {
        GenerativeModel m = model.get();
        RunResult r = run.get();
        if (m == null || r == null) {
            return false;
        }
        return task.start("Projecting the joint latent", ctx -> services.projectLatent(r, m, ctx), laidOut -> {
            showRun.accept(laidOut);
            shownSpace.set(Space.LATENT);
        }, laidOut -> "Joint latent laid out (" + laidOut.config().projection().label() + ")");
    }

    public void cancel() {
        task.cancel();
    }

    /** Releases the model (window closing). */
    public void close() {
        GenerativeModel m = model.get();
        model.set(null);
        if (m != null) {
            m.close();
        }
    }

    public BackgroundTaskViewModel task() {
        return task;
    }

    public BooleanBinding readyBinding() {
        return Bindings.isNotNull(model);
    }

    public ReadOnlyObjectProperty<GenerativeModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** The explanation before training; afterwards where the model came from. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** Posterior samples drawn besides the mean. */
    public IntegerProperty samplesProperty() {
        return samples;
    }

    public ReadOnlyObjectProperty<TextToImageResult> generatedProperty() {
        return generated.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MissingModalityTable> measuresProperty() {
        return measures.getReadOnlyProperty();
    }

    /** The sample whose captions and imputations are shown (or will be, once the model exists). */
    public ReadOnlyStringProperty selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public ObservableList<CaptionMatch> captions() {
        return captions;
    }

    public ReadOnlyObjectProperty<SampleImputation> imputationProperty() {
        return imputation.getReadOnlyProperty();
    }
}
