package dev.fusionlab.embeddings.bench;

import dev.fusionlab.embeddings.Alignment;
import dev.fusionlab.embeddings.EmbeddingImport;
import dev.fusionlab.embeddings.EmbeddingSource;
import dev.fusionlab.embeddings.FirstLayout;
import dev.fusionlab.embeddings.ImportSpec;
import dev.fusionlab.embeddings.ImportedEmbeddings;
import dev.fusionlab.export.plot.Palette;
import dev.fusionlab.export.plot.Viewport;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionParams;
import dev.fusionlab.project.Projector;
import dev.fusionlab.project.quality.Trustworthiness;
import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.scatter.Polygon;
import dev.fusionlab.ui.scatter.ScatterLayout;
import dev.fusionlab.ui.scatter.ScatterRenderer;
import dev.fusionlab.ui.scatter.ViewTransform;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bring-your-own-embeddings benchmark (see {@code bench/embeddings/run.sh}): opens an {@code .npy} with
 * its {@code metadata.tsv} as the GUI's "Open embeddings…" does, times the first (PCA) layout, then
 * computes each asked method on a background thread while the main thread plays the projection view's
 * work at 60 Hz on the current layout (full redraw of the pixel buffer with pan/zoom, a hover lookup per
 * frame, a lasso every 30 frames), and reports frame times during the computation, trustworthiness
 * (k = 10) of each layout estimated on a random subsample, and peak memory.
 *
 * <pre>EmbeddingBench EMBEDDINGS.npy METADATA.tsv [pca,umap,tsne]</pre>
 */
public final class EmbeddingBench {

    private static final int WIDTH = 1600, HEIGHT = 1000;
    private static final int TRUST_SUBSAMPLE = 20_000, TRUST_QUERIES = 1_000, TRUST_K = 10;
    private static final long SEED = 42;
    private static final int INTERACTION_FRAMES = 3_600;

    private EmbeddingBench() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path npy = Path.of(args[0]);
        Path metadata = Path.of(args[1]);
        List<String> methods = args.length > 2 ? List.of(args[2].split(",")) : List.of("umap", "tsne");
        System.out.printf(Locale.ROOT, "machine: %d cores, load %s, max heap %.1f GB%n",
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip(),
                Runtime.getRuntime().maxMemory() / 1e9);

        long t0 = System.nanoTime();
        double c0 = cpu();
        ImportedEmbeddings imported = EmbeddingImport.open(ImportSpec.of(
                List.of(EmbeddingSource.parse(npy.toString(), 0)), metadata, Alignment.ORDER), TaskContext.silent());
        double openS = seconds(t0);
        float[][] data = imported.modalities().getFirst().rows();
        System.out.printf(Locale.ROOT, "open: %d x %d with %d metadata columns in %.2f s wall, %.2f s CPU (JVM start to open done %.2f s)%n",
                data.length, data[0].length, imported.columns().size(), openS, cpu() - c0,
                (System.currentTimeMillis() - jvmStart) / 1000.0);

        boolean fullPca = !"false".equals(System.getProperty("bench.fullPca"));
        boolean stopAfterInteraction = Boolean.getBoolean("bench.stopAfterInteraction");
        double[][] pca = null;
        double[][] full = null;
        if (fullPca) {
            t0 = System.nanoTime();
            c0 = cpu();
            dev.fusionlab.project.pca.PcaResult fullFit = dev.fusionlab.project.pca.Pca.fit(data,
                    ProjectionParams.defaults(SEED).pca(2), TaskContext.silent()); // what Projector's PCA runs
            pca = fullFit.scores();
            full = fullFit.components();
            double pcaS = seconds(t0);
            double pcaCpu = cpu() - c0;
            System.out.printf(Locale.ROOT, "full PCA: %.2f s wall, %.2f s CPU; open + full PCA %.2f s wall%n",
                    pcaS, pcaCpu, openS + pcaS);
            System.out.printf(Locale.ROOT, "trustworthiness@%d (PCA, %,d-row subsample): %.4f%n", TRUST_K, TRUST_SUBSAMPLE,
                    trust(data, pca));
        }
        if (data.length > FirstLayout.SAMPLE_ROWS) {
            t0 = System.nanoTime();
            c0 = cpu();
            double[][] sampled = FirstLayout.pca(data, SEED, TaskContext.silent()).points();
            double sampledS = seconds(t0), sampledCpu = cpu() - c0;
            System.out.printf(Locale.ROOT, "first layout as FusionLab opens it (PCA fitted on %,d sampled rows, all rows projected): "
                    + "%.2f s wall, %.2f s CPU; open + first layout %.2f s wall; trustworthiness@%d: %.4f%n",
                    FirstLayout.SAMPLE_ROWS, sampledS, sampledCpu, openS + sampledS, TRUST_K, trust(data, sampled));
            if (full != null) {
                double[][] axes = FirstLayout.sampledAxes(data, SEED, TaskContext.silent());
                System.out.printf(Locale.ROOT, "|cos| of the sampled fit's axes to the full fit's: %.5f, %.5f%n",
                        Math.abs(dot(full[0], axes[0])), Math.abs(dot(full[1], axes[1])));
            }
            pca = pca == null ? sampled : pca;
        } else if (pca == null) {
            pca = FirstLayout.pca(data, SEED, TaskContext.silent()).points();
        }
        t0 = System.nanoTime();
        ScatterLayout layout = ScatterLayout.of(new ProjectionKey(Space.IMAGE, ProjectionMethod.PCA), pca);
        System.out.printf(Locale.ROOT, "spatial index for hover and lasso: %.2f s%n", seconds(t0));
        int[] colours = colours(imported);
        Frames idle = interact(layout, colours, null, 200);
        System.out.println("frames on the PCA layout, nothing running: " + idle);

        for (String m : methods) {
            ProjectionMethod method = ProjectionMethod.valueOf(m.toUpperCase(Locale.ROOT));
            if (method == ProjectionMethod.PCA) {
                continue;
            }
            AtomicReference<double[][]> result = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<String> progress = new AtomicReference<>("");
            TaskContext ctx = new TaskContext((stage, fraction, message) ->
                    progress.set(String.format(Locale.ROOT, "%s %.0f%% %s", stage, 100 * fraction, message)),
                    new CancellationToken());
            long start = System.nanoTime();
            double cpuStart = cpu();
            Thread worker = Thread.ofPlatform().name("bench-" + m).start(() -> {
                try {
                    result.set(Projector.project(data, method, ProjectionParams.defaults(SEED), ctx));
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            // the user interacts for the first minute (3,600 frames at 60 Hz); then the method has the machine
            Frames busy = interact(layout, colours, worker, INTERACTION_FRAMES, progress);
            System.out.printf(Locale.ROOT, "frames on the PCA layout during the first %.0f s of %s: %s (loop CPU %.1f s); %s%n",
                    busy.frame().length / 60.0, m, busy, busy.cpuSeconds(), progress.get());
            if (stopAfterInteraction) {
                ctx.cancellation().cancel();
                worker.join();
                System.out.printf(Locale.ROOT, "%s cancelled after %.0f s (bench.stopAfterInteraction)%n", m, seconds(start));
                continue;
            }
            while (worker.isAlive()) {
                worker.join(30_000);
                System.out.printf(Locale.ROOT, "  ... %.0f s: %s%n", seconds(start), progress.get());
            }
            double s = seconds(start);
            double cpuS = cpu() - cpuStart - busy.cpuSeconds(); // the interaction loop's own CPU taken out
            if (failure.get() != null) {
                System.out.printf(Locale.ROOT, "%s: failed after %.1f s: %s%n", m, s, failure.get());
                continue;
            }
            System.out.printf(Locale.ROOT, "%s: %.1f s wall, %.1f s CPU; trustworthiness@%d (%,d-row subsample): %.4f%n", m, s, cpuS, TRUST_K,
                    TRUST_SUBSAMPLE, trust(data, result.get()));
        }
        System.out.println("peak memory: " + peakMemory());
    }

    private static int[] colours(ImportedEmbeddings imported) {
        List<String> labels = imported.samples().stream().map(s -> s.label() == null ? "" : s.label()).toList();
        List<String> classes = labels.stream().distinct().sorted().toList();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        return labels.stream().mapToInt(l -> Palette.colour(index.get(l))).toArray();
    }

    /** Frame, hover and lasso times in ms. */
    record Frames(double[] frame, double[] hover, double[] lasso, double cpuSeconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d frames: redraw median %.1f ms, p95 %.1f ms, max %.1f ms; hover median %.3f ms, "
                            + "p95 %.3f ms; lasso (%d) median %.1f ms, max %.1f ms", frame.length, pct(frame, 0.5),
                    pct(frame, 0.95), pct(frame, 1), pct(hover, 0.5), pct(hover, 0.95), lasso.length, pct(lasso, 0.5),
                    pct(lasso, 1));
        }
    }

    private static Frames interact(ScatterLayout layout, int[] colours, Thread whileAlive, int maxFrames) throws InterruptedException {
        return interact(layout, colours, whileAlive, maxFrames, null);
    }

    /** Plays a user's gesture at 60 Hz: pan, zoom in and out, a hover each frame, a lasso every 30 frames. */
    private static Frames interact(ScatterLayout layout, int[] colours, Thread whileAlive, int maxFrames,
                                   AtomicReference<String> progress) throws InterruptedException {
        int[] pixels = new int[WIDTH * HEIGHT];
        ScatterRenderer renderer = new ScatterRenderer();
        renderer.setPointRadius(ScatterRenderer.radiusFor(layout.size()));
        Viewport bounds = layout.bounds();
        ViewTransform home = ViewTransform.fit(bounds, WIDTH, HEIGHT);
        ViewTransform view = home;
        Random random = new Random(1);
        List<Double> frames = new ArrayList<>(), hovers = new ArrayList<>(), lassos = new ArrayList<>();
        long lastPrint = System.nanoTime();
        long cpuAtStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (int f = 0; f < maxFrames && (whileAlive == null ? true : whileAlive.isAlive()); f++) {
            long frameStart = System.nanoTime();
            int phase = f % 240;
            view = phase == 0 ? home : phase < 60 ? view.panBy(4, 2) : phase < 120 ? view.zoomAt(1.01, WIDTH / 2.0, HEIGHT / 2.0)
                    : phase < 180 ? view.panBy(-4, -2) : view.zoomAt(1 / 1.01, WIDTH / 2.0, HEIGHT / 2.0);
            long t = System.nanoTime();
            renderer.render(pixels, view, layout.xs(), layout.ys(), colours, 0xFF1B1E23, new int[0], 0xFFFFFFFF);
            frames.add((System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            double hx = view.dataX(random.nextInt(WIDTH)), hy = view.dataY(random.nextInt(HEIGHT));
            layout.grid().nearest(hx, hy, 6 / view.scale());
            hovers.add((System.nanoTime() - t) / 1e6);
            if (f % 30 == 29) {
                Viewport v = view.visible();
                double cx = (v.minX() + v.maxX()) / 2, cy = (v.minY() + v.maxY()) / 2, r = v.width() / 5;
                double[] xs = new double[24], ys = new double[24];
                for (int k = 0; k < 24; k++) {
                    xs[k] = cx + r * Math.cos(2 * Math.PI * k / 24) * (0.7 + 0.3 * random.nextDouble());
                    ys[k] = cy + r * Math.sin(2 * Math.PI * k / 24) * (0.7 + 0.3 * random.nextDouble());
                }
                t = System.nanoTime();
                layout.grid().inside(new Polygon(xs, ys));
                lassos.add((System.nanoTime() - t) / 1e6);
            }
            if (progress != null && System.nanoTime() - lastPrint > 30e9) {
                System.out.println("  ... " + progress.get());
                lastPrint = System.nanoTime();
            }
            long sleep = 16_666_667 - (System.nanoTime() - frameStart);
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        double loopCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAtStart) / 1e9;
        return new Frames(sorted(frames), sorted(hovers), sorted(lassos), loopCpu);
    }

    /** Trustworthiness of {@code layout} restricted to a seeded random subsample of the rows. */
    static double trust(float[][] data, double[][] layout) {
        int n = Math.min(TRUST_SUBSAMPLE, data.length);
        int[] rows = new Random(SEED).ints(0, data.length).distinct().limit(n).toArray();
        float[][] in = new float[n][];
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            in[i] = data[rows[i]];
            out[i] = layout[rows[i]];
        }
        return Trustworthiness.estimate(in, out, TRUST_K, Math.min(TRUST_QUERIES, n), SEED, 0);
    }

    private static String peakMemory() throws Exception {
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .findFirst().orElse("VmHWM: ?").replaceAll("\\s+", " ");
        return String.format(Locale.ROOT, "heap pools' peak sum %.2f GB, process resident peak (%s)", heapPeak / 1e9, hwm);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] sorted(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static double pct(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    /** CPU seconds of the whole process so far (all threads): what the work costs whatever the load. */
    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
