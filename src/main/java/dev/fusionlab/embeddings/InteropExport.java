package dev.fusionlab.embeddings;

import dev.fusionlab.data.Sample;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.task.TaskContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The way out to other tools, from any run (imported or encoded by FusionLab):
 * <ul>
 *   <li>{@code projector/<space>/tensors.tsv} + {@code metadata.tsv}: TF Projector's format (load both with
 *       its "Load" button); the metadata has a header (id, label, text, split, image, extras);</li>
 *   <li>{@code parquet/embeddings.parquet}: one table, one row per sample: the metadata columns, every
 *       space as a {@code FLOAT[d]} column ({@code image}, {@code text}, {@code fused}) and every layout as
 *       {@code <space>_<method>_x} / {@code _y} (what Embedding Atlas and DuckDB open as they are).</li>
 * </ul>
 */
public final class InteropExport {

    /** The formats, as named on the command line. */
    public enum ExportFormat {
        TFPROJECTOR, PARQUET;

        public static ExportFormat parse(String name) {
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "tfprojector", "projector", "tsv" -> TFPROJECTOR;
                case "parquet" -> PARQUET;
                default -> throw new IllegalArgumentException("unknown export format '" + name + "': tfprojector or parquet");
            };
        }
    }

    private InteropExport() {
    }

    public static void write(RunResult result, Path out, List<ExportFormat> formats, TaskContext ctx) throws IOException {
        if (formats.contains(ExportFormat.TFPROJECTOR)) {
            writeProjector(result, out.resolve("projector"), ctx);
        }
        if (formats.contains(ExportFormat.PARQUET)) {
            ctx.report("export", -1, "parquet");
            writeParquet(result, out.resolve("parquet").resolve("embeddings.parquet"));
        }
    }

    /** One folder per space with TF Projector's {@code tensors.tsv} and {@code metadata.tsv}. */
    public static void writeProjector(RunResult result, Path dir, TaskContext ctx) throws IOException {
        List<Sample> samples = result.samples();
        List<String> columns = SampleColumns.names(samples);
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String c : columns) {
            values.put(c, SampleColumns.values(samples, c));
        }
        for (Map.Entry<Space, float[][]> e : result.embeddings().entrySet()) {
            ctx.throwIfCancelled("export");
            ctx.report("export", -1, "TF Projector " + e.getKey().key());
            Path folder = dir.resolve(e.getKey().key());
            Files.createDirectories(folder);
            try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("tensors.tsv"), StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder();
                for (float[] row : e.getValue()) {
                    line.setLength(0);
                    for (int j = 0; j < row.length; j++) {
                        line.append(j > 0 ? "\t" : "").append(row[j]);
                    }
                    w.append(line).append('\n');
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("metadata.tsv"), StandardCharsets.UTF_8)) {
                w.append(String.join("\t", columns)).append('\n');
                for (int i = 0; i < samples.size(); i++) {
                    for (int c = 0; c < columns.size(); c++) {
                        String v = values.get(columns.get(c)).get(i);
                        w.append(c > 0 ? "\t" : "").append(v == null ? "" : v.replaceAll("[\\t\\r\\n]+", " "));
                    }
                    w.append('\n');
                }
            }
        }
    }

    /** Every space and every layout of the run in one Parquet table. */
    public static void writeParquet(RunResult result, Path file) throws IOException {
        List<Sample> samples = result.samples();
        Map<String, List<String>> text = new LinkedHashMap<>();
        for (String c : SampleColumns.names(samples)) {
            if (!c.equals("id")) {
                text.put(c, SampleColumns.values(samples, c));
            }
        }
        Map<String, double[]> numbers = new LinkedHashMap<>();
        for (Map.Entry<ProjectionKey, double[][]> e : result.projections().entrySet()) {
            String stem = e.getKey().space().key() + "_" + e.getKey().method().key();
            double[][] xy = e.getValue();
            double[] x = new double[xy.length];
            double[] y = new double[xy.length];
            for (int i = 0; i < xy.length; i++) {
                x[i] = xy[i][0];
                y[i] = xy[i][1];
            }
            numbers.put(stem + "_x", x);
            numbers.put(stem + "_y", y);
        }
        Map<String, float[][]> vectors = new LinkedHashMap<>();
        result.embeddings().forEach((space, rows) -> vectors.put(space.key() + "_embedding", rows));
        ParquetTables.write(file, result.ids(), text, numbers, vectors);
    }
}
