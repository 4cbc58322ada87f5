package dev.fusionlab.ui.view;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.report.MetricsReport;
import dev.fusionlab.evaluate.BootstrapIntervals;
import dev.fusionlab.ui.model.Comparison;
import dev.fusionlab.ui.model.ScoreIntervals;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Early vs late fusion and the unimodal baselines side by side: scores, McNemar, per-class F1, both
 * confusion matrices, and the samples the two fusions disagree on (picking one points it out in the
 * projection). Everything follows the live combiner settings.
 */
public final class ComparisonPane extends BorderPane {

    private final WorkbenchViewModel vm;
    private final Label summary = new Label("Run the pipeline to compare early and late fusion.");
    private final Label mcNemar = new Label();
    private final TableView<Comparison.StrategyRow> strategies = new TableView<>();
    private final TableView<Comparison.ClassRow> perClass = new TableView<>();
    private final TableView<MetricsReport.DisagreementRow> disagreements = new TableView<>();
    private final ConfusionHeatmap early = new ConfusionHeatmap("Early fusion");
    private final ConfusionHeatmap late = new ConfusionHeatmap("Late fusion");
    private final BooleanProperty showing = new SimpleBooleanProperty(true);
    private final PulseSteps steps = new PulseSteps();
    private final ScoreIntervals intervals;
    private final Label caveat = new Label();
    private final Label retrieval = new Label();
    private final Label disagreementsPlaceholder = new Label(NO_RUN);
    private static final String NO_RUN = "Run the pipeline to compare early and late fusion.";

    public ComparisonPane(WorkbenchViewModel vm) {
        this.vm = vm;
        this.intervals = new ScoreIntervals(vm.comparisonProperty(), javafx.application.Platform::runLater);
        getStyleClass().add("comparison-pane");
        summary.getStyleClass().add("section-title");
        summary.setId("comparison-summary");
        summary.setWrapText(true); // "late fusion: weighted, image weight 0.65" is never cut
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip summaryTip = new Tooltip();
        summaryTip.textProperty().bind(summary.textProperty());
        summary.setTooltip(summaryTip);
        mcNemar.getStyleClass().add("mcnemar");
        mcNemar.setWrapText(true);
        mcNemar.setId("mcnemar");

        strategies.setId("strategy-scores");
        strategies.getColumns().add(text("Strategy", r -> label(r.strategy())));
        strategies.getColumns().add(text("Accuracy (95% CI)", r -> withInterval(r.accuracy(), interval(r, true))));
        strategies.getColumns().add(text("Macro-F1 (95% CI)", r -> withInterval(r.macroF1(), interval(r, false))));
        strategies.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        strategies.setFixedCellSize(28);
        strategies.setPrefHeight(28 * 5 + 4);
        strategies.setMinHeight(28 * 5 + 4);
        strategies.setMinWidth(300);
        caveat.getStyleClass().add("hint");
        caveat.setWrapText(true);
        caveat.setId("caveat");
        caveat.managedProperty().bind(caveat.textProperty().isNotEmpty());
        intervals.intervalsProperty().addListener((obs, old, now) -> {
            strategies.refresh();
            caveat.setText(MetricsReport.caveatOf(now));
        });

        perClass.setId("per-class");
        TableColumn<Comparison.ClassRow, String> className = text("Class", Comparison.ClassRow::className);
        className.setPrefWidth(170); // "Animals & Nature" in full
        className.setMinWidth(120);
        perClass.getColumns().add(className);
        perClass.getColumns().add(text("Test n", r -> Integer.toString(r.support())));
        TableColumn<Comparison.ClassRow, String> f1 = new TableColumn<>("F1");
        for (Strategy s : Strategy.values()) {
            String name = s.key().substring(0, 1).toUpperCase(Locale.ROOT) + s.key().substring(1);
            f1.getColumns().add(text(name, r -> percent(r.f1()[s.ordinal()])));
        }
        perClass.getColumns().add(f1);
        perClass.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        disagreements.setId("disagreements");
        disagreements.getColumns().add(text("Sample", MetricsReport.DisagreementRow::id));
        disagreements.getColumns().add(text("True", MetricsReport.DisagreementRow::truth));
        disagreements.getColumns().add(text("Early", MetricsReport.DisagreementRow::early));
        disagreements.getColumns().add(text("Late", MetricsReport.DisagreementRow::late));
        disagreements.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        disagreements.setPlaceholder(disagreementsPlaceholder);
        disagreements.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                vm.projection().focusedProperty().set(now == null ? -1 : now.index()));

        retrieval.setId("retrieval-card");
        retrieval.getStyleClass().add("hint");
        retrieval.setWrapText(true);
        retrieval.managedProperty().bind(retrieval.textProperty().isNotEmpty());
        retrieval.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        vm.resultProperty().addListener((obs, old, now) -> retrieval.setText(now == null ? ""
                : dev.fusionlab.ui.model.RetrievalSummary.of(now.retrieval())
                        .map(dev.fusionlab.ui.model.RetrievalSummary::text)
                        .orElse("Retrieval: no joint space in this run (too few training pairs).")));
        VBox scores = new VBox(8, summary, strategies, caveat, mcNemar, retrieval);
        scores.setMinWidth(340);
        scores.setPrefWidth(430);
        for (ConfusionHeatmap map : List.of(early, late)) {
            map.setMinWidth(160);
            map.setPrefWidth(260);
        }
        HBox top = new HBox(16, scores, early, late);
        HBox.setHgrow(early, Priority.ALWAYS);
        HBox.setHgrow(late, Priority.ALWAYS);
        top.getStyleClass().add("comparison-top");

        VBox classBox = titled("Per class (test split)", perClass);
        VBox disagreeBox = titled("Early and late disagree — select one to point it out in the projection", disagreements);
        SplitPane bottom = new SplitPane(classBox, disagreeBox);
        bottom.setOrientation(Orientation.HORIZONTAL);
        SplitPane all = new SplitPane(top, bottom);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.5);
        setCenter(all);

        vm.comparisonProperty().addListener((obs, old, now) -> refresh());
        vm.darkThemeProperty().addListener((obs, old, now) -> refresh());
        showing.addListener((obs, old, now) -> refresh());
    }

    /** Whether the pane is on screen; while it is not, updates wait (tables are costly to fill). */
    public BooleanProperty showingProperty() {
        return showing;
    }

    private void refresh() {
        if (showing.get()) {
            show(vm.comparisonProperty().get());
        }
    }

    private void show(Comparison c) {
        if (c == null) {
            steps.run(List.of());
            strategies.getItems().clear();
            perClass.getItems().clear();
            disagreements.getItems().clear();
            mcNemar.setText("");
            early.clear(); // no heatmap of a run over another dataset stays behind
            late.clear();
            disagreementsPlaceholder.setText(vm.resultProperty().get() == null ? NO_RUN
                    : "No labelled test samples in this run.");
            summary.setText(vm.resultProperty().get() == null ? "Run the pipeline to compare early and late fusion."
                    : "No labelled test samples in this run: nothing to compare (exploration only).");
            return;
        }
        Runnable scores = () -> {
            disagreementsPlaceholder.setText("Early and late fusion agree on every test sample");
            summary.setText(c.summary()); // from the comparison itself: never one change behind
            strategies.getItems().setAll(c.strategies());
            var m = c.mcNemar();
            mcNemar.setText(String.format(Locale.ROOT,
                    "McNemar, early vs late: %d test samples only early got right, %d only late; p = %.3g (%s) — %s.",
                    m.b(), m.c(), m.pValue(), m.method().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    m.significantAt(0.05) ? "a significant difference at the 5% level"
                            : "no significant difference at the 5% level"));
        };
        Runnable heatmaps = () -> {
            boolean dark = vm.darkThemeProperty().get();
            early.show(c.earlyConfusion(), c.classes(), dark);
            late.show(c.lateConfusion(), c.classes(), dark);
        };
        Runnable classes = () -> perClass.getItems().setAll(c.perClass());
        Runnable disagreeing = () -> {
            int selected = disagreements.getSelectionModel().getSelectedIndex();
            disagreements.getItems().setAll(c.disagreements());
            if (selected >= 0 && selected < c.disagreements().size()) {
                disagreements.getSelectionModel().select(selected);
            }
        };
        steps.run(List.of(scores, heatmaps, classes, disagreeing));
    }

    private static VBox titled(String title, javafx.scene.Node content) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        l.setWrapText(true); // never cut on a small window
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(6, l, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.getStyleClass().add("section");
        return box;
    }

    private static <R> TableColumn<R, String> text(String name, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    static String label(Strategy s) {
        return switch (s) {
            case IMAGE -> "Image only";
            case TEXT -> "Text only";
            case EARLY -> "Early fusion";
            case LATE -> "Late fusion";
        };
    }

    private BootstrapIntervals.Interval interval(Comparison.StrategyRow row, boolean accuracy) {
        BootstrapIntervals ci = intervals.intervalsProperty().get().get(row.strategy());
        return ci == null ? null : accuracy ? ci.accuracy() : ci.macroF1();
    }

    /** "85.0%  (81.2–88.5)", or the score alone while its interval is being computed. */
    static String withInterval(double v, BootstrapIntervals.Interval ci) {
        if (ci == null || Double.isNaN(v)) {
            return percent(v);
        }
        return String.format(Locale.ROOT, "%s  (%.1f\u2013%.1f)", percent(v), 100 * ci.low(), 100 * ci.high());
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    TableView<Comparison.StrategyRow> strategyTable() {
        return strategies;
    }

    Label caveatLabel() {
        return caveat;
    }

    TableView<MetricsReport.DisagreementRow> disagreementTable() {
        return disagreements;
    }

    ConfusionHeatmap earlyHeatmap() {
        return early;
    }

    Label summaryLabel() {
        return summary;
    }

    ConfusionHeatmap lateHeatmap() {
        return late;
    }
}
