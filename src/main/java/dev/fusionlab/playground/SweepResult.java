package dev.fusionlab.playground;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.export.chart.ChartSeries;
import dev.fusionlab.export.chart.LineChartSpec;
import dev.fusionlab.export.chart.SeriesColours;
import dev.fusionlab.pipeline.RunConfig;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scores of a {@link Sweep}: one point per control value with the test metrics of every strategy.
 *
 * @param name   preset key or {@code custom}
 * @param spec   what was varied
 * @param base   the settings of the other controls
 * @param config classifier, combiner and seed of every run
 * @param points in sweep order
 */
public record SweepResult(String name, SweepSpec spec, GeneratorSettings base, RunConfig config, List<Point> points) {

    public SweepResult {
        points = List.copyOf(points);
    }

    /** The scores at one control value. */
    public record Point(double value, Map<Strategy, ClassificationMetrics> scores) {

        public Point {
            scores = Map.copyOf(scores);
        }

        public double accuracy(Strategy s) {
            return scores.get(s).accuracy();
        }
    }

    /**
     * {@code sweep.csv}: header {@code <control>,strategy,accuracy,macro_f1}, one row per value and strategy,
     * values in sweep order, strategies image, text, early, late.
     */
    public void writeCsv(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(spec.control().key() + ",strategy,accuracy,macro_f1\n");
            for (Point p : points) {
                for (Strategy s : Strategy.values()) {
                    ClassificationMetrics m = p.scores().get(s);
                    w.write(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f%n", Sweep.format(p.value()), s.key(),
                            m.accuracy(), m.macroF1()));
                }
            }
        }
    }

    /** Test accuracy of image / text / early / late against the control: one line per strategy, y from 0 to 1. */
    public LineChartSpec chart(int dpi) {
        double[] xs = points.stream().mapToDouble(Point::value).toArray();
        List<ChartSeries> series = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            String label = s == Strategy.LATE ? "late (" + config.combiner().name().toLowerCase(Locale.ROOT) + ")" : s.key();
            series.add(new ChartSeries(label, points.stream().mapToDouble(p -> p.accuracy(s)).toArray(),
                    SeriesColours.colour(s.ordinal())));
        }
        String title = "Playground " + name + ": test accuracy vs " + spec.control().key() + " ("
                + config.classifier().name().toLowerCase(Locale.ROOT) + ")";
        return LineChartSpec.of(title, spec.control().key(), "test accuracy", xs, series, dpi).withYRange(0, 1);
    }
}
