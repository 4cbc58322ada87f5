package dev.fusionlab.ui.scatter.bench;

import dev.fusionlab.export.plot.Palette;
import dev.fusionlab.export.plot.Viewport;
import dev.fusionlab.project.neighbors.NearestNeighbors;
import dev.fusionlab.project.neighbors.Metric;
import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.ProgressListener;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.scatter.Polygon;
import dev.fusionlab.ui.scatter.ScatterRenderer;
import dev.fusionlab.ui.scatter.SpatialGrid;
import dev.fusionlab.ui.scatter.ViewTransform;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The projection view's interaction at a million points, as the FX thread does it (no display): a 60 Hz
 * pan/zoom gesture drawing full frames (the renderer before and now) ({@link ScatterRenderer#render}) and gesture previews
 * ({@link ScatterRenderer#renderPreview}, 250k points), a hover lookup per frame and a 24-vertex lasso over
 * about an eighth of the view every 10 frames, by the grid ({@link SpatialGrid#inside}) and by the previous
 * rule (every point of the polygon's bounding box tested; emulated here). Each condition runs quiet, then
 * beside a background neighbour search (NN-descent, the first stage of UMAP and t-SNE, on 100k x 64)
 * with all processors (the workbench before) and with all but one ({@code BackgroundThreads}, now).
 *
 * <p>Benchmark code, kept with the tests. From the repository root:
 * <pre>{@code
 * mvn -q -B -o test-compile && mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx3g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.fusionlab.ui.scatter.bench.InteractionBench
 * }</pre>
 */
public final class InteractionBench {

    private static final int WIDTH = 1600, HEIGHT = 1000, CLASSES = 20, FRAMES = 180;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private InteractionBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.printf(Locale.ROOT, "machine: %s, %d processors; load %s%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());
        Random random = new Random(7);
        float[] xs = new float[n], ys = new float[n];
        int[] colours = new int[n];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(CLASSES);
            xs[i] = (float) (Math.cos(c) * 8 + random.nextGaussian());
            ys[i] = (float) (Math.sin(c * 1.7) * 6 + random.nextGaussian());
            colours[i] = Palette.colour(c);
        }
        SpatialGrid grid = new SpatialGrid(xs, ys, 4);
        float[][] background = new float[100_000][64];
        for (float[] row : background) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        int all = Runtime.getRuntime().availableProcessors();
        System.out.println("| condition | full frame before: median / p95 ms | full frame now | preview median / p95 ms | hover median ms"
                + " | lasso, grid by boundary, median ms | lasso, bounding box tested, median ms | points selected"
                + " | FX-thread CPU s / wall s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        measure("no background projection", xs, ys, colours, grid, null, 0);
        measure("beside NN-descent on " + all + " threads (before)", xs, ys, colours, grid, background, all);
        measure("beside NN-descent on " + Math.max(1, all - 1) + " thread(s) (now)", xs, ys, colours, grid, background,
                Math.max(1, all - 1));
        System.out.printf(Locale.ROOT, "load at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void measure(String name, float[] xs, float[] ys, int[] colours, SpatialGrid grid,
                                float[][] background, int threads) throws Exception {
        CancellationToken token = new CancellationToken();
        Thread load = null;
        if (background != null) {
            load = new Thread(() -> {
                TaskContext ctx = new TaskContext(ProgressListener.NONE, token);
                try {
                    while (!token.cancelRequested()) {
                        NearestNeighbors.search(background, 15, Metric.EUCLIDEAN, 1, threads, ctx);
                    }
                } catch (CancelledException stopped) {
                    // the condition is over
                }
            }, "background-projection");
            load.start();
            Thread.sleep(1500); // let it reach its main loop
        }
        int[] pixels = new int[WIDTH * HEIGHT];
        ScatterRenderer renderer = new ScatterRenderer();
        renderer.setPointRadius(ScatterRenderer.radiusFor(xs.length));
        ViewTransform home = ViewTransform.fit(Viewport.fitting(xs, ys, 0.04), WIDTH, HEIGHT), view = home;
        Random random = new Random(1);
        PreviousRenderer previous = new PreviousRenderer(ScatterRenderer.radiusFor(xs.length));
        int[] check = new int[WIDTH * HEIGHT];
        double[] before = new double[FRAMES];
        double[] full = new double[FRAMES], preview = new double[FRAMES], hover = new double[FRAMES];
        double[] lassoGrid = new double[FRAMES / 10], lassoBox = new double[FRAMES / 10];
        long selected = 0;
        long cpu0 = CPU.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
        for (int f = 0; f < FRAMES; f++) {
            long frameStart = System.nanoTime();
            int phase = f % 120;
            view = phase < 30 ? view.panBy(4, 2) : phase < 60 ? view.zoomAt(1.01, WIDTH / 2.0, HEIGHT / 2.0)
                    : phase < 90 ? view.panBy(-4, -2) : view.zoomAt(1 / 1.01, WIDTH / 2.0, HEIGHT / 2.0);
            long t = System.nanoTime();
            previous.render(check, view, xs, ys, colours, 0xFF1B1E23);
            before[f] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            renderer.render(pixels, view, xs, ys, colours, 0xFF1B1E23, new int[0], 0xFFFFFFFF);
            full[f] = (System.nanoTime() - t) / 1e6;
            if (f == 0 && !Arrays.equals(pixels, check)) {
                throw new IllegalStateException("the full frame differs from the previous renderer's");
            }
            t = System.nanoTime();
            renderer.renderPreview(pixels, view, xs, ys, colours, 0xFF1B1E23, new int[0], 0xFFFFFFFF, 250_000);
            preview[f] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            grid.nearest(view.dataX(random.nextInt(WIDTH)), view.dataY(random.nextInt(HEIGHT)), 8 / view.scale());
            hover[f] = (System.nanoTime() - t) / 1e6;
            if (f % 10 == 9) {
                Viewport v = view.visible();
                double cx = (v.minX() + v.maxX()) / 2, cy = (v.minY() + v.maxY()) / 2, r = v.width() / 5;
                double[] px = new double[24], py = new double[24];
                for (int k = 0; k < 24; k++) {
                    px[k] = cx + r * Math.cos(2 * Math.PI * k / 24) * (0.7 + 0.3 * random.nextDouble());
                    py[k] = cy + r * Math.sin(2 * Math.PI * k / 24) * (0.7 + 0.3 * random.nextDouble());
                }
                Polygon polygon = new Polygon(px, py);
                t = System.nanoTime();
                int[] byGrid = grid.inside(polygon);
                lassoGrid[f / 10] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                int byBox = boundingBoxTested(polygon, xs, ys);
                lassoBox[f / 10] = (System.nanoTime() - t) / 1e6;
                if (byGrid.length != byBox) {
                    throw new IllegalStateException("lasso disagrees: " + byGrid.length + " vs " + byBox);
                }
                selected += byGrid.length;
            }
            long sleep = 16_666_667 - (System.nanoTime() - frameStart);
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        double cpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9, wall = (System.nanoTime() - wall0) / 1e9;
        token.cancel();
        if (load != null) {
            load.join();
        }
        System.out.printf(Locale.ROOT, "| %s | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.3f | %.1f | %.1f | %,d | %.1f / %.1f |%n", name,
                pct(before, 0.5), pct(before, 0.95), pct(full, 0.5), pct(full, 0.95), pct(preview, 0.5), pct(preview, 0.95), pct(hover, 0.5),
                pct(lassoGrid, 0.5), pct(lassoBox, 0.5), selected / lassoGrid.length, cpu, wall);
    }

    /**
     * The full frame as {@code ScatterRenderer} drew it before this benchmark (per-pixel offsets
     * multiplied out for each point, the rim colour computed for every point): the "before" column.
     */
    static final class PreviousRenderer {
        private final int radius;
        private final int[] dx, dy;
        private final boolean[] rim;

        PreviousRenderer(double r) {
            radius = (int) Math.ceil(r);
            int max = (2 * radius + 1) * (2 * radius + 1), n = 0;
            int[] ox = new int[max], oy = new int[max];
            boolean[] edge = new boolean[max];
            double outer = (r + 0.5) * (r + 0.5), inner = (r - 0.5) * (r - 0.5);
            for (int y = -radius; y <= radius; y++) {
                for (int x = -radius; x <= radius; x++) {
                    double d2 = x * x + y * y;
                    if (d2 <= outer) {
                        ox[n] = x;
                        oy[n] = y;
                        edge[n++] = r >= 2.5 && d2 > inner;
                    }
                }
            }
            dx = Arrays.copyOf(ox, n);
            dy = Arrays.copyOf(oy, n);
            rim = Arrays.copyOf(edge, n);
        }

        void render(int[] pixels, ViewTransform view, float[] xs, float[] ys, int[] colours, int background) {
            int w = view.width(), h = view.height();
            Arrays.fill(pixels, 0, w * h, background);
            double scale = view.scale(), ox = w / 2.0 - view.centreX() * scale, oy = h / 2.0 + view.centreY() * scale;
            int r = radius;
            for (int i = 0; i < xs.length; i++) {
                int px = (int) Math.floor(xs[i] * scale + ox), py = (int) Math.floor(oy - ys[i] * scale);
                if (px < -r || py < -r || px >= w + r || py >= h + r || Float.isNaN(xs[i]) || Float.isNaN(ys[i])) {
                    continue;
                }
                int fill = colours[i], edge = darker(fill);
                if (px - r >= 0 && py - r >= 0 && px + r < w && py + r < h) {
                    int base = py * w + px;
                    for (int k = 0; k < dx.length; k++) {
                        pixels[base + dy[k] * w + dx[k]] = rim[k] ? edge : fill;
                    }
                } else {
                    for (int k = 0; k < dx.length; k++) {
                        int x = px + dx[k], y = py + dy[k];
                        if (x >= 0 && y >= 0 && x < w && y < h) {
                            pixels[y * w + x] = rim[k] ? edge : fill;
                        }
                    }
                }
            }
        }

        private static int darker(int argb) {
            int r = (argb >> 16 & 0xFF) * 7 / 10, g = (argb >> 8 & 0xFF) * 7 / 10, b = (argb & 0xFF) * 7 / 10;
            return 0xFF000000 | r << 16 | g << 8 | b;
        }
    }

    /** The previous lasso's work: every point of the polygon's bounding box through {@link Polygon#contains}. */
    private static int boundingBoxTested(Polygon polygon, float[] xs, float[] ys) {
        int found = 0;
        for (int i = 0; i < xs.length; i++) {
            float x = xs[i], y = ys[i];
            if (x >= polygon.minX() && x <= polygon.maxX() && y >= polygon.minY() && y <= polygon.maxY()
                    && polygon.contains(x, y)) {
                found++;
            }
        }
        return found;
    }

    private static double pct(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.round(p * (sorted.length - 1)))];
    }

    private static String cpuModel() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    }
}
