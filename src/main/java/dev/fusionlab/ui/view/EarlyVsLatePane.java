package dev.fusionlab.ui.view;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.export.plot.LegendEntry;
import dev.fusionlab.export.plot.PlotTheme;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.model.EarlyVsLateViewModel;
import dev.fusionlab.ui.model.EarlyVsLateViewModel.Case;
import dev.fusionlab.ui.model.ProjectionViewModel;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * Early and late fusion side by side, made to be shown to a class: the same projection twice, left
 * coloured by whether early fusion got each sample right, right by late fusion, one legend above both,
 * each strategy's test accuracy with its interval as the heading, and under them the four cases counted
 * (both right, only early, only late, both wrong) as buttons that select their samples (keys 1 to 4).
 * Hover or select in one plot and the same samples light up in the other (and in every other view).
 */
public final class EarlyVsLatePane extends BorderPane {

    public static final String STYLESHEET = Objects.requireNonNull(
            EarlyVsLatePane.class.getResource("/dev/fusionlab/ui/early-vs-late.css")).toExternalForm();

    private final EarlyVsLateViewModel model;
    private final Map<Strategy, ScatterView> scatters = new EnumMap<>(Strategy.class);
    private final Map<Case, ToggleButton> caseButtons = new EnumMap<>(Case.class);
    private final LegendStrip legend = new LegendStrip();
    private final Label scope = new Label();
    private final Label lead = new Label("Test samples:");

    public EarlyVsLatePane(WorkbenchViewModel vm, EarlyVsLateViewModel model, ThumbnailCache thumbnails) {
        this.model = model;
        getStyleClass().add("early-vs-late");
        getStylesheets().add(STYLESHEET);
        setId("early-vs-late");

        HBox plots = new HBox(10);
        plots.getStyleClass().add("evl-plots");
        for (Strategy s : List.of(Strategy.EARLY, Strategy.LATE)) {
            ProjectionViewModel pane = model.pane(s);
            ScatterView scatter = new ScatterView(pane, thumbnails);
            scatter.setId("evl-" + s.key());
            scatter.setPrefSize(500, 400);
            scatter.legendShownProperty().set(false); // the strip above shows it once, over no point
            scatter.themeProperty().bind(Bindings.when(vm.darkThemeProperty()).then(PlotTheme.DARK).otherwise(PlotTheme.LIGHT));
            scatter.setGeneratedCaptions(vm.captions()::generated);
            scatter.emptyTextProperty().bind(Bindings.createStringBinding(() -> emptyText(vm, pane),
                    vm.predictionsProperty(), pane.layoutProperty()));
            scatters.put(s, scatter);
            pane.colouringProperty().addListener((obs, old, now) -> showLegend());

            Label title = new Label();
            title.setId("evl-" + s.key() + "-title");
            title.getStyleClass().add("evl-title");
            title.textProperty().bind(Bindings.createStringBinding(() -> model.title(s), vm.comparisonProperty()));
            title.setMinWidth(0);
            Label score = new Label();
            score.setId("evl-" + s.key() + "-score");
            score.getStyleClass().add("evl-score");
            score.textProperty().bind(model.scoreProperty(s));
            score.setMinWidth(0);
            score.setWrapText(true); // a narrow window wraps the interval, never cuts it
            score.setTooltip(new Tooltip("Accuracy on the labelled test samples, with its 95 % bootstrap confidence "
                    + "interval (1000 draws of the test samples): where the score could lie on another test set of "
                    + "this size"));
            VBox column = new VBox(2, title, score, scatter);
            VBox.setVgrow(scatter, Priority.ALWAYS);
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setMinWidth(0);
            column.setPrefWidth(10);
            plots.getChildren().add(column);
        }

        setTop(new VBox(toolbar(vm), legend));
        legend.setId("evl-legend");
        showLegend();
        setCenter(plots);
        setBottom(casesBar());
        model.casesProperty().addListener((obs, old, now) -> showCases());
        model.selectedCaseProperty().addListener((obs, old, now) ->
                caseButtons.forEach((c, b) -> b.setSelected(c == now)));
        showCases();

        // keys 1 to 4 wherever the focus is (a plot, a button, the tab header) while this view is shown: a handler
        // on the scene, which the pane is in only while its tab is open; never while typing in a text field
        javafx.event.EventHandler<KeyEvent> keys = this::onKey;
        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeEventHandler(KeyEvent.KEY_PRESSED, keys);
            }
            if (now != null) {
                now.addEventHandler(KeyEvent.KEY_PRESSED, keys);
            }
        });
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.getTarget() instanceof javafx.scene.control.TextInputControl
                || !isVisible()) {
            return;
        }
        Case c = switch (e.getCode()) {
            case DIGIT1, NUMPAD1 -> Case.BOTH_RIGHT;
            case DIGIT2, NUMPAD2 -> Case.ONLY_EARLY;
            case DIGIT3, NUMPAD3 -> Case.ONLY_LATE;
            case DIGIT4, NUMPAD4 -> Case.BOTH_WRONG;
            default -> null;
        };
        if (c != null && model.toggleCase(c)) {
            e.consume();
        }
    }

    private static String emptyText(WorkbenchViewModel vm, ProjectionViewModel pane) {
        if (vm.predictionsProperty().get() == null) {
            return "Run the pipeline (Ctrl+R) to compare early and late fusion";
        }
        return pane.layoutProperty().get() == null ? "No " + pane.methodProperty().get() + " layout of this space: "
                + "choose another space or method, or Re-project" : "";
    }

    private HBox toolbar(WorkbenchViewModel vm) {
        SegmentedButton space = EnumToggles.segmented(List.of(Space.values()), model.spaceProperty(),
                s -> switch (s) {
                    case IMAGE -> "Image";
                    case TEXT -> "Text";
                    case FUSED -> "Fused";
                    case LATENT -> "Latent";
                }, "evl-space-");
        space.setTooltip(new Tooltip("The space both plots show: the same layout, two colourings"));
        ComboBox<ProjectionMethod> method = new ComboBox<>(vm.projection().availableMethods());
        method.setId("evl-method");
        method.valueProperty().bindBidirectional(model.pane(Strategy.EARLY).methodProperty());
        method.setTooltip(new Tooltip("Projection method (the same as in Explore)"));
        CheckBox testOnly = new CheckBox("Test split only");
        testOnly.setId("evl-test-only");
        testOnly.selectedProperty().bindBidirectional(model.testOnlyProperty());
        testOnly.setTooltip(new Tooltip("Colour and count only the labelled test samples, the ones the scores are "
                + "computed on (training samples are almost always right); the rest grey. The same switch as in Explore"));
        Button reset = new Button(null, Icons.of(FontAwesome.Glyph.ARROWS_ALT));
        reset.setId("evl-reset");
        reset.setTooltip(new Tooltip("Fit all points in both plots (0 in a plot)"));
        reset.setOnAction(e -> scatters.values().forEach(ScatterView::resetView));
        Label hint = new Label("Hover or click in one plot: it lights up in the other.");
        hint.getStyleClass().add("hint");
        hint.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label spaceCaption = caption("Space"), methodCaption = caption("Method");
        HBox bar = new HBox(8, spaceCaption, space, methodCaption, method, testOnly, hint, spacer, reset);
        for (Region r : List.of(spaceCaption, space, methodCaption, method, testOnly, reset)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pane-toolbar");
        return bar;
    }

    private VBox casesBar() {
        lead.setId("evl-cases-lead");
        lead.getStyleClass().add("evl-cases-lead");
        lead.setMinWidth(Region.USE_PREF_SIZE);
        // wraps onto a second line where the window is narrow (1280 x 720 with the lessons open)
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(10, 6, lead);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPrefWrapLength(1200); // one line unless the width given is narrower (else a tall minimum height)
        row.setMinWidth(0);
        int key = 1;
        for (Case c : Case.values()) {
            ToggleButton b = new ToggleButton();
            b.setId("evl-case-" + c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.getStyleClass().add("evl-case");
            b.setGraphic(swatch(c));
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setTooltip(new Tooltip(caseTip(c) + " (the dots: its colour on the left, then on the right). Click (or "
                    + "press " + key + ") to select these samples in every view; again to clear"));
            b.setOnAction(e -> {
                if (!model.toggleCase(c)) {
                    b.setSelected(false);
                }
                b.setSelected(model.selectedCaseProperty().get() == c);
            });
            caseButtons.put(c, b);
            row.getChildren().add(b);
            key++;
        }
        scope.setId("evl-scope");
        scope.getStyleClass().add("caption");
        scope.setMinWidth(0);
        row.getChildren().add(scope);
        Label mcNemar = new Label();
        mcNemar.setId("evl-mcnemar");
        mcNemar.getStyleClass().add("caption");
        mcNemar.setWrapText(true);
        mcNemar.textProperty().bind(model.mcNemarProperty());
        mcNemar.setTooltip(new Tooltip("McNemar's test asks whether early and late fusion differ, from the samples "
                + "on which exactly one of them is right (the two middle buttons, on the test split)"));
        mcNemar.setMinWidth(0);
        VBox bar = new VBox(4, row, mcNemar);
        bar.setMinWidth(0);
        bar.getStyleClass().addAll("pane-toolbar", "evl-cases");
        return bar;
    }

    /** Two dots: the colour the case has in the left plot (early), then in the right one (late). */
    private static HBox swatch(Case c) {
        HBox dots = new HBox(2);
        for (boolean right : new boolean[] {c.earlyRight(), c.lateRight()}) {
            dots.getChildren().add(new javafx.scene.shape.Circle(6, ScatterView.argbColour(EarlyVsLateViewModel.colour(right))));
        }
        dots.setAlignment(Pos.CENTER);
        return dots;
    }

    private static String caseTip(Case c) {
        return switch (c) {
            case BOTH_RIGHT -> "Samples both early and late fusion get right";
            case ONLY_EARLY -> "Samples only early fusion gets right: seeing image and text together helped";
            case ONLY_LATE -> "Samples only late fusion gets right: combining the two separate answers helped";
            case BOTH_WRONG -> "Samples both strategies get wrong";
        };
    }

    private void showCases() {
        EarlyVsLateViewModel.Cases cases = model.casesProperty().get();
        for (Case c : Case.values()) {
            ToggleButton b = caseButtons.get(c);
            b.setText(c.label().substring(0, 1).toUpperCase(Locale.ROOT) + c.label().substring(1)
                    + (cases == null ? "" : "  " + cases.count(c)));
            b.setDisable(cases == null);
        }
        scope.setText(cases == null ? "" : cases.scope());
        lead.setText(cases == null || cases.testOnly() ? "Test samples:" : "All labelled samples:");
    }

    /** Both plots use the same two colours (and grey): one legend, without per-plot counts. */
    private void showLegend() {
        List<dev.fusionlab.ui.model.PointColouring> shown = scatters.keySet().stream()
                .map(s -> model.pane(s).colouringProperty().get()).toList();
        if (shown.stream().anyMatch(Objects::isNull)) {
            legend.showEntries(List.<LegendEntry>of());
            return;
        }
        legend.show(shown);
    }

    public ScatterView scatter(Strategy s) {
        return scatters.get(s);
    }

    public ToggleButton caseButton(Case c) {
        return caseButtons.get(c);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        return l;
    }

    LegendStrip legend() {
        return legend;
    }
}
