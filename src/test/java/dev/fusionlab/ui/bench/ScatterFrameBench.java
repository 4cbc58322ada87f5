package dev.fusionlab.ui.bench;

import dev.fusionlab.export.plot.Palette;
import dev.fusionlab.export.plot.Viewport;
import dev.fusionlab.ui.scatter.ScatterRenderer;
import dev.fusionlab.ui.scatter.ViewTransform;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Frame time of the projection view's full redraw during pan and zoom, at 10k, 100k and 1M points.
 * Renders off-screen into the same ARGB array the view wraps in its {@code PixelBuffer}, with the
 * view's default size and point radius, so the numbers are the FX thread's cost per frame (the GPU
 * upload of the buffer comes on top and does not depend on the point count).
 *
 * <p>Benchmark code, kept with the tests (not shipped in the jar). Run from the repository root:
 * <pre>{@code
 * mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * mvn -q -B -o test-compile
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.fusionlab.ui.bench.ScatterFrameBench [out.md]
 * }</pre>
 * Writes {@code bench/gui/RESULTS.md} by default. No display needed.
 */
public final class ScatterFrameBench {

    private static final int WIDTH = 1600, HEIGHT = 1000;
    private static final int WARMUP_FRAMES = 40, MEASURED_FRAMES = 200;
    private static final int CLASSES = 20;

    private ScatterFrameBench() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/gui/RESULTS.md");
        String load = loadAverage();
        List<String> rows = new ArrayList<>();
        for (int n : new int[] {10_000, 100_000, 1_000_000}) {
            double[] ms = measure(n);
            String baseline = n <= 100_000 ? String.format(Locale.ROOT, "%.1f", percentile(measureJava2d(n), 0.5)) : "—";
            rows.add(String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f | %.2f | %.0f | %s |", n,
                    ms[0], percentile(ms, 0.5), percentile(ms, 0.95), ms[ms.length - 1], 1000 / percentile(ms, 0.5),
                    baseline));
        }
        String report = report(rows, load);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    /** Points of 20 Gaussian clusters, like a projection of 20 classes. */
    private record Cloud(float[] xs, float[] ys, int[] category, int[] colours) {
        static Cloud of(int n) {
            Random random = new Random(7);
            float[] xs = new float[n], ys = new float[n];
            int[] category = new int[n], colours = new int[n];
            for (int i = 0; i < n; i++) {
                int c = random.nextInt(CLASSES);
                xs[i] = (float) (Math.cos(c) * 8 + random.nextGaussian());
                ys[i] = (float) (Math.sin(c * 1.7) * 6 + random.nextGaussian());
                category[i] = c;
                colours[i] = Palette.colour(c);
            }
            return new Cloud(xs, ys, category, colours);
        }
    }

    /** @return sorted frame times in milliseconds */
    private static double[] measure(int n) {
        Cloud cloud = Cloud.of(n);
        float[] xs = cloud.xs(), ys = cloud.ys();
        int[] colours = cloud.colours();
        int[] pixels = new int[WIDTH * HEIGHT];
        ScatterRenderer renderer = new ScatterRenderer();
        renderer.setPointRadius(ScatterRenderer.radiusFor(n));
        ViewTransform view = ViewTransform.fit(Viewport.fitting(xs, ys, 0.04), WIDTH, HEIGHT);
        int[] highlighted = {0, 1, 2};
        double[] ms = new double[MEASURED_FRAMES];
        for (int frame = -WARMUP_FRAMES; frame < MEASURED_FRAMES; frame++) {
            view = step(view, frame);
            long start = System.nanoTime();
            renderer.render(pixels, view, xs, ys, colours, 0xFF1B1E23, highlighted, 0xFFFFFFFF);
            long nanos = System.nanoTime() - start;
            if (frame >= 0) {
                ms[frame] = nanos / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    /**
     * The approach the pixel buffer replaces, for comparison: one vector draw call per point
     * ({@code Graphics2D.fillOval}, as {@code GraphicsContext.fillOval} on a JavaFX canvas), same
     * frame size, point size and gesture.
     *
     * @return sorted frame times in milliseconds
     */
    private static double[] measureJava2d(int n) {
        Cloud cloud = Cloud.of(n);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        int d = (int) (2 * ScatterRenderer.radiusFor(n) + 1);
        Color[] palette = new Color[CLASSES];
        for (int c = 0; c < palette.length; c++) {
            palette[c] = new Color(Palette.colour(c));
        }
        ViewTransform view = ViewTransform.fit(Viewport.fitting(cloud.xs(), cloud.ys(), 0.04), WIDTH, HEIGHT);
        double[] ms = new double[20];
        for (int frame = -5; frame < ms.length; frame++) {
            view = step(view, frame);
            long start = System.nanoTime();
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < n; i++) {
                g.setColor(palette[cloud.category()[i]]);
                g.fillOval((int) view.screenX(cloud.xs()[i]) - d / 2, (int) view.screenY(cloud.ys()[i]) - d / 2, d, d);
            }
            if (frame >= 0) {
                ms[frame] = (System.nanoTime() - start) / 1e6;
            }
        }
        g.dispose();
        Arrays.sort(ms);
        return ms;
    }

    /** A user's gesture: drag right and down, zoom in three times, drag back, zoom out. */
    private static ViewTransform step(ViewTransform view, int frame) {
        return switch (Math.floorMod(frame, 40) / 10) {
            case 0 -> view.panBy(12, 7);
            case 1 -> view.zoomAt(1.1, WIDTH * 0.4, HEIGHT * 0.6);
            case 2 -> view.panBy(-12, -7);
            default -> view.zoomAt(1 / 1.1, WIDTH * 0.4, HEIGHT * 0.6);
        };
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.round(p * (sorted.length - 1)))];
    }

    private static String report(List<String> rows, String load) {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        StringBuilder b = new StringBuilder();
        b.append("# Projection view: frame time of a full redraw\n\n");
        b.append("Command: `java -cp <classpath> dev.fusionlab.ui.bench.ScatterFrameBench` (see the class Javadoc).\n");
        b.append("Each frame clears a ").append(WIDTH).append("x").append(HEIGHT)
                .append(" ARGB pixel buffer and stamps every point during a pan/zoom gesture; ")
                .append(WARMUP_FRAMES).append(" warm-up frames, then ").append(MEASURED_FRAMES).append(" measured.\n\n");
        b.append("- Date: ").append(date).append('\n');
        b.append("- Machine: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores available, ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append('\n');
        b.append("- Load average when started (other work on the machine): ").append(load).append('\n');
        b.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append("\n\n");
        b.append("| points | min ms | median ms | p95 ms | max ms | frames/s (median) | one fillOval per point, median ms |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach(r -> b.append(r).append('\n'));
        b.append("\nPoint radius follows `ScatterRenderer.radiusFor`: 3 px at 10k, 2 px at 100k, 1 px at 1M.\n");
        b.append("The last column is the approach the pixel buffer replaces: one vector draw call per point ")
                .append("(Java2D `fillOval`, like `GraphicsContext.fillOval` on a JavaFX canvas), same frame and points.\n");
        return b.toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
