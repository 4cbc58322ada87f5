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

    public static final String STYLESHEET = Objects.requireNonNull(
            MainWindow.class.getResource("/dev/fusionlab/ui/fusionlab.css")).toExternalForm();

    private final WorkbenchViewModel vm;
    private final ProjectionPane projection;
    private final SampleGridPane samples;
    private final ComparisonPane comparison;
    private final TabPane tabs = new TabPane();

    public MainWindow(WorkbenchViewModel vm) {
        this.vm = vm;
        getStyleClass().add("main-window");
        ThumbnailCache thumbnails = new ThumbnailCache(96, 1500);
        projection = new ProjectionPane(vm, thumbnails);
        samples = new SampleGridPane(vm, thumbnails);
        comparison = new ComparisonPane(vm);

        SplitPane explore = new SplitPane(projection, samples);
        explore.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(samples, false);
        Tab exploreTab = new Tab("Explore", explore);
        exploreTab.setGraphic(Icons.of(FontAwesome.Glyph.CIRCLE_THIN));
        Tab compareTab = new Tab("Compare", comparison);
        compareTab.setGraphic(Icons.of(FontAwesome.Glyph.BAR_CHART));
        compareTab.setId("compare-tab");
        tabs.getTabs().addAll(exploreTab, compareTab);
        Tab playgroundTab = new Tab("Playground", new PlaygroundPane(vm, () -> tabs.getSelectionModel().select(exploreTab)));
        playgroundTab.setGraphic(Icons.of(FontAwesome.Glyph.SLIDERS));
        playgroundTab.setId("playground-tab");
        Tab robustnessTab = new Tab("Robustness", new RobustnessPane(vm, () -> tabs.getSelectionModel().select(exploreTab)));
        robustnessTab.setGraphic(Icons.of(FontAwesome.Glyph.FLASK));
        robustnessTab.setId("robustness-tab");
        tabs.getTabs().addAll(playgroundTab, robustnessTab);
        projection.scatter().setGeneratedCaptions(vm.captions()::generated);
        comparison.showingProperty().bind(compareTab.selectedProperty());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        PipelinePanel left = new PipelinePanel(vm);
        left.setPrefWidth(272);
        left.setMinWidth(240);

        setTop(appBar());
        setLeft(left);
        setCenter(tabs);
        setBottom(new TaskStatusBar(vm.task()));

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
        HBox bar = new HBox(10, name, subtitle, spacer, theme);
        bar.getStyleClass().add("app-bar");
        return bar;
    }

    private void applyTheme(boolean dark) {
        getStyleClass().remove("dark");
        if (dark) {
            getStyleClass().add("dark");
        }
    }

    /** A scene with the stylesheet and the keyboard shortcuts (Ctrl+R run, Ctrl+Shift+R re-project, Esc cancel). */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(this, width, height);
        scene.getStylesheets().add(STYLESHEET);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), vm::run);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), vm::reproject);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), vm::cancel);
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

    public TabPane tabs() {
        return tabs;
    }
}
