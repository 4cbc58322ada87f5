package dev.fusionlab.ui;

import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.ui.model.BackgroundTaskViewModel;
import dev.fusionlab.ui.model.FirstStart;
import dev.fusionlab.ui.model.WorkbenchServices;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;

/**
 * The workbench application. The window shows at once; the bundled demo dataset then loads and runs in
 * the background and the Lessons panel opens ({@link FirstStart}), so the first thing a new user sees is a
 * result, not a file dialog.
 */
public final class FusionLabApp extends Application {

    /** How long closing the window waits for a cancelled job to stop before the process exits anyway. */
    static final long CLOSE_WAIT_MILLIS = 250;

    /** False when the window closed on a job that did not stop in time (read by {@link GuiLauncher}). */
    static volatile boolean jobStopped = true;

    private final WorkbenchServices services;
    private WorkbenchViewModel vm;
    private dev.fusionlab.ui.model.WorkspaceViewModel workspaces;

    /** Set to {@code true} to start without autosave and without the offer to restore (tests, demos). */
    public static final String NO_AUTOSAVE_PROPERTY = "fusionlab.noAutosave";

    public FusionLabApp() {
        this(new CoreWorkbenchServices());
    }

    FusionLabApp(WorkbenchServices services) {
        this.services = services;
    }

    /**
     * Closing the window during a run cancels it. The models are released only when the job stopped in
     * time: a job still inside a native inference keeps them, and the process ends it at once (see
     * {@link GuiLauncher}), so closing never hangs.
     */
    @Override
    public void stop() throws Exception {
        if (workspaces != null) {
            workspaces.closeCleanly();
        }
        jobStopped = stopWork(vm == null ? null : vm.task(), services, CLOSE_WAIT_MILLIS);
    }

    /**
     * Cancels the running job, waits up to {@code waitMillis} for it, then closes {@code services} if it
     * stopped.
     *
     * @return true when the job stopped in time and the services were closed
     */
    static boolean stopWork(BackgroundTaskViewModel task, Object services, long waitMillis) throws Exception {
        boolean stopped = task == null || task.cancelAndAwait(waitMillis);
        if (stopped && services instanceof AutoCloseable closeable) {
            closeable.close();
        }
        return stopped;
    }

    @Override
    public void start(Stage stage) {
        vm = new WorkbenchViewModel(services, Platform::runLater);
        workspaces = new dev.fusionlab.ui.model.WorkspaceViewModel(vm, Platform::runLater,
                dev.fusionlab.workspace.FusionLabDirs.user(), !Boolean.getBoolean(NO_AUTOSAVE_PROPERTY));
        MainWindow window = new MainWindow(vm, new dev.fusionlab.ui.view.WorkspaceControls(workspaces,
                () -> vm.openDataset(RunConfig.DEMO)));
        stage.setTitle("FusionLab");
        stage.setScene(window.createScene(1440, 900));
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setOnHidden(e -> vm.generative().close());
        stage.show();
        var prefs = java.util.prefs.Preferences.userNodeForPackage(FusionLabApp.class);
        CheckBox autorunBox = window.lessons().autorunBox();
        autorunBox.setSelected(prefs.getBoolean("autorun", true));
        autorunBox.selectedProperty().addListener((obs, old, now) -> prefs.putBoolean("autorun", now));
        var args = getParameters().getRaw();
        if (!args.isEmpty()) { // app/fusionlab <workspace>
            workspaces.open(java.nio.file.Path.of(args.getFirst()).toAbsolutePath());
        } else if (workspaces.restoreOfferProperty().get() == null) {
            FirstStart.begin(vm, FirstStart.autorun(autorunBox.isSelected())); // the demo, run on its own
        } // else the banner offers the autosaved work, or a fresh start with the demo
    }
}
