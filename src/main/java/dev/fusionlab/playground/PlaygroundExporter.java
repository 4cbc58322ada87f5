package dev.fusionlab.playground;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fusionlab.export.RunExporter;
import dev.fusionlab.export.chart.ChartFormat;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a playground run as {@code run} writes any run ({@link RunExporter}: predictions, metrics,
 * embeddings, projections, plots, {@code run.json}), then adds the generator's settings to {@code run.json}
 * under {@code "generator"}, so the data can be made again; and a sweep as {@code sweep.csv} plus
 * {@code sweep.png}/{@code sweep.svg}.
 */
public final class PlaygroundExporter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlaygroundExporter() {
    }

    public static void writeAll(PlaygroundRun run, Path out, int dpi, TaskContext ctx) throws IOException {
        RunExporter.writeAll(run.result(), out, dpi, ctx);
        Path runJson = out.resolve("run.json");
        ObjectNode root = (ObjectNode) JSON.readTree(runJson.toFile());
        root.set("generator", generatorNode(run.name(), run.settings()));
        JSON.writeValue(runJson.toFile(), root);
    }

    /** {@code sweep.csv}, {@code sweep.png} and {@code sweep.svg} in {@code out}. */
    public static void writeSweep(SweepResult sweep, Path out, int dpi) throws IOException {
        sweep.writeCsv(out.resolve("sweep.csv"));
        ChartFormat.writeBoth(sweep.chart(dpi), out, "sweep");
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", 1);
        root.put("control", sweep.spec().control().key());
        root.put("from", sweep.spec().from());
        root.put("to", sweep.spec().to());
        root.put("steps", sweep.spec().steps());
        root.put("classifier", sweep.config().classifier().name().toLowerCase(java.util.Locale.ROOT));
        root.put("combiner", sweep.config().combiner().name().toLowerCase(java.util.Locale.ROOT));
        root.put("seed", sweep.config().seed());
        root.set("generator", generatorNode(sweep.name(), sweep.base()));
        JSON.writeValue(out.resolve("sweep.json").toFile(), root);
    }

    static ObjectNode generatorNode(String name, GeneratorSettings settings) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name);
        node.put("model", "dev.fusionlab.playground.SyntheticGenerator (docs/playground.md)");
        node.set("settings", JSON.valueToTree(settings.toMap()));
        return node;
    }
}
