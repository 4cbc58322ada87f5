package dev.fusionlab.ui.view;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.playground.Control;
import dev.fusionlab.playground.Preset;
import dev.fusionlab.ui.model.PlaygroundViewModel;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * The fusion playground: a preset with its explanation, every generator control, the classifier, **Run**
 * (the synthetic run then shows in Explore and Compare like any run) and a sweep of one control with its
 * accuracy-vs-control chart. Only binds to the {@link PlaygroundViewModel}.
 */
public final class PlaygroundPane extends BorderPane {

    private final ChartView chart = new ChartView("Choose a control and a range, then Sweep: each value is a whole "
            + "playground run, and the chart shows the test accuracy of image, text, early and late fusion against it.");
    private final Button run = new Button("Run playground", Icons.of(FontAwesome.Glyph.PLAY));
    private final Button sweep = new Button("Sweep", Icons.of(FontAwesome.Glyph.LINE_CHART));
    /** The object views of the double properties: bidirectional bindings are weak, so they are kept here. */
    private final java.util.List<Object> bridges = new java.util.ArrayList<>();

    /** @param onRunShown called when a playground run started here is shown (e.g. to switch to Explore) */
    public PlaygroundPane(WorkbenchViewModel workbench, Runnable onRunShown) {
        PlaygroundViewModel vm = workbench.playground();
        getStyleClass().add("playground-pane");

        ComboBox<Preset> preset = new ComboBox<>();
        preset.getItems().setAll(Preset.values());
        preset.setId("playground-preset");
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(Preset p) {
                return p == null ? "custom" : p.key();
            }

            @Override
            public Preset fromString(String s) {
                return Preset.parse(s);
            }
        });
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        preset.setMaxWidth(Double.MAX_VALUE);
        Label explanation = new Label();
        explanation.setId("playground-explanation");
        explanation.getStyleClass().add("playground-explanation");
        explanation.setWrapText(true);
        explanation.textProperty().bind(vm.explanationProperty());

        GridPane controls = new GridPane();
        controls.setHgap(8);
        controls.setVgap(5);
        int row = 0;
        for (Control c : Control.values()) {
            Label name = new Label(c.key());
            name.setTooltip(new Tooltip(c.description()));
            controls.addRow(row++, name, spinner(vm, c));
        }
        var classifier = EnumToggles.segmented(List.of(ClassifierKind.values()), vm.classifierProperty(),
                k -> k == ClassifierKind.SOFTMAX ? "Softmax" : "MLP", "playground-classifier-");
        controls.addRow(row, new Label("classifier"), classifier);

        run.setId("playground-run");
        run.setDefaultButton(false);
        run.setMaxWidth(Double.MAX_VALUE);
        run.disableProperty().bind(workbench.task().runningProperty());
        boolean[] waiting = {false};
        run.setOnAction(e -> waiting[0] = vm.run());
        workbench.resultProperty().addListener((obs, old, now) -> {
            if (waiting[0] && now != null) {
                waiting[0] = false;
                onRunShown.run();
            }
        });
        workbench.task().runningProperty().addListener((obs, was, running) -> {
            if (!running) {
                waiting[0] = false;
            }
        });

        ComboBox<Control> sweepControl = new ComboBox<>();
        sweepControl.getItems().setAll(Control.values());
        sweepControl.setId("sweep-control");
        sweepControl.setConverter(new StringConverter<>() {
            @Override
            public String toString(Control c) {
                return c == null ? "" : c.key();
            }

            @Override
            public Control fromString(String s) {
                return Control.parse(s);
            }
        });
        sweepControl.valueProperty().bindBidirectional(vm.sweepControlProperty());
        Spinner<Double> from = doubleSpinner(-1e6, 1e6, 0.25);
        bind(from, vm.sweepFromProperty());
        from.setId("sweep-from");
        Spinner<Double> to = doubleSpinner(-1e6, 1e6, 0.25);
        bind(to, vm.sweepToProperty());
        to.setId("sweep-to");
        Spinner<Integer> steps = new Spinner<>(2, 21, 5);
        steps.setEditable(true);
        steps.setPrefWidth(80);
        var stepsObject = vm.sweepStepsProperty().asObject();
        bridges.add(stepsObject);
        steps.getValueFactory().valueProperty().bindBidirectional(stepsObject);
        steps.setId("sweep-steps");
        sweep.setId("playground-sweep");
        sweep.setMinWidth(Region.USE_PREF_SIZE);
        sweep.disableProperty().bind(workbench.task().runningProperty());
        sweep.setOnAction(e -> vm.runSweep());

        Label problem = new Label();
        problem.setId("playground-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        VBox form = new VBox(8, section("Preset"), preset, explanation, section("Data and model"), controls, run,
                problem);
        form.getStyleClass().add("playground-form");
        form.setPrefWidth(300);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(310);
        scroll.setPrefWidth(330);
        setLeft(scroll);

        Label title = new Label();
        title.setMinWidth(0);
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.sweepProperty().get() == null ? ""
                : vm.sweepProperty().get().points().size() + " runs",
                vm.sweepProperty()));
        ChartExportMenu export = new ChartExportMenu("Export", vm::chart, "sweep",
                (spec, format, file) -> vm.exportChart(format, file, spec.dpi()));
        export.setId("sweep-export");
        export.disableProperty().bind(vm.sweepProperty().isNull());
        from.setPrefWidth(90);
        to.setPrefWidth(90);
        steps.setPrefWidth(70);
        for (var spinner : new Region[] {from, to, steps}) {
            spinner.setMinWidth(Region.USE_PREF_SIZE);
        }
        sweepControl.setMinWidth(Region.USE_PREF_SIZE);
        export.setMinWidth(Region.USE_PREF_SIZE);
        // wraps onto a second line in a narrow window rather than pushing Sweep and Export out of sight
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 6, caption("Sweep"), sweepControl,
                caption("from"), from, caption("to"), to, caption("steps"), steps, sweep, export, title);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("pane-toolbar");
        chart.setId("sweep-chart");
        BorderPane right = new BorderPane(chart);
        right.setTop(bar);
        setCenter(right);
        vm.sweepProperty().addListener((obs, old, now) -> chart.show(vm.chart(144)));
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private void bind(Spinner<Double> spinner, javafx.beans.property.DoubleProperty property) {
        var object = property.asObject();
        bridges.add(object);
        spinner.getValueFactory().valueProperty().bindBidirectional(object);
    }

    private Spinner<?> spinner(PlaygroundViewModel vm, Control c) {
        if (c.isInteger()) {
            int max = c == Control.SEED ? Integer.MAX_VALUE : c == Control.SAMPLES ? 200_000 : 10_000;
            Spinner<Integer> s = new Spinner<>(c == Control.SEED ? 0 : 2, max, (int) vm.control(c).get(),
                    c == Control.SAMPLES ? 100 : 1);
            s.setEditable(true);
            s.setPrefWidth(120);
            s.setId("control-" + c.key());
            var value = s.getValueFactory().valueProperty();
            value.addListener((obs, old, now) -> {
                if (now != null) {
                    vm.control(c).set(now);
                }
            });
            vm.control(c).addListener((obs, old, now) -> value.set((int) Math.round(now.doubleValue())));
            return s;
        }
        Spinner<Double> s = doubleSpinner(0, c.key().endsWith("snr") ? 100 : 1, c.key().endsWith("snr") ? 0.5 : 0.1);
        bind(s, vm.control(c));
        s.setId("control-" + c.key());
        return s;
    }

    private static Spinner<Double> doubleSpinner(double min, double max, double step) {
        Spinner<Double> s = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, min, step));
        s.setEditable(true);
        s.setPrefWidth(120);
        return s;
    }

    public Button runButton() {
        return run;
    }

    public Button sweepButton() {
        return sweep;
    }
}
