package dev.fusionlab.project.bench;

import dev.fusionlab.io.npy.Npy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionParams;
import dev.fusionlab.project.Projector;
import dev.fusionlab.project.pca.Pca;
import dev.fusionlab.project.pca.PcaResult;
import dev.fusionlab.project.quality.Trustworthiness;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * FusionLab's side of the projection benchmark (see {@code bench/run-bench.sh}): writes the shared inputs,
 * times FusionLab's PCA, t-SNE and UMAP on them, then scores every layout (FusionLab's and the Python
 * peers', read back from .npy) with the same trustworthiness code and prints the comparison.
 *
 * <pre>
 * ProjectionBench generate DATA_DIR
 * ProjectionBench run      DATA_DIR OUT_DIR [pca,umap,tsne]
 * ProjectionBench report   DATA_DIR OUT_DIR
 * </pre>
 */
public final class ProjectionBench {

    private static final long SEED = 42;
    private static final int TRUST_K = 10;
    /** Trustworthiness is estimated on this many random query points (the same for every layout of a data set). */
    private static final int TRUST_SAMPLE = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectionBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ProjectionBench generate DATA | run DATA OUT [methods] | report DATA OUT");
        }
        Path data = Path.of(args[1]);
        switch (args[0]) {
            case "generate" -> generate(data);
            case "run" -> run(data, Path.of(args[2]), args.length > 3 ? List.of(args[3].split(",")) : List.of("pca", "umap", "tsne"));
            case "report" -> report(data, Path.of(args[2]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** The inputs: text-like 384-d unit embeddings (5k, 20k) and image-like 1280-d non-negative features (20k). */
    static void generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("emb-5k.npy"), () -> SyntheticEmbeddings.generate(5_000, 384, 30, true, SEED));
        write(dir.resolve("emb-20k.npy"), () -> SyntheticEmbeddings.generate(20_000, 384, 30, true, SEED + 1));
        write(dir.resolve("pca-20k.npy"), () -> SyntheticEmbeddings.generate(20_000, 1280, 30, false, SEED + 2));
    }

    private static void write(Path file, java.util.function.Supplier<float[][]> rows) throws IOException {
        if (Files.exists(file)) {
            System.out.println("  kept " + file);
            return;
        }
        Npy.write(file, rows.get());
        System.out.println("  wrote " + file);
    }

    static void run(Path dataDir, Path out, List<String> methods) throws IOException {
        Files.createDirectories(out);
        Path timingsFile = out.resolve("fusionlab-timings.json");
        // a run of some methods keeps the other methods' earlier results
        ObjectNode timings = Files.exists(timingsFile) ? (ObjectNode) JSON.readTree(timingsFile.toFile())
                : JSON.createObjectNode();
        ProjectionParams params = ProjectionParams.defaults(SEED);
        warmUp(params, methods);
        for (Path file : inputs(dataDir)) {
            String stem = stem(file);
            float[][] x = Npy.read(file);
            for (String method : methods) {
                if (!applies(method, stem)) {
                    continue;
                }
                String label = method + "/" + stem;
                long start = System.nanoTime();
                long cpu = processCpuNanos();
                try {
                    double[][] layout;
                    if (method.equals("pca")) {
                        PcaResult pca = Pca.fit(x, params.pca(2), TaskContext.silent());
                        layout = pca.scores();
                        timings.putPOJO(label + "/explained_variance_ratio", pca.explainedVarianceRatio());
                    } else {
                        layout = Projector.project(x, ProjectionMethod.valueOf(method.toUpperCase(Locale.ROOT)),
                                params, TaskContext.silent());
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
                    timings.remove(label + "/refused");
                    timings.put(label, seconds);
                    timings.put(label + "/cpu", cpuSeconds);
                    System.out.printf(Locale.ROOT, "  fusionlab %s: %.2f s wall, %.2f s CPU%n", label, seconds, cpuSeconds);
                    Npy.write(out.resolve("fusionlab-" + method + "-" + stem + ".npy"), toFloat(layout));
                } catch (IllegalArgumentException refused) {
                    timings.remove(List.of(label, label + "/cpu"));
                    timings.put(label + "/refused", refused.getMessage());
                    System.out.println("  fusionlab " + label + ": refused: " + refused.getMessage());
                }
                JSON.writerWithDefaultPrettyPrinter().writeValue(timingsFile.toFile(), timings);
            }
        }
    }

    /** CPU time of all threads of this process (JIT and GC included), the fair measure on a busy machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The JVM compiles hot code on first use, as numba does for umap-learn: warm both up off the clock. */
    private static void warmUp(ProjectionParams params, List<String> methods) {
        float[][] small = SyntheticEmbeddings.generate(2_000, 64, 5, true, 1);
        long start = System.nanoTime();
        Pca.fit(small, params.pca(2), TaskContext.silent());
        if (methods.contains("umap")) {
            Projector.project(small, ProjectionMethod.UMAP, params, TaskContext.silent());
        }
        System.out.printf(Locale.ROOT, "  fusionlab JIT warm-up: %.2f s%n", (System.nanoTime() - start) / 1e9);
    }

    static void report(Path dataDir, Path out) throws IOException {
        JsonNode ours = readJson(out.resolve("fusionlab-timings.json"));
        JsonNode theirs = readJson(out.resolve("python-timings.json"));
        StringBuilder table = new StringBuilder();
        table.append("| method | data | FusionLab wall s | Python wall s | wall ratio Py/FL | FusionLab CPU s | Python CPU s "
                + "| CPU ratio Py/FL | trust@10 FusionLab | trust@10 Python |\n");
        table.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Path file : inputs(dataDir)) {
            String stem = stem(file);
            float[][] x = Npy.read(file);
            for (String method : List.of("pca", "umap", "tsne")) {
                if (!applies(method, stem)) {
                    continue;
                }
                String label = method + "/" + stem;
                String refused = ours.has(label + "/refused") ? "refused" : "-";
                table.append("| ").append(method).append(" | ").append(stem).append(" ").append(x.length).append('x')
                        .append(x[0].length).append(" | ").append(times(ours, theirs, label, refused)).append(" | ")
                        .append(times(ours, theirs, label + "/cpu", refused)).append(" | ")
                        .append(trust(x, out.resolve("fusionlab-" + method + "-" + stem + ".npy")))
                        .append(" | ").append(trust(x, out.resolve("python-" + method + "-" + stem + ".npy"))).append(" |\n");
                if (method.equals("pca")) {
                    table.append("| | explained variance ratio | ").append(ours.path(label + "/explained_variance_ratio"))
                            .append(" | ").append(theirs.path(label + "/explained_variance_ratio"))
                            .append(" | | | | | | |\n");
                }
            }
        }
        if (theirs.has("umap_numba_warmup")) {
            table.append("\numap-learn numba compilation (first call, excluded above): ")
                    .append(seconds(theirs.get("umap_numba_warmup").asDouble())).append(" s\n");
        }
        table.append("\nTrustworthiness k=").append(TRUST_K).append(", same Java code for every layout (as")
                .append(" sklearn.manifold.trustworthiness), estimated on ").append(TRUST_SAMPLE)
                .append(" random query points ranked against all points (seed ").append(SEED)
                .append(", the same points for every layout of a data set).\n");
        Files.writeString(out.resolve("report.md"), table);
        System.out.print(table);
    }

    /** "ours | theirs | theirs/ours" for one timing key. */
    private static String times(JsonNode ours, JsonNode theirs, String key, String missing) {
        String ratio = ours.has(key) && theirs.has(key)
                ? String.format(Locale.ROOT, "%.2fx", theirs.get(key).asDouble() / ours.get(key).asDouble()) : "-";
        return (ours.has(key) ? seconds(ours.get(key).asDouble()) : missing) + " | "
                + (theirs.has(key) ? seconds(theirs.get(key).asDouble()) : "-") + " | " + ratio;
    }

    private static String trust(float[][] x, Path layoutFile) throws IOException {
        if (!Files.exists(layoutFile)) {
            return "-";
        }
        double[][] layout = toDouble(Npy.read(layoutFile));
        for (double[] row : layout) {
            if (!Double.isFinite(row[0]) || !Double.isFinite(row[1])) {
                return "non-finite!";
            }
        }
        double t = Trustworthiness.estimate(x, layout, TRUST_K, TRUST_SAMPLE, SEED, 0);
        System.err.printf(Locale.ROOT, "  trustworthiness of %s: %.4f%n", layoutFile.getFileName(), t);
        return String.format(Locale.ROOT, "%.4f", t);
    }

    private static JsonNode readJson(Path file) throws IOException {
        return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
    }

    private static List<Path> inputs(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> list = new ArrayList<>(files.filter(f -> f.toString().endsWith(".npy")).toList());
            list.sort(null);
            return list;
        }
    }

    private static boolean applies(String method, String stem) {
        return method.equals("pca") ? stem.startsWith("pca-") : stem.startsWith("emb-");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - 4);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }

    private static double[][] toDouble(float[][] rows) {
        double[][] layout = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            layout[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                layout[i][j] = rows[i][j];
            }
        }
        return layout;
    }

    private static float[][] toFloat(double[][] layout) {
        float[][] rows = new float[layout.length][];
        for (int i = 0; i < layout.length; i++) {
            rows[i] = new float[layout[i].length];
            for (int j = 0; j < layout[i].length; j++) {
                rows[i][j] = (float) layout[i][j];
            }
        }
        return rows;
    }
}
