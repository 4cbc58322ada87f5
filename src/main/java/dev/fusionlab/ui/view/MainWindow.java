package dev.fusionlab.ui.view;

import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * The workbench window's content: pipeline panel on the left, the projection beside the sample grid in
 * "Explore", the early-vs-late comparison in "Compare", the job status at the bottom. Only binds to the
 * {@link WorkbenchViewModel}; no logic of its own.
 */
public final class MainWindow extends BorderPane {

    /** Every tab's id is its view name followed by this, e.g. {@code compare-tab}. */
    private static final String TAB_ID_SUFFIX = "-tab";

    public static final String STYLESHEET = Objects.requireNonNull(
            MainWindow.class.getResource("/dev/fusionlab/ui/fusionlab.css")).toExternalForm();

    private final WorkbenchViewModel vm;
    private final ProjectionPane projection;
    private final SampleGridPane samples;
    private final ComparisonPane comparison;
    private final TabPane tabs = new TabPane();
    private final LinkedViewsPane linked;
    private final EarlyVsLatePane earlyVsLate;
    private final Tab earlyVsLateTab;
    private final LessonsPane lessons;
    private final StylesheetScaler textScaler = new StylesheetScaler();

    public MainWindow(WorkbenchViewModel vm) {
        this(vm, null);
    }

    /**
     * @param workspaces the workspace menu and banners (save, open, recent, restore, relink), or null for
     *                   a window without them
     */
    public MainWindow(WorkbenchViewModel vm, WorkspaceControls workspaces) {
        this.vm = vm;
        getStyleClass().add("main-window");
        ThumbnailCache thumbnails = new ThumbnailCache(96, 1500);
        projection = new ProjectionPane(vm, thumbnails);
        samples = new SampleGridPane(vm, thumbnails);
        comparison = new ComparisonPane(vm);

        SplitPane explore = new SplitPane(projection, samples);
        explore.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(samples, false);
        SidePaneWidth.keep(explore, samples, 420);
        Tab exploreTab = new Tab("Explore", explore);
        exploreTab.setGraphic(Icons.of(FontAwesome.Glyph.CIRCLE_THIN));
        Tab compareTab = new Tab("Compare", comparison);
        compareTab.setGraphic(Icons.of(FontAwesome.Glyph.BAR_CHART));
        compareTab.setId("compare-tab");
        linked = new LinkedViewsPane(vm, thumbnails);
        Tab linkedTab = new Tab("Linked views");
        // in the scene only while shown: its three plots and legends stay out of lookups and layout passes
        linkedTab.contentProperty().bind(javafx.beans.binding.Bindings.when(linkedTab.selectedProperty())
                .then((javafx.scene.Node) linked).otherwise((javafx.scene.Node) null));
        linkedTab.setGraphic(Icons.of(FontAwesome.Glyph.COLUMNS));
        linkedTab.setId("linked-tab");
        earlyVsLate = new EarlyVsLatePane(vm, new dev.fusionlab.ui.model.EarlyVsLateViewModel(vm,
                javafx.application.Platform::runLater), thumbnails);
        earlyVsLateTab = new Tab("Early vs late");
        earlyVsLateTab.contentProperty().bind(javafx.beans.binding.Bindings.when(earlyVsLateTab.selectedProperty())
                .then((javafx.scene.Node) earlyVsLate).otherwise((javafx.scene.Node) null));
        earlyVsLateTab.setGraphic(Icons.of(FontAwesome.Glyph.ADJUST));
        earlyVsLateTab.setId("early-vs-late-tab");
        earlyVsLateTab.setTooltip(new Tooltip("Early and late fusion side by side on the test split (Ctrl+E)"));
        tabs.getTabs().addAll(exploreTab, linkedTab, earlyVsLateTab, compareTab);
        Tab generateTab = new Tab("Generate", new GenerativePane(vm.generative()));
        generateTab.setGraphic(Icons.of(FontAwesome.Glyph.PICTURE_ALT));
        generateTab.setId("generate-tab");
        Tab playgroundTab = new Tab("Playground", new PlaygroundPane(vm, () -> tabs.getSelectionModel().select(exploreTab)));
        playgroundTab.setGraphic(Icons.of(FontAwesome.Glyph.SLIDERS));
        playgroundTab.setId("playground-tab");
        Tab robustnessTab = new Tab("Robustness", new RobustnessPane(vm, () -> tabs.getSelectionModel().select(exploreTab)));
        robustnessTab.setGraphic(Icons.of(FontAwesome.Glyph.FLASK));
        robustnessTab.setId("robustness-tab");
        tabs.getTabs().addAll(playgroundTab, robustnessTab, generateTab);
        projection.scatter().setGeneratedCaptions(vm.captions()::generated);
        comparison.showingProperty().bind(compareTab.selectedProperty());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        exploreTab.setId(WorkbenchViewModel.OPEN_VIEW_EXPLORE + TAB_ID_SUFFIX);
        // the open view is the tab's id without "-tab" ("explore", "linked", "compare", ...): every tab,
        // also one added later, is saved in a workspace and restored by that name
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.openViewProperty().set(
                now != null && now.getId() != null && now.getId().endsWith(TAB_ID_SUFFIX)
                        ? now.getId().substring(0, now.getId().length() - TAB_ID_SUFFIX.length())
                        : WorkbenchViewModel.OPEN_VIEW_EXPLORE));
        vm.openViewProperty().addListener((obs, old, now) -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tab -> (now + TAB_ID_SUFFIX).equals(tab.getId())).findFirst().orElse(exploreTab)));

        PipelinePanel left = new PipelinePanel(vm);
        left.setOnLaunched(() -> projection.scatter().requestFocus()); // not the next control (Seed) when Run/Re-project disables itself
        left.setPrefWidth(272);
        left.setMinWidth(240);

        if (workspaces == null) {
            setTop(appBar());
        } else {
            HBox bar = appBar();
            bar.getChildren().add(2, workspaces.menu());
            setTop(new javafx.scene.layout.VBox(bar, workspaces.banners()));
        }
        setLeft(left);
        setCenter(tabs);
        setBottom(new TaskStatusBar(vm.task()));
        lessons = new LessonsPane(vm.lessons());
        rightProperty().bind(javafx.beans.binding.Bindings.when(vm.lessons().showingProperty())
                .then((javafx.scene.Node) lessons).otherwise((javafx.scene.Node) null));
        vm.lessons().placeProperty().addListener((obs, old, place) -> {
            if (place != null) {
                tabs.getSelectionModel().select(switch (place) {
                    case EXPLORE -> exploreTab;
                    case LINKED -> linkedTab;
                    case COMPARE -> compareTab;
                    case EARLY_VS_LATE -> earlyVsLateTab;
                });
            }
        });

        vm.darkThemeProperty().addListener((obs, old, dark) -> applyTheme(dark));
        applyTheme(vm.darkThemeProperty().get());
    }

    private HBox appBar() {
        Label name = new Label("FusionLab");
        name.getStyleClass().add("app-name");
        Label subtitle = new Label("image + text · early vs late fusion");
        subtitle.getStyleClass().add("app-subtitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToggleButton theme = new ToggleButton(null, Icons.of(FontAwesome.Glyph.MOON_ALT));
        theme.setId("theme-toggle");
        theme.setTooltip(new Tooltip("Dark / light theme"));
        theme.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        ToggleButton lessonsToggle = new ToggleButton("Lessons", Icons.of(FontAwesome.Glyph.GRADUATION_CAP));
        lessonsToggle.setId("lessons-toggle");
        lessonsToggle.setTooltip(new Tooltip("Step-by-step lessons on multimodal fusion"));
        lessonsToggle.selectedProperty().bindBidirectional(vm.lessons().showingProperty());
        javafx.scene.control.Button details = new javafx.scene.control.Button("Run details",
                Icons.of(FontAwesome.Glyph.INFO_CIRCLE));
        details.setId("run-details-button");
        details.setTooltip(new Tooltip("Provenance of the shown run: what run.json holds, with Copy as JSON"));
        details.disableProperty().bind(vm.resultProperty().isNull());
        details.setOnAction(e -> {
            var dialog = new RunDetailsDialog(getScene().getWindow(),
                    dev.fusionlab.ui.model.RunDetails.of(vm.resultProperty().get()));
            dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
            dialog.show();
        });
        javafx.scene.control.MenuButton view = new javafx.scene.control.MenuButton("View");
        view.setId("view-menu");
        javafx.scene.control.Menu textSizes = new javafx.scene.control.Menu("Text size");
        javafx.scene.control.ToggleGroup sizes = new javafx.scene.control.ToggleGroup();
        for (dev.fusionlab.ui.model.TextSize size : dev.fusionlab.ui.model.TextSize.values()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(size.label());
            item.setId("text-size-" + Math.round(size.factor() * 100));
            item.setToggleGroup(sizes);
            item.setSelected(vm.textSizeProperty().get() == size);
            item.setOnAction(e -> vm.textSizeProperty().set(size));
            vm.textSizeProperty().addListener((obs, old, now) -> item.setSelected(now == size));
            textSizes.getItems().add(item);
        }
        view.getItems().add(textSizes);
        HBox bar = new HBox(10, name, subtitle, spacer, details, view, lessonsToggle, theme);
        bar.getStyleClass().add("app-bar");
        return bar;
    }

    private void applyTheme(boolean dark) {
        getStyleClass().remove("dark");
        if (dark) {
            getStyleClass().add("dark");
        }
    }

    /**
     * A scene with the stylesheet and the keyboard shortcuts (Ctrl+R run, Ctrl+Shift+R re-project, Ctrl+E early
     * vs late, Esc cancel).
     */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(this, width, height);
        scene.getStylesheets().add(STYLESHEET);
        Runnable resize = () -> {
            var size = vm.textSizeProperty().get();
            textScaler.apply(scene.getStylesheets(), size);
            textScaler.apply(linked.getStylesheets(), size);
            textScaler.apply(lessons.getStylesheets(), size);
            textScaler.apply(earlyVsLate.getStylesheets(), size);
        };
        vm.textSizeProperty().addListener((obs, old, now) -> resize.run());
        resize.run();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), vm::run);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), vm::reproject);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(earlyVsLateTab));
        // a filter, not an accelerator: a control that had the focus (the Export menu button, a combo box)
        // consumes Esc before accelerators see it, so Esc would not cancel after using a menu
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.task().isRunning()) {
                vm.cancel();
                e.consume();
            }
        });
        return scene;
    }

    public ProjectionPane projection() {
        return projection;
    }

    public SampleGridPane samples() {
        return samples;
    }

    public ComparisonPane comparison() {
        return comparison;
    }

    public LinkedViewsPane linked() {
        return linked;
    }

    public EarlyVsLatePane earlyVsLate() {
        return earlyVsLate;
    }

    public LessonsPane lessons() {
        return lessons;
    }

    /**
     * Opens the tab of a view by its name, the tab's id without {@code -tab} ({@code explore}, {@code linked},
     * {@code compare}, ...): how lessons, workspaces and tests choose a tab, whatever the tabs' order.
     */
    public void showView(String name) {
        vm.openViewProperty().set(name);
    }

    public TabPane tabs() {
        return tabs;
    }
}
