package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.embeddings.Alignment;
import dev.fusionlab.embeddings.EmbeddingSource;
import dev.fusionlab.embeddings.ImportSpec;
import dev.fusionlab.export.plot.PlotFormat;
import dev.fusionlab.export.plot.ScatterPlotSpec;
import dev.fusionlab.fuse.LateFusion;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.report.MetricsReport;
import dev.fusionlab.report.ReportCsv;
import dev.fusionlab.report.ReportJson;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The whole workbench's state, with no JavaFX node in sight: testable without a display. Holds the open
 * dataset and the last run; derives predictions and the early-vs-late comparison from the run and the
 * live combiner settings; owns the panels' view models and the background job that loads, runs and
 * exports.
 */
public final class WorkbenchViewModel {

    private final WorkbenchServices services;
    private final Executor uiThread;
    private final BackgroundTaskViewModel task;
    private final PipelineSettingsViewModel settings;
    /** The embeddings opened instead of a dataset, which Run reruns; null when a dataset is open. */
    private ImportSpec imported;
    private final ReadOnlyStringWrapper datasetLocation = new ReadOnlyStringWrapper(RunConfig.DEMO);
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
    private Dataset loaded;
    private DatasetOptions loadedWith;
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Predictions> predictions = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper lateFusionNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<FoundImages> found = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FoundCaptions> foundCaptions = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Strategy> activeStrategy = new SimpleObjectProperty<>(Strategy.LATE);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);
    private final ObjectProperty<TextSize> textSize = new SimpleObjectProperty<>(TextSize.NORMAL);
    private final javafx.beans.property.StringProperty openView =
            new javafx.beans.property.SimpleStringProperty(OPEN_VIEW_EXPLORE);
    private final ProjectionViewModel projection;
    private final SampleBrowserViewModel samples;
    private final LinkedViewsViewModel linked;
    private final NeighboursViewModel neighbours;
    private final FaithfulnessViewModel faithfulness;
    private final LessonsViewModel lessons;
    private final GenerativeViewModel generative;
    private final PlaygroundViewModel playground;
    private final RobustnessViewModel robustness;
    private final CaptionsViewModel captions;

    /**
     * @param uiThread where property updates from background work are applied: {@code Platform::runLater}
     *                 in the application, a direct or queued executor in tests
     */
    public WorkbenchViewModel(WorkbenchServices services, Executor uiThread) {
        this.services = services;
        this.uiThread = uiThread;
        this.task = new BackgroundTaskViewModel(uiThread);
        this.settings = new PipelineSettingsViewModel(services.imageEncoders(), services.textEncoders());
        this.projection = new ProjectionViewModel(predictions, activeStrategy, dataset);
        this.samples = new SampleBrowserViewModel(dataset, result, projection.selectionProperty());
        this.generative = new GenerativeViewModel(services, uiThread, () -> settings.toConfig(datasetLocation.get()),
                result.getReadOnlyProperty(), projection.selectionProperty(), this::showResult, projection.spaceProperty());
        result.addListener((obs, old, now) -> recombine());
        this.playground = new PlaygroundViewModel(services, task, this::showResult, settings.combinerProperty()::get,
                settings.imageWeightProperty()::get);
        this.robustness = new RobustnessViewModel(services, task, result, projection.flipsProperty());
        this.captions = new CaptionsViewModel(services, task, result);
        result.addListener((obs, old, now) -> found.set(null));
        result.addListener((obs, old, now) -> foundCaptions.set(null));
        projection.selectionProperty().addListener((obs, old, now) -> {
            if (found.get() != null && !found.get().matches(now)) {
                found.set(null); // ranks belong to the query's selection only
            }
        });
        task.runningProperty().addListener((obs, was, running) -> {
            if (!running) {
                projection.endPreview(); // a cancelled or failed run leaves no half-converged layout behind
            }
        });
        settings.combinerProperty().addListener((obs, old, now) -> recombine());
        settings.imageWeightProperty().addListener((obs, old, now) -> recombine());
        this.linked = new LinkedViewsViewModel(projection, predictions, activeStrategy, dataset);
        this.neighbours = new NeighboursViewModel(task, result, projection);
        this.faithfulness = new FaithfulnessViewModel(task, result,
                dev.fusionlab.project.quality.NeighbourhoodPreservation.DEFAULT_K);
        faithfulness.attach(projection);
        linked.panes().forEach(faithfulness::attach);
        this.lessons = new LessonsViewModel(this, Lessons.fusionBasics());
    }

    /**
     * Late fusion recombined with the current combiner and weight; no retraining. The run resolves the
     * choice ({@link dev.fusionlab.fuse.LateFusion#resolve}): a run without a stacker shows mean fusion
     * instead of stacking, and says so in {@link #lateFusionNoteProperty()}. Predictions are set before the
     * comparison, so whoever reacts to a new comparison reads the predictions it was made from.
     */
    private void recombine() {
        RunResult r = result.get();
        if (r == null) {
            lateFusionNote.set("");
            comparison.set(null);
            predictions.set(null);
            return;
        }
        LateFusion.Resolved late = r.lateFusion(settings.combinerProperty().get(), settings.imageWeightProperty().get());
        lateFusionNote.set(r.isClassified() ? late.note() : "");
        predictions.set(Predictions.of(r, late));
        comparison.set(Comparison.of(MetricsReport.of(r, late)));
    }

    /**
     * Loads a dataset folder or file, or {@link RunConfig#DEMO}, in the background, with the seed and
     * columns the next run will use; runs then reuse it.
     */
    public boolean openDataset(String location) {
        imported = null;
        DatasetOptions options = settings.toConfig(location).datasetOptions();
        return task.start("Loading dataset", ctx -> services.loadDataset(location, options, ctx), loaded -> {
            datasetLocation.set(location);
            result.set(null);
            keepLoaded(loaded, options);
            dataset.set(loaded);
        }, loaded -> "Loaded " + loaded.name() + ": " + loaded.samples().size() + " samples"
                + (loaded.problems().isEmpty() ? "" : ", " + loaded.problems().size() + " skipped"));
    }

    /**
     * Encodes, trains and projects the open dataset with the current settings, in the background. The
     * dataset is read again only when the settings that decide its splits or columns (seed) changed since
     * it was loaded.
     */
    public boolean run() {
        if (imported != null) {
            return runImported(imported);
        }
        String location = datasetLocation.get();
        RunConfig config = settings.toConfig(location);
        DatasetOptions options = config.datasetOptions();
        Dataset reuse = options.equals(loadedWith) ? loaded : null;
        LivePreview live = new LivePreview(uiThread, projection);
        var read = new java.util.concurrent.atomic.AtomicReference<Dataset>(reuse);
        return task.start("Run", RunProgress.JobShape.RUN, ctx -> {
            if (read.get() == null) {
                read.set(services.loadDataset(location, options, ctx));
            }
            return services.run(read.get(), config, ctx, live);
        }, finished -> {
            keepLoaded(read.get(), options);
            showResult(finished);
        }, r -> "Run done in " + seconds(r.stageMillis().values().stream().mapToLong(Long::longValue).sum()));
    }

    /**
     * Opens embeddings made elsewhere (one or two files, {@code image} then {@code text}, and their
     * metadata) in the background and shows them like a run: fusion, retrieval and the three spaces with
     * two files, the one space with one. Run then reruns them with the panel's settings.
     *
     * @param metadata  per-row metadata, or null (a Parquet file's own columns, a TF Projector metadata.tsv)
     * @param alignment how rows match across the files: said by the user, never guessed
     */
    public boolean openEmbeddings(java.util.List<java.nio.file.Path> files, java.nio.file.Path metadata,
                                  Alignment alignment) {
        var sources = new java.util.ArrayList<EmbeddingSource>();
        for (int i = 0; i < files.size(); i++) {
            sources.add(new EmbeddingSource(i == 0 ? "image" : "text", files.get(i), null));
        }
        RunConfig config = settings.toConfig(files.getFirst().toString());
        return runImported(new ImportSpec(sources, metadata, alignment, null, config.labelColumn(),
                config.textColumn(), config.seed()));
    }

    /**
     * Opens and lays out with PCA first (seconds even at a million rows) and shows that at once; then, in
     * the same job, adds the panel's UMAP or t-SNE layouts with progress and intermediate layouts, while
     * the PCA layout can be explored. Cancelling then keeps the PCA layout.
     */
    private boolean runImported(ImportSpec spec) {
        RunConfig config = settings.toConfig(spec.sources().getFirst().file().toString());
        var method = config.projection();
        var layout = settings.projectionSettings();
        LivePreview live = new LivePreview(uiThread, projection);
        return task.start("Opening embeddings", ctx -> {
            RunResult first = services.openEmbeddings(spec, config.withProjection(ProjectionMethod.PCA), ctx, live);
            if (method == ProjectionMethod.PCA) {
                return first;
            }
            uiThread.execute(() -> showImported(spec, first));
            return services.reproject(first, method, layout, ctx, live);
        }, opened -> showImported(spec, opened), WorkbenchViewModel::openedMessage);
    }

    /** What the status line says once embeddings are open: rows and modalities (a folder of shards can hold two). */
    static String openedMessage(RunResult opened) {
        int spaces = opened.embeddings().size() >= 2 ? 2 : 1; // two modalities add their fused space
        return "Opened " + opened.samples().size() + " rows, "
                + (spaces == 1 ? "one modality (exploration: no fusion)" : "two modalities");
    }

    private void showImported(ImportSpec spec, RunResult opened) {
        imported = spec;
        datasetLocation.set(opened.dataset().root() == null ? spec.sources().getFirst().file().toString()
                : opened.dataset().root().toString());
        keepLoaded(null, null);
        showResult(opened);
        if (!opened.embeddings().containsKey(projection.spaceProperty().get())) { // one file: its space only
            projection.spaceProperty().set(opened.embeddings().keySet().iterator().next());
        }
    }

    /** The dataset as read (before any run added encoding problems to it), and the options it was read with. */
    private void keepLoaded(Dataset dataset, DatasetOptions options) {
        loaded = dataset;
        loadedWith = options;
    }

    /**
     * Lays the current run out again with the projection method and settings of the panel, in the
     * background: nothing is encoded or trained again. Layouts of other methods stay available.
     *
     * @return false when there is no run yet or another task is running
     */
    public boolean reproject() {
        RunResult current = result.get();
        if (current == null) {
            return false;
        }
        var method = settings.projectionProperty().get();
        var layout = settings.projectionSettings();
        LivePreview live = new LivePreview(uiThread, projection);
        long started = System.nanoTime();
        return task.start("Re-project (" + method.label() + ")", RunProgress.JobShape.REPROJECT,
                ctx -> services.reproject(current, method, layout, ctx, live), this::showResult,
                r -> method.label() + " layouts ready in " + seconds((System.nanoTime() - started) / 1_000_000));
    }

    /** How many images "find images" selects. */
    public static final int FOUND_IMAGES = 12;

    /**
     * Cross-modal retrieval: encodes {@code query} with the run's text encoder in the background, looks
     * it up in the run's joint space and selects the {@value #FOUND_IMAGES} nearest images, which the
     * projection highlights and the sample grid shows.
     *
     * @return false when the query is blank, there is no run or no joint space, or a task is running
     */
    public boolean findImages(String query) {
        RunResult current = result.get();
        if (query == null || query.isBlank() || current == null || current.jointSpace() == null
                || !CaptionsViewModel.hasImages(current)) {
            return false;
        }
        String text = query.strip();
        return task.start("Finding images for \u201c" + text + "\u201d",
                ctx -> FoundImages.of(text, services.findImages(current, text, FOUND_IMAGES, ctx)),
                hits -> {
                    found.set(hits);
                    projection.selectRanked(hits.rows());
                }, hits -> hits.rows().length == 0 ? "No images found for \u201c" + text + "\u201d"
                        : String.format(java.util.Locale.ROOT, "%d images nearest to \u201c%s\u201d in the joint space"
                        + " (best first: %s, cosine %.3f)", hits.rows().length, text,
                        current.samples().get(hits.rows()[0]).id(), hits.similarity()[0]));
    }

    /** How many captions {@link #findCaptions()} lists. */
    public static final int FOUND_CAPTIONS = 10;

    /**
     * Image-to-text retrieval: the {@value #FOUND_CAPTIONS} captions nearest, in the run's joint space, to
     * the image of the one selected sample (or of the focused one), in the background.
     *
     * @return false when there is no run, no joint space, no single image to ask about, or a task is running
     */
    public boolean findCaptions() {
        RunResult current = result.get();
        int row = captionQuery();
        if (current == null || current.jointSpace() == null || row < 0) {
            return false;
        }
        var image = current.samples().get(row);
        return task.start("Finding captions for image " + image.id(),
                ctx -> new FoundCaptions(row, image, services.findCaptions(current, row, FOUND_CAPTIONS, ctx)),
                foundCaptions::set, hits -> hits.ownRank() > 0
                        ? String.format(java.util.Locale.ROOT, "Captions nearest to image %s: its own caption ranks %d",
                                image.id(), hits.ownRank())
                        : "Captions nearest to image " + image.id() + ": its own caption is not among the first "
                                + FOUND_CAPTIONS);
    }

    /** The sample whose image {@link #findCaptions()} asks about: the one selected, else the focused one; -1 if none. */
    public int captionQuery() {
        int[] selected = projection.selectionProperty().get();
        if (selected.length == 1) {
            return selected[0];
        }
        return selected.length == 0 ? projection.focusedProperty().get() : -1;
    }

    /** The last image-to-text query's captions, best first; null before one or after a new run. */
    public ReadOnlyObjectProperty<FoundCaptions> foundCaptionsProperty() {
        return foundCaptions.getReadOnlyProperty();
    }

    /** True when the shown run has a joint space to search. */
    public javafx.beans.binding.BooleanBinding canFindImagesBinding() {
        return javafx.beans.binding.Bindings.createBooleanBinding(
                () -> result.get() != null && result.get().jointSpace() != null
                        && CaptionsViewModel.hasImages(result.get()), result); // synthetic runs have no images
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Shows a finished run (also how tests and a "load results" action put one on screen). */
    public void showResult(RunResult finished) {
        if (finished.dataset() != dataset.get()) {
            dataset.set(finished.dataset());
        }
        result.set(finished);
    }

    public void cancel() {
        task.cancel();
    }

    /**
     * Writes the plot in the background, plus its CSV sidecar next to it when {@code sidecar}.
     *
     * @param spec what the view shows, from {@link ProjectionViewModel#plotSpec}
     */
    public boolean exportPlot(ScatterPlotSpec spec, PlotFormat format, Path file, boolean sidecar) {
        return exportPlot(spec, format, file, sidecar ? projection.pointTable() : null);
    }

    /** As {@link #exportPlot(ScatterPlotSpec, PlotFormat, Path, boolean)}, with the sidecar's table (or null for none). */
    public boolean exportPlot(ScatterPlotSpec spec, PlotFormat format, Path file, dev.fusionlab.export.plot.PointTable table) {
        return task.start("Exporting " + file.getFileName(), ctx -> {
            format.writer().write(spec, file);
            if (table != null) {
                table.writeCsv(spec, sidecarOf(file));
            }
            return file;
        }, written -> { }, written -> "Wrote " + written + (table != null ? " and its CSV" : ""));
    }

    /** {@code plot.png} -> {@code plot.csv}. */
    public static Path sidecarOf(Path plot) {
        String name = plot.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return plot.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".csv");
    }

    /**
     * Writes the comparison's report in the background: JSON ({@code .json}, the same document as the
     * CLI's {@code metrics.json}) or CSV (anything else).
     */
    public boolean exportMetrics(Path file) {
        Comparison c = comparison.get();
        if (c == null) {
            return false;
        }
        MetricsReport report = c.report();
        return task.start("Exporting " + file.getFileName(), ctx -> {
            try {
                if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
                    ReportJson.writeMetrics(report, file);
                } else {
                    ReportCsv.write(report, file);
                }
            } catch (java.io.IOException e) {
                throw new java.io.IOException("cannot write metrics " + file + ": " + e.getMessage(), e);
            }
            return file;
        }, written -> { }, written -> "Wrote " + written);
    }

    public BackgroundTaskViewModel task() {
        return task;
    }

    public PipelineSettingsViewModel settings() {
        return settings;
    }

    public ProjectionViewModel projection() {
        return projection;
    }

    public SampleBrowserViewModel samples() {
        return samples;
    }

    /** Image, text and fused projections side by side, one selection. */
    public LinkedViewsViewModel linked() {
        return linked;
    }

    /** Nearest samples of the selected one in every space. */
    public NeighboursViewModel neighbours() {
        return neighbours;
    }

    /** Per-point faithfulness of the layouts (colour mode {@link ColourMode#FAITHFULNESS}). */
    public FaithfulnessViewModel faithfulness() {
        return faithfulness;
    }

    public LessonsViewModel lessons() {
        return lessons;
    }

    /** The generative pane (multimodal VAE): trained only on request, on its own worker. */
    public GenerativeViewModel generative() {
        return generative;
    }

    /** The fusion playground: synthetic runs and sweeps. */
    public PlaygroundViewModel playground() {
        return playground;
    }

    /** Modality ablation of the shown run. */
    public RobustnessViewModel robustness() {
        return robustness;
    }

    /** Generated captions of the shown run's images. */
    public CaptionsViewModel captions() {
        return captions;
    }

    public ReadOnlyStringProperty datasetLocationProperty() {
        return datasetLocation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Predictions> predictionsProperty() {
        return predictions.getReadOnlyProperty();
    }

    /** Early vs late fusion and the baselines on the test split; null before a run. */
    /**
     * The last "find by meaning" query's images with rank and cosine similarity, while the selection is
     * still what it selected; null otherwise.
     */
    public ReadOnlyObjectProperty<FoundImages> foundProperty() {
        return found.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Why late fusion shows another combiner than the one chosen (stacking unavailable), or empty. */
    public ReadOnlyStringProperty lateFusionNoteProperty() {
        return lateFusionNote.getReadOnlyProperty();
    }

    /** The strategy whose predictions colour the projection (PREDICTION and CORRECTNESS modes). */
    public ObjectProperty<Strategy> activeStrategyProperty() {
        return activeStrategy;
    }

    /** Names of the open tab ({@link #openViewProperty()}). */
    public static final String OPEN_VIEW_EXPLORE = "explore";
    public static final String OPEN_VIEW_COMPARE = "compare";

    /** The open tab: {@value #OPEN_VIEW_EXPLORE} or {@value #OPEN_VIEW_COMPARE}; the window binds its tabs to it. */
    public javafx.beans.property.StringProperty openViewProperty() {
        return openView;
    }

    /**
     * Shows a saved run (a reopened workspace) as if it had just finished, with the dataset location it
     * came from; nothing is read, encoded or trained. The next run reads the dataset again. With no run,
     * the view is emptied and the caller opens the dataset.
     */
    public void showSaved(String location, RunResult saved) {
        datasetLocation.set(location);
        keepLoaded(null, null);
        if (saved == null) {
            result.set(null);
            dataset.set(null);
        } else {
            showResult(saved);
        }
    }

    /** The text size of the whole window (View ▸ Text size). */
    public ObjectProperty<TextSize> textSizeProperty() {
        return textSize;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }
}
