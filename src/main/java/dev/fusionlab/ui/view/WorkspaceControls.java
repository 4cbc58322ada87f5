package dev.fusionlab.ui.view;

import dev.fusionlab.ui.model.WorkspaceViewModel;
import dev.fusionlab.workspace.WorkspaceStore;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * The workspace menu (Save Ctrl+S, Save as, Open Ctrl+O, Open folder, Recent) and the banners: the offer
 * to restore autosaved work after a session that did not end cleanly, and a dataset that moved or changed
 * with a Relink button. Binds to {@link WorkspaceViewModel}; no logic of its own beyond choosing files.
 */
public final class WorkspaceControls {

    private final WorkspaceViewModel ws;
    private final MenuButton menu = new MenuButton("Workspace", Icons.of(FontAwesome.Glyph.FOLDER_OPEN));
    private final Menu recentMenu = new Menu("Recent");
    private final VBox banners = new VBox();
    private final Runnable startFresh;

    /**
     * @param startFresh what declining the restore offer does besides (opening the demo)
     */
    public WorkspaceControls(WorkspaceViewModel ws, Runnable startFresh) {
        this.ws = ws;
        this.startFresh = startFresh;
        menu.setId("workspace-menu");
        MenuItem save = item("Save workspace", "save-workspace", this::save);
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        MenuItem saveAs = item("Save workspace as…", "save-workspace-as", this::saveAs);
        MenuItem saveFolder = item("Save workspace as folder…", "save-workspace-folder", this::saveAsFolder);
        MenuItem open = item("Open workspace…", "open-workspace", this::open);
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem openFolder = item("Open workspace folder…", "open-workspace-folder", this::openFolder);
        recentMenu.setId("recent-workspaces");
        menu.getItems().addAll(save, saveAs, saveFolder, new SeparatorMenuItem(), open, openFolder, recentMenu);
        ws.recent().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();

        banners.getStyleClass().add("workspace-banners");
        banners.getChildren().addAll(restoreBanner(), datasetBanner(), autosaveBanner());
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : ws.recent()) {
            MenuItem item = new MenuItem(p.toString());
            item.setOnAction(e -> ws.open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(ws.recent().isEmpty());
    }

    private HBox restoreBanner() {
        Label text = new Label();
        text.setId("restore-text");
        text.textProperty().bind(Bindings.createStringBinding(() -> ws.restoreOfferProperty().get() == null ? ""
                : "FusionLab did not close cleanly last time. Restore the autosaved work?", ws.restoreOfferProperty()));
        Button restore = new Button("Restore");
        restore.setId("restore-autosave");
        restore.setDefaultButton(false);
        restore.setOnAction(e -> ws.acceptRestore());
        Button fresh = new Button("Start fresh");
        fresh.setId("decline-autosave");
        fresh.setOnAction(e -> {
            ws.declineRestore();
            startFresh.run();
        });
        HBox bar = banner(text, restore, fresh);
        bar.visibleProperty().bind(ws.restoreOfferProperty().isNotNull());
        return bar;
    }

    private HBox datasetBanner() {
        Label text = new Label();
        text.setId("dataset-warning");
        text.setWrapText(true);
        text.textProperty().bind(ws.datasetWarningProperty());
        Button relink = new Button("Relink…");
        relink.setId("relink-dataset");
        relink.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Where is the dataset now?");
            File folder = chooser.showDialog(window());
            if (folder != null) {
                ws.relink(folder.toPath());
            }
        });
        relink.disableProperty().bind(ws.currentProperty().isNull());
        HBox bar = banner(text, relink);
        bar.visibleProperty().bind(ws.datasetWarningProperty().isNotEmpty());
        return bar;
    }

    private HBox autosaveBanner() {
        Label text = new Label();
        text.setId("autosave-error");
        text.textProperty().bind(ws.autosaveErrorProperty());
        HBox bar = banner(text);
        bar.visibleProperty().bind(ws.autosaveErrorProperty().isNotEmpty());
        return bar;
    }

    private static HBox banner(Label text, Button... buttons) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(text, Priority.SOMETIMES);
        HBox bar = new HBox(8);
        bar.getChildren().addAll(text, spacer);
        bar.getChildren().addAll(buttons);
        bar.getStyleClass().add("banner");
        bar.setStyle("-fx-padding: 6 12; -fx-background-color: #fff4ce; -fx-alignment: center-left;");
        text.setStyle("-fx-text-fill: #3b2f00;");
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private void save() {
        if (!ws.saveCurrent()) {
            saveAs();
        }
    }

    private void saveAs() {
        FileChooser chooser = chooser("Save workspace");
        chooser.setInitialFileName("workspace" + WorkspaceStore.EXTENSION);
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            Path p = file.toPath();
            ws.save(p.getFileName().toString().contains(".") ? p : p.resolveSibling(p.getFileName() + WorkspaceStore.EXTENSION));
        }
    }

    private void saveAsFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Save workspace as folder (an empty or new folder)");
        File folder = chooser.showDialog(window());
        if (folder != null) {
            ws.save(folder.toPath());
        }
    }

    private void open() {
        File file = chooser("Open workspace").showOpenDialog(window());
        if (file != null) {
            ws.open(file.toPath());
        }
    }

    private void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open workspace folder");
        File folder = chooser.showDialog(window());
        if (folder != null) {
            ws.open(folder.toPath());
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("FusionLab workspace", "*" + WorkspaceStore.EXTENSION, "*.zip"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    private Window window() {
        Scene scene = menu.getScene();
        return scene == null ? null : scene.getWindow();
    }

    /** The menu button, for the app bar. */
    public MenuButton menu() {
        return menu;
    }

    /** The banners, shown under the app bar only while they have something to say. */
    public VBox banners() {
        return banners;
    }
}
