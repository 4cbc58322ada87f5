package dev.fusionlab.export;

import dev.fusionlab.export.plot.LegendEntry;
import dev.fusionlab.export.plot.Palette;
import dev.fusionlab.export.plot.PlotFormat;
import dev.fusionlab.export.plot.ScatterPlotSpec;
import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.report.MetricsReport;
import dev.fusionlab.report.ReportJson;
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
        writeEmbeddings(Map.of(Space.IMAGE, encoded.image(), Space.TEXT, encoded.text(), Space.FUSED, encoded.fused()),
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

    /** {@code metrics.json}: the run's {@link MetricsReport}, late fusion as configured. */
    static void writeMetrics(RunResult result, Path file) throws IOException {
        ReportJson.writeMetrics(MetricsReport.of(result), file);
    }

    static void writeRunJson(RunResult result, Path file) throws IOException {
        ReportJson.writeRun(result, file);
    }
}
