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

    public FusionLabApp() {
        this(new CoreWorkbenchServices());
    }

    FusionLabApp(WorkbenchServices services) {
        this.services = services;
    }

    @Override
    public void stop() throws Exception {
        if (services instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public void start(Stage stage) {
        WorkbenchViewModel vm = new WorkbenchViewModel(services, Platform::runLater);
        MainWindow window = new MainWindow(vm);
        stage.setTitle("FusionLab");
        stage.setScene(window.createScene(1440, 900));
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setOnHidden(e -> vm.generative().close());
        stage.show();
        vm.openDataset(RunConfig.DEMO);
    }
}
