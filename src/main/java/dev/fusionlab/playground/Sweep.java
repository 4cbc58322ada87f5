package dev.fusionlab.playground;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.task.ProgressListener;
import dev.fusionlab.task.TaskContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Varies one control and runs the playground at each value, keeping the test scores of the four strategies.
 * Each point is a whole run (fresh data, fresh training, same seeds), laid out with PCA since only the scores
 * are kept. Progress is reported per point; cancelling stops between and inside runs.
 */
public final class Sweep {

    private Sweep() {
    }

    /**
     * @param base   settings of every control but the swept one
     * @param config classifier, combiner and seed of every run
     */
    public static SweepResult run(GeneratorSettings base, String name, RunConfig config, SweepSpec spec, TaskContext ctx) {
        double[] values = spec.values();
        List<SweepResult.Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            ctx.throwIfCancelled("sweep");
            ctx.report("sweep", (double) i / values.length, spec.control().key() + " = " + format(values[i]));
            GeneratorSettings settings = spec.control().apply(base, values[i]);
            RunConfig pointConfig = config.withProjection(ProjectionMethod.PCA);
            if (spec.control() == Control.SEED) {
                pointConfig = pointConfig.withSeed(settings.seed());
            }
            PlaygroundRun run = Playground.run(settings, name, pointConfig, quiet(ctx));
            Evaluation evaluation = run.result().evaluate();
            Map<Strategy, ClassificationMetrics> scores = new EnumMap<>(Strategy.class);
            scores.putAll(evaluation.metrics());
            points.add(new SweepResult.Point(values[i], scores));
        }
        ctx.report("sweep", 1, values.length + " runs");
        return new SweepResult(name, spec, base, config, points);
    }

    /** The run's own stages report nothing (the sweep reports per point) but still see cancellation. */
    private static TaskContext quiet(TaskContext ctx) {
        return new TaskContext(ProgressListener.NONE, ctx.cancellation());
    }

    /** A control value as written in files and tables: {@code 3}, {@code 0.25}, no trailing zeros. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
