package dev.fusionlab.ui;

import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.ui.model.WorkbenchServices;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The workbench application. The window shows at once; the bundled demo dataset then loads in the
 * background, so the first thing a new user sees is the tool, not a file dialog.
 */
public final class FusionLabApp extends Application {

    private final WorkbenchServices services;
    private dev.fusionlab.ui.model.WorkspaceViewModel workspaces;

    /** Set to {@code true} to start without autosave and without the offer to restore (tests, demos). */
    public static final String NO_AUTOSAVE_PROPERTY = "fusionlab.noAutosave";

    public FusionLabApp() {
        this(new CoreWorkbenchServices());
    }

    FusionLabApp(WorkbenchServices services) {
        this.services = services;
    }

    @Override
    public void stop() throws Exception {
        if (workspaces != null) {
            workspaces.closeCleanly();
        }
        if (services instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public void start(Stage stage) {
        WorkbenchViewModel vm = new WorkbenchViewModel(services, Platform::runLater);
        workspaces = new dev.fusionlab.ui.model.WorkspaceViewModel(vm, Platform::runLater,
                dev.fusionlab.workspace.FusionLabDirs.user(), !Boolean.getBoolean(NO_AUTOSAVE_PROPERTY));
        MainWindow window = new MainWindow(vm, new dev.fusionlab.ui.view.WorkspaceControls(workspaces,
                () -> vm.openDataset(RunConfig.DEMO)));
        stage.setTitle("FusionLab");
        stage.setScene(window.createScene(1440, 900));
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.show();
        var args = getParameters().getRaw();
        if (!args.isEmpty()) { // app/fusionlab <workspace>
            workspaces.open(java.nio.file.Path.of(args.getFirst()).toAbsolutePath());
        } else if (workspaces.restoreOfferProperty().get() == null) {
            vm.openDataset(RunConfig.DEMO);
        } // else the banner offers the autosaved work, or a fresh start with the demo
    }
}
