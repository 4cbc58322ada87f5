package dev.fusionlab.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.evaluate.ClassMetrics;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.evaluate.RetrievalMetrics;
import dev.fusionlab.export.plot.LegendEntry;
import dev.fusionlab.export.plot.Palette;
import dev.fusionlab.export.plot.PlotFormat;
import dev.fusionlab.export.plot.ScatterPlotSpec;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.fuse.StackingOutcome;
import dev.fusionlab.fuse.Strategy;
import dev.fusionlab.io.AtomicFiles;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes every artifact of a run into one folder, the same for the CLI and the GUI:
 * {@code predictions.csv}, {@code metrics.json}, {@code embeddings/}, {@code projections/},
 * {@code plots/} and {@code run.json} (see the README for their layout).
 */
public final class RunExporter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunExporter() {
    }

    public static void writeAll(RunResult result, Path out, int dpi, TaskContext ctx) throws IOException {
        Files.createDirectories(out);
        ctx.report("export", 0, out.toString());
        if (result.isClassified()) {
            PredictionsCsv.write(out.resolve("predictions.csv"), result.samples(), result.classes(), result.probabilities());
        }
        writeMetrics(result, out.resolve("metrics.json"));
        writeEmbeddings(result.embeddings(), result.ids(), out.resolve("embeddings"));
        if (result.jointSpace() != null) {
            Npy.write(out.resolve("embeddings").resolve("joint-image.npy"),
                    result.jointSpace().embedImages(result.embeddings().get(Space.IMAGE)));
            Npy.write(out.resolve("embeddings").resolve("joint-text.npy"),
                    result.jointSpace().embedTexts(result.embeddings().get(Space.TEXT)));
        }
        ctx.report("export", 0.3, "embeddings");
        int done = 0;
        for (Map.Entry<ProjectionKey, double[][]> e : result.projections().entrySet()) {
            ctx.throwIfCancelled("export");
            String stem = e.getKey().fileStem();
            ProjectionCsv.write(out.resolve("projections").resolve(stem + ".csv"), result.ids(), e.getValue());
            ScatterPlotSpec plot = labelPlot(result, e.getKey(), e.getValue(), dpi);
            Files.createDirectories(out.resolve("plots"));
            for (PlotFormat format : List.of(PlotFormat.PNG, PlotFormat.SVG)) {
                format.writer().write(plot, out.resolve("plots").resolve(stem + "." + format.extension()));
            }
            ctx.report("export", 0.3 + 0.6 * ++done / result.projections().size(), stem);
        }
        writeRunJson(result, out.resolve("run.json"));
        ctx.report("export", 1, out.toString());
    }

    /** {@code embeddings/{image,text,fused}.npy} and {@code embeddings/ids.csv}, as the embed command writes them. */
    public static void writeEmbeddings(EncodedDataset encoded, Path out) throws IOException {
        writeEmbeddings(Map.of(Space.IMAGE, encoded.image(), Space.TEXT, encoded.text(), Space.FUSED, encoded.joint()),
                encoded.ids(), out.resolve("embeddings"));
    }

    private static void writeEmbeddings(Map<Space, float[][]> embeddings, List<String> ids, Path dir) throws IOException {
        for (Map.Entry<Space, float[][]> e : embeddings.entrySet()) {
            Npy.write(dir.resolve(e.getKey().key() + ".npy"), e.getValue());
        }
        ProjectionCsv.writeIds(dir.resolve("ids.csv"), ids);
    }

    /** The CLI's plot of one layout: coloured by label (grey for unlabelled samples), with a legend. */
    public static ScatterPlotSpec labelPlot(RunResult result, ProjectionKey key, double[][] points, int dpi) {
        int n = points.length;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) points[i][0];
            ys[i] = (float) points[i][1];
        }
        int[] colours = Palette.colours(Math.max(1, result.classes().size()));
        List<LegendEntry> legend = new ArrayList<>();
        for (int c = 0; c < result.classes().size(); c++) {
            legend.add(new LegendEntry(result.classes().get(c), colours[c]));
        }
        String title = result.dataset().name() + " — " + key.space().key() + " embedding, " + key.method().label();
        ScatterPlotSpec spec = ScatterPlotSpec.of(title, xs, ys, result.truth(), colours, legend);
        return spec.withAxisLabels(key.method().label() + " 1", key.method().label() + " 2")
                .withSize(spec.widthPx(), spec.heightPx(), dpi);
    }

    static void writeMetrics(RunResult result, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("classes", JSON.valueToTree(result.classes()));
        ObjectNode strategies = root.putObject("strategies");
        if (result.isClassified()) {
            Evaluation evaluation = result.evaluate();
            root.put("test_size", evaluation.testRows().length);
            for (Strategy s : Strategy.values()) {
                strategies.set(s.key(), metricsNode(evaluation.metrics().get(s)));
            }
            root.set("late_combiners", lateCombinersNode(result));
            Evaluation.Comparison earlyLate = evaluation.comparison(Strategy.EARLY, Strategy.LATE);
            ObjectNode mcnemar = root.putObject("mcnemar_early_vs_late");
            boolean earlyFirst = earlyLate.a() == Strategy.EARLY;
            mcnemar.put("early_only_correct", earlyFirst ? earlyLate.mcNemar().b() : earlyLate.mcNemar().c());
            mcnemar.put("late_only_correct", earlyFirst ? earlyLate.mcNemar().c() : earlyLate.mcNemar().b());
            mcnemar.put("statistic", earlyLate.mcNemar().statistic());
            mcnemar.put("p_value", earlyLate.mcNemar().pValue());
            mcnemar.put("method", earlyLate.mcNemar().method().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode disagreements = root.putArray("disagreements_early_vs_late");
            for (var d : earlyLate.disagreements()) {
                ObjectNode row = disagreements.addObject();
                row.put("id", result.samples().get(d.row()).id());
                row.put("label", result.classes().get(d.truth()));
                row.put("early_pred", result.classes().get(earlyFirst ? d.predictedA() : d.predictedB()));
                row.put("late_pred", result.classes().get(earlyFirst ? d.predictedB() : d.predictedA()));
            }
        } else {
            root.put("note", "unlabelled dataset: no classifier was trained (exploration only)");
        }
        result.retrieval().ifPresent(r -> root.set("retrieval", retrievalNode(r)));
        ArrayNode skipped = root.putArray("skipped");
        for (SampleProblem p : result.dataset().problems()) {
            ObjectNode row = skipped.addObject();
            row.put("id", p.id());
            row.put("file", p.file() == null ? null : p.file().toString());
            row.put("reason", p.reason());
        }
        AtomicFiles.write(file, out -> JSON.writeValue(out, root));
    }

    /**
     * Test accuracy and macro-F1 of late fusion under every combiner (weighted with the run's image weight),
     * recombined from the stored probabilities: the comparison a user would otherwise make by hand.
     */
    private static ObjectNode lateCombinersNode(RunResult result) {
        ObjectNode node = JSON.createObjectNode();
        for (LateCombiner combiner : LateCombiner.values()) {
            ObjectNode row = node.putObject(combiner.name().toLowerCase(java.util.Locale.ROOT));
            if (combiner.isTrained() && result.stacking() instanceof StackingOutcome.Skipped skipped) {
                row.put("skipped", skipped.reason());
                continue;
            }
            ClassificationMetrics m = result.evaluate(combiner, result.config().imageWeight()).metrics().get(Strategy.LATE);
            row.put("accuracy", m.accuracy());
            row.put("macro_f1", m.macroF1());
        }
        return node;
    }

    private static ObjectNode metricsNode(ClassificationMetrics m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("accuracy", m.accuracy());
        node.put("macro_f1", m.macroF1());
        node.set("confusion_matrix", JSON.valueToTree(m.confusion()));
        ObjectNode perClass = node.putObject("per_class");
        for (ClassMetrics c : m.perClass()) {
            ObjectNode row = perClass.putObject(c.name());
            row.put("precision", c.precision());
            row.put("recall", c.recall());
            row.put("f1", c.f1());
            row.put("support", c.support());
        }
        return node;
    }

    /** Recall@1/5/10 and median rank of test-split retrieval in both directions. */
    private static ObjectNode retrievalNode(RetrievalMetrics r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("test_pairs", r.pairs());
        var directions = List.of(Map.entry("text_to_image", r.textToImage()), Map.entry("image_to_text", r.imageToText()));
        for (var direction : directions) {
            ObjectNode d = node.putObject(direction.getKey());
            d.put("recall_at_1", direction.getValue().recallAt1());
            d.put("recall_at_5", direction.getValue().recallAt5());
            d.put("recall_at_10", direction.getValue().recallAt10());
            d.put("median_rank", direction.getValue().medianRank());
        }
        return node;
    }

    static void writeRunJson(RunResult result, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode dataset = root.putObject("dataset");
        dataset.put("path", result.dataset().root().toString());
        dataset.put("name", result.dataset().name());
        dataset.put("sha256", result.provenance().datasetSha256());
        dataset.put("samples", result.samples().size());
        dataset.put("skipped", result.dataset().problems().size());
        root.set("config", JSON.valueToTree(result.config()));
        root.put("seed", result.config().seed());
        root.set("encoders", JSON.valueToTree(result.provenance().encoders()));
        ObjectNode classifiers = root.putObject("classifiers");
        result.provenance().classifiers().forEach((s, p) -> classifiers.set(s.key(), JSON.valueToTree(p)));
        root.set("stacking", switch (result.stacking()) {
            case StackingOutcome.Trained trained -> JSON.valueToTree(trained.stacker().provenance());
            case StackingOutcome.Skipped skipped -> JSON.createObjectNode().put("skipped", skipped.reason());
        });
        root.set("joint_space", result.jointSpace() == null
                ? JSON.createObjectNode().put("skipped", "fewer than 2 training pairs")
                : JSON.valueToTree(result.jointSpace().provenance()));
        root.set("versions", JSON.valueToTree(result.provenance().versions()));
        root.set("timings_ms", JSON.valueToTree(result.stageMillis()));
        AtomicFiles.write(file, out -> JSON.writeValue(out, root));
    }
}
