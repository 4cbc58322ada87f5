package dev.fusionlab.robustness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.export.chart.BarChartSpec;
import dev.fusionlab.export.chart.ChartFormat;
import dev.fusionlab.export.chart.ChartSeries;
import dev.fusionlab.export.chart.SeriesColours;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores of every strategy under every {@link AblationCondition}, on the labelled test rows.
 *
 * @param conditions  condition name to strategy to test metrics, in the order run
 * @param combiner    late fusion's combiner (the run's)
 * @param imageWeight its image weight (used by {@code weighted} only)
 * @param seed        seed of shuffles and noise
 * @param testSize    labelled test rows scored
 * @param notes       how drop, shuffle and noise are done, for the reader of the report
 */
public record AblationReport(Map<String, Map<Strategy, ClassificationMetrics>> conditions, String combiner,
                             double imageWeight, long seed, int testSize, List<String> notes) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public AblationReport {
        Map<String, Map<Strategy, ClassificationMetrics>> copy = new LinkedHashMap<>();
        conditions.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        conditions = Collections.unmodifiableMap(copy);
        notes = List.copyOf(notes);
    }

    public ClassificationMetrics get(String condition, Strategy strategy) {
        Map<Strategy, ClassificationMetrics> row = conditions.get(condition);
        if (row == null) {
            throw new IllegalArgumentException("no condition " + condition + " in this report; it has " + conditions.keySet());
        }
        return row.get(strategy);
    }

    /**
     * {@code ablation.json}: {@code {"schema_version": 1, "combiner", "image_weight", "seed", "test_size", "notes",
     * "conditions": {"<condition>": {"<strategy>": {"accuracy": a, "macro_f1": f}}}}}.
     */
    public void writeJson(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", 1);
        root.put("combiner", combiner);
        root.put("image_weight", imageWeight);
        root.put("seed", seed);
        root.put("test_size", testSize);
        root.set("notes", JSON.valueToTree(notes));
        ObjectNode all = root.putObject("conditions");
        conditions.forEach((name, row) -> {
            ObjectNode c = all.putObject(name);
            for (Strategy s : Strategy.values()) {
                ObjectNode m = c.putObject(s.key());
                m.put("accuracy", row.get(s).accuracy());
                m.put("macro_f1", row.get(s).macroF1());
            }
        });
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), root);
    }

    /** Test accuracy per condition (groups) and strategy (bars), y from 0 to 1. */
    public BarChartSpec chart(String title, int dpi) {
        List<ChartSeries> series = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            String label = s == Strategy.LATE ? "late (" + combiner + ")" : s.key();
            series.add(new ChartSeries(label, conditions.values().stream().mapToDouble(r -> r.get(s).accuracy()).toArray(),
                    SeriesColours.colour(s.ordinal())));
        }
        return BarChartSpec.of(title, "condition (test time, no retraining)", "test accuracy",
                List.copyOf(conditions.keySet()), series, dpi).withYRange(0, 1);
    }

    /** {@code ablation.json}, {@code ablation.png} and {@code ablation.svg} in {@code out}. */
    public void writeAll(Path out, String title, int dpi) throws IOException {
        writeJson(out.resolve("ablation.json"));
        ChartFormat.writeBoth(chart(title, dpi), out, "ablation");
    }

    /** A plain-text table (condition x strategy accuracy / macro-F1) for terminals and docs. */
    public String table() {
        StringBuilder b = new StringBuilder("| condition |");
        for (Strategy s : Strategy.values()) {
            b.append(' ').append(s == Strategy.LATE ? "late (" + combiner + ")" : s.key()).append(" |");
        }
        b.append("\n|---|").append("---|".repeat(Strategy.values().length)).append('\n');
        conditions.forEach((name, row) -> {
            b.append("| ").append(name).append(" |");
            for (Strategy s : Strategy.values()) {
                b.append(String.format(java.util.Locale.ROOT, " %.3f / %.3f |", row.get(s).accuracy(), row.get(s).macroF1()));
            }
            b.append('\n');
        });
        return b.toString();
    }
}
