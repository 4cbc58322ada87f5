package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.workspace.Autosave;
import dev.fusionlab.workspace.DatasetCheck;
import dev.fusionlab.workspace.FusionLabDirs;
import dev.fusionlab.workspace.RecentWorkspaces;
import dev.fusionlab.workspace.ViewState;
import dev.fusionlab.workspace.Workspace;
import dev.fusionlab.workspace.WorkspaceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Workspaces in the workbench: save and open (in the background, through the workbench's task), the
 * recent list, autosave after every meaningful change (a run or re-projection finished, a setting, the
 * selection, colours, zoom or open tab changed; debounced, written on a background thread), the offer to
 * restore an autosave left by a session that did not end cleanly, and the dataset check with relinking.
 * Snapshots are taken on the UI thread; they are cheap (the run is an immutable value, shared).
 */
public final class WorkspaceViewModel {

    /** Quiet time after the last change before the autosave is written. */
    public static final long AUTOSAVE_DEBOUNCE_MILLIS = 1500;

    private final WorkbenchViewModel vm;
    private final Executor uiThread;
    private final FusionLabDirs dirs;
    private final RecentWorkspaces recentStore;
    private final Autosave autosave;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> restoreOffer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper datasetWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper autosaveError = new ReadOnlyStringWrapper("");
    private boolean autosaving;
    private boolean applying;

    /**
     * @param autosave whether to autosave and to offer restoring; tests and a second window pass false
     */
    public WorkspaceViewModel(WorkbenchViewModel vm, Executor uiThread, FusionLabDirs dirs, boolean autosave) {
        this.vm = vm;
        this.uiThread = uiThread;
        this.dirs = dirs;
        this.recentStore = new RecentWorkspaces(dirs.recentFile());
        this.recent.setAll(recentStore.list());
        this.autosave = autosave ? new Autosave(dirs, AUTOSAVE_DEBOUNCE_MILLIS,
                e -> uiThread.execute(() -> autosaveError.set("Autosave failed: " + e.getMessage()))) : null;
        if (this.autosave != null) {
            this.autosave.pendingRestore().ifPresentOrElse(restoreOffer::set, () -> autosaving = true);
        }
        Observable[] meaningful = {vm.resultProperty(), vm.datasetLocationProperty(), vm.openViewProperty(),
                vm.activeStrategyProperty(), vm.projection().selectionProperty(), vm.projection().colourModeProperty(),
                vm.projection().spaceProperty(), vm.projection().methodProperty(), vm.projection().zoomProperty(),
                vm.settings().imageEncoderProperty(), vm.settings().textEncoderProperty(),
                vm.settings().classifierProperty(), vm.settings().combinerProperty(), vm.settings().imageWeightProperty(),
                vm.settings().projectionProperty(), vm.settings().tsnePerplexityProperty(),
                vm.settings().umapNeighborsProperty(), vm.settings().umapMinDistProperty(), vm.settings().seedProperty()};
        for (Observable o : meaningful) {
            o.addListener(x -> changed());
        }
    }

    private void changed() {
        if (autosaving && !applying && autosave != null) {
            autosave.request(snapshot());
        }
    }

    /** The workbench as it is now. */
    public Workspace snapshot() {
        ProjectionViewModel p = vm.projection();
        var zoom = p.zoomProperty().get();
        ViewState view = new ViewState(vm.openViewProperty().get(), name(p.spaceProperty().get()),
                name(p.methodProperty().get()), name(p.colourModeProperty().get()), name(vm.activeStrategyProperty().get()),
                p.selectionProperty().get(),
                zoom == null ? new double[0] : new double[] {zoom.minX(), zoom.minY(), zoom.maxX(), zoom.maxY()});
        String location = vm.datasetLocationProperty().get();
        return new Workspace(vm.settings().toConfig(location), vm.resultProperty().get(), view, location);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /**
     * Puts a workspace on screen: settings, the saved run (no reading, encoding or training), then what
     * the view showed. Without a run, the dataset is opened as usual.
     */
    public void apply(Workspace w) {
        applying = true;
        try {
            applySettings(w.settings());
            vm.showSaved(w.datasetLocation(), w.result());
            ViewState v = w.view();
            ProjectionViewModel p = vm.projection();
            set(Space.class, v.space(), p.spaceProperty()::set);
            set(ProjectionMethod.class, v.method(), m -> {
                if (p.availableMethods().contains(m)) {
                    p.methodProperty().set(m);
                }
            });
            set(ColourMode.class, v.colourMode(), p.colourModeProperty()::set);
            set(Strategy.class, v.strategy(), vm.activeStrategyProperty()::set);
            RunResult r = w.result();
            int[] selection = r == null ? new int[0]
                    : java.util.Arrays.stream(v.selection()).filter(i -> i >= 0 && i < r.samples().size()).toArray();
            p.selectRanked(selection);
            double[] z = v.viewport();
            p.zoomProperty().set(z.length == 4 && z[2] > z[0] && z[3] > z[1]
                    ? new dev.fusionlab.export.plot.Viewport(z[0], z[1], z[2], z[3]) : null);
            if (WorkbenchViewModel.OPEN_VIEW_COMPARE.equals(v.openView())) {
                vm.openViewProperty().set(WorkbenchViewModel.OPEN_VIEW_COMPARE);
            } else {
                vm.openViewProperty().set(WorkbenchViewModel.OPEN_VIEW_EXPLORE);
            }
        } finally {
            applying = false;
        }
        if (w.result() == null) { // after the job that applied this one is over
            uiThread.execute(() -> vm.openDataset(w.datasetLocation()));
        }
        changed();
    }

    private void applySettings(RunConfig c) {
        PipelineSettingsViewModel s = vm.settings();
        if (!s.imageEncoders().contains(c.imageEncoder())) {
            s.imageEncoders().add(c.imageEncoder());
        }
        if (!s.textEncoders().contains(c.textEncoder())) {
            s.textEncoders().add(c.textEncoder());
        }
        s.imageEncoderProperty().set(c.imageEncoder());
        s.textEncoderProperty().set(c.textEncoder());
        s.classifierProperty().set(c.classifier());
        s.combinerProperty().set(c.combiner());
        s.imageWeightProperty().set(c.imageWeight());
        s.projectionProperty().set(c.projection());
        s.tsnePerplexityProperty().set(c.projectionSettings().tsnePerplexity());
        s.umapNeighborsProperty().set(c.projectionSettings().umapNeighbors());
        s.umapMinDistProperty().set(c.projectionSettings().umapMinDist());
        s.seedProperty().set(c.seed());
    }

    private static <E extends Enum<E>> void set(Class<E> type, String name, java.util.function.Consumer<E> setter) {
        if (name == null) {
            return;
        }
        try {
            setter.accept(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            // a name this version does not know: the default stays
        }
    }

    /** Saves the workbench to {@code target} (a {@code .fusionlab} file or a folder) in the background. */
    public boolean save(Path target) {
        Workspace w = snapshot();
        return vm.task().start("Saving workspace " + target.getFileName(), ctx -> {
            WorkspaceStore.save(w, target);
            return target;
        }, saved -> {
            current.set(saved);
            remember(saved);
        }, saved -> "Saved workspace " + saved);
    }

    /** Saves to the workspace last saved or opened; false when there is none (the caller asks for a file). */
    public boolean saveCurrent() {
        return current.get() != null && save(current.get());
    }

    /**
     * Opens a workspace in the background and shows it at once; then checks its dataset on another
     * background thread ({@link #datasetWarningProperty()}). A newer, damaged or unsafe workspace is refused
     * with the reason in the task's error, and nothing on screen changes.
     */
    public boolean open(Path source) {
        return vm.task().start("Opening workspace " + source.getFileName(), ctx -> WorkspaceStore.open(source), w -> {
            datasetWarning.set("");
            apply(w);
            current.set(source);
            remember(source);
            checkDataset(w);
        }, w -> "Opened workspace " + source + (w.result() == null ? "" : ": " + w.result().samples().size() + " samples"));
    }

    private void checkDataset(Workspace w) {
        if (w.result() == null) {
            return;
        }
        Thread.ofPlatform().daemon().name("fusionlab-dataset-check").start(() -> {
            DatasetCheck.Finding r = DatasetCheck.check(w, TaskContext.silent());
            uiThread.execute(() -> {
                if (vm.resultProperty().get() == w.result()) { // still the workspace on screen
                    datasetWarning.set(r.message());
                }
            });
        });
    }

    /**
     * Relinks the open workspace's dataset to {@code folder}: the workspace is read again with its images
     * there and shown when the fingerprint matches; when it does not, it is shown too, with a warning.
     */
    public boolean relink(Path folder) {
        Path source = current.get();
        if (source == null) {
            return false;
        }
        return vm.task().start("Relinking the dataset to " + folder, ctx -> DatasetCheck.relink(source, folder, ctx), r -> {
            apply(r.workspace());
            datasetWarning.set(r.check().status() == DatasetCheck.Status.CHANGED
                    ? "Relinked to " + folder + ", but " + r.check().message() : r.check().message());
        }, r -> r.check().status() == DatasetCheck.Status.UNCHANGED
                ? "Relinked to " + folder + ": fingerprint matches" : "Relinked to " + folder + " with a warning");
    }

    /** Restores the autosave offered at start ({@link #restoreOfferProperty()}); autosaving then resumes. */
    public boolean acceptRestore() {
        Path offered = restoreOffer.get();
        if (offered == null) {
            return false;
        }
        return vm.task().start("Restoring the autosaved work", ctx -> autosave.restore(), w -> {
            restoreOffer.set(null);
            datasetWarning.set("");
            apply(w);
            autosaving = true;
            changed();
            checkDataset(w);
        }, w -> "Restored the autosaved work");
    }

    /**
     * Declines the offered autosave: it is kept on disk (nothing is deleted) but no longer offered, and
     * autosaving resumes, replacing it at the next change.
     */
    public void declineRestore() {
        restoreOffer.set(null);
        try {
            autosave.decline();
        } catch (IOException e) {
            autosaveError.set("Cannot record the choice: " + e.getMessage());
        }
        autosaving = true;
    }

    /** The window closes normally: the latest state is written and the exit recorded as clean. */
    public void closeCleanly() {
        if (autosave == null) {
            return;
        }
        try {
            if (autosaving) {
                autosave.request(snapshot());
                autosave.markCleanExit();
            }
        } catch (IOException e) {
            // closing: nothing left to tell
        } finally {
            autosave.close();
        }
    }

    private void remember(Path workspace) {
        try {
            recent.setAll(recentStore.add(workspace));
        } catch (IOException e) {
            // the list is a convenience
        }
    }

    /** Recent workspaces, most recent first. */
    public ObservableList<Path> recent() {
        return recent;
    }

    /** The workspace last saved or opened (Ctrl+S saves there), or null. */
    public ReadOnlyObjectProperty<Path> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The autosave a session that did not end cleanly left, offered for restoring; null when none. */
    public ReadOnlyObjectProperty<Path> restoreOfferProperty() {
        return restoreOffer.getReadOnlyProperty();
    }

    /** Why the dataset of the open workspace needs relinking (moved or changed), or empty. */
    public ReadOnlyStringProperty datasetWarningProperty() {
        return datasetWarning.getReadOnlyProperty();
    }

    /** The last autosave failure, or empty. */
    public ReadOnlyStringProperty autosaveErrorProperty() {
        return autosaveError.getReadOnlyProperty();
    }

    public FusionLabDirs dirs() {
        return dirs;
    }
}
