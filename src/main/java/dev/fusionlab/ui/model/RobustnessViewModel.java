package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.encode.Modality;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.export.chart.ChartFormat;
import dev.fusionlab.export.chart.ChartSeries;
import dev.fusionlab.export.chart.ChartSpec;
import dev.fusionlab.export.chart.LineChartSpec;
import dev.fusionlab.export.chart.SeriesColours;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.robustness.AblationCondition;
import dev.fusionlab.robustness.AblationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Modality ablation of the shown run: every strategy under every {@link AblationCondition} (computed in the
 * background, no retraining), as table rows and an accuracy-vs-noise chart, and, for one chosen condition,
 * which test samples it flips (the projection's {@link ColourMode#FLIPS}).
 */
public final class RobustnessViewModel {

    /** One condition's scores: accuracy and macro-F1 of each strategy. */
    public record ConditionRow(String condition, Map<Strategy, ClassificationMetrics> scores) {

        public double accuracy(Strategy s) {
            return scores.get(s).accuracy();
        }
    }

    private final WorkbenchServices services;
    private final BackgroundTaskViewModel task;
    private final ObservableValue<RunResult> result;
    private final ObjectProperty<ConditionFlips> flips;
    private final List<AblationCondition> conditions = AblationCondition.standard();
    private final ReadOnlyObjectWrapper<AblationReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ConditionRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> conditionNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> flipCondition = new SimpleObjectProperty<>();
    private RunResult reportRun;

    RobustnessViewModel(WorkbenchServices services, BackgroundTaskViewModel task, ObservableValue<RunResult> result,
                        ObjectProperty<ConditionFlips> flips) {
        this.services = services;
        this.task = task;
        this.result = result;
        this.flips = flips;
        result.addListener((obs, old, now) -> {
            if (now == null || reportRun == null || !now.samples().equals(reportRun.samples())
                    || now.models() != reportRun.models()) {
                clear(); // another run: its scores and flips no longer apply (a re-projection keeps them)
            }
        });
        flipCondition.addListener((obs, old, now) -> computeFlips(now));
    }

    private void clear() {
        reportRun = null;
        report.set(null);
        rows.clear();
        conditionNames.clear();
        flipCondition.set(null);
        flips.set(null);
    }

    /** True when the shown run has trained classifiers to ablate. */
    public BooleanBinding canComputeBinding() {
        return Bindings.createBooleanBinding(() -> canAblate(result.getValue()), result);
    }

    static boolean canAblate(RunResult r) {
        return r != null && r.isClassified() && r.models() != null;
    }

    /** Scores every strategy under every condition on the shown run, in the background. */
    public boolean compute() {
        RunResult run = result.getValue();
        if (!canAblate(run)) {
            return false;
        }
        long seed = run.config().seed();
        return task.start("Ablation", ctx -> services.ablate(run, conditions, seed, ctx), r -> {
            reportRun = run;
            report.set(r);
            List<ConditionRow> all = new ArrayList<>();
            r.conditions().forEach((name, scores) -> all.add(new ConditionRow(name, new EnumMap<>(scores))));
            rows.setAll(all);
            conditionNames.setAll(r.conditions().keySet().stream().filter(n -> !n.equals("intact")).toList());
        }, r -> "Ablation: " + r.conditions().size() + " conditions on " + r.testSize() + " test samples");
    }

    private void computeFlips(String condition) {
        RunResult run = reportRun;
        if (condition == null || run == null) {
            flips.set(null);
            return;
        }
        AblationCondition chosen = conditions.stream().filter(c -> c.name().equals(condition)).findFirst().orElseThrow();
        long seed = run.config().seed();
        task.start("Predictions under " + condition, ctx -> new ConditionFlips(run.samples(), condition,
                        services.conditionPredictions(run, AblationCondition.intact(), seed, ctx),
                        services.conditionPredictions(run, chosen, seed, ctx)), flips::set,
                f -> "Colour by flips: " + condition);
    }

    /**
     * Test accuracy of each strategy against the noise level on one modality: x = 0 is the intact run, then
     * every noise level of the ablation. Null before the ablation.
     */
    public LineChartSpec noiseChart(Modality modality, int dpi) {
        AblationReport r = report.get();
        if (r == null) {
            return null;
        }
        List<AblationCondition> noise = conditions.stream()
                .filter(c -> c.kind() == AblationCondition.Kind.NOISE && c.modality() == modality).toList();
        double[] xs = new double[noise.size() + 1];
        List<String> names = new ArrayList<>(List.of("intact"));
        for (int i = 0; i < noise.size(); i++) {
            xs[i + 1] = noise.get(i).sigma();
            names.add(noise.get(i).name());
        }
        List<ChartSeries> series = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            String label = s == Strategy.LATE ? "late (" + r.combiner() + ")" : s.key();
            series.add(new ChartSeries(label, names.stream().mapToDouble(n -> r.get(n, s).accuracy()).toArray(),
                    SeriesColours.colour(s.ordinal())));
        }
        String m = modality.name().toLowerCase(Locale.ROOT);
        return LineChartSpec.of("Test accuracy vs noise on the " + m + " embedding", "noise sigma on " + m
                + " (training standard deviations)", "test accuracy", xs, series, dpi).withYRange(0, 1);
    }

    /** Every strategy under every condition as grouped bars. Null before the ablation. */
    public ChartSpec conditionChart(int dpi) {
        AblationReport r = report.get();
        return r == null ? null : r.chart("Test accuracy under each condition (no retraining)", dpi);
    }

    /** Writes a chart (PNG or SVG) or, for a {@code .json} file, the ablation report, in the background. */
    public boolean export(ChartSpec chart, ChartFormat format, Path file) {
        if (chart == null) {
            return false;
        }
        return task.start("Exporting " + file.getFileName(), ctx -> {
            format.write(chart, file);
            return file;
        }, written -> { }, written -> "Wrote " + written);
    }

    /** {@code ablation.json} of the report shown. */
    public boolean exportJson(Path file) {
        AblationReport r = report.get();
        if (r == null) {
            return false;
        }
        return task.start("Exporting " + file.getFileName(), ctx -> {
            r.writeJson(file);
            return file;
        }, written -> { }, written -> "Wrote " + written);
    }

    /** The last ablation of the shown run; null before one (or after another run was shown). */
    public ReadOnlyObjectProperty<AblationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** One row per condition, in the ablation's order. */
    public ObservableList<ConditionRow> rows() {
        return rows;
    }

    /** Conditions that can colour the projection (all but intact). */
    public ObservableList<String> conditionNames() {
        return conditionNames;
    }

    /** The condition whose flips colour the projection; setting it computes them in the background. */
    public ObjectProperty<String> flipConditionProperty() {
        return flipCondition;
    }
}
