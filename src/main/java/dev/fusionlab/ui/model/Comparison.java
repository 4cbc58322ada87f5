package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.evaluate.McNemarTest;
import dev.fusionlab.fuse.LateFusion;
import dev.fusionlab.report.MetricsReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Early fusion, late fusion and the unimodal baselines side by side on the labelled test samples, as the
 * Compare tab shows them: the run's {@link MetricsReport} for the current late-fusion choice (the same
 * report the metrics export writes), turned into table rows.
 *
 * @param report     the scores, late fusion as resolved for them
 * @param strategies one row per strategy the run has, in {@link Strategy} order
 * @param perClass   one row per class: support and F1 of each strategy
 */
public record Comparison(MetricsReport report, List<StrategyRow> strategies, List<ClassRow> perClass) {

    /** Headline scores of one strategy. */
    public record StrategyRow(Strategy strategy, double accuracy, double macroF1) {
    }

    /**
     * @param f1 F1 of IMAGE, TEXT, EARLY, LATE in that order (NaN where the run lacks the strategy)
     */
    public record ClassRow(String className, int support, double[] f1) {
    }

    /** @return the comparison, or null when the report scored nothing or lacks a fusion */
    public static Comparison of(MetricsReport report) {
        if (!report.isScored() || !report.strategies().containsKey(Strategy.EARLY)
                || !report.strategies().containsKey(Strategy.LATE)) {
            return null;
        }
        List<StrategyRow> rows = new ArrayList<>();
        report.strategies().forEach((s, m) -> rows.add(new StrategyRow(s, m.accuracy(), m.macroF1())));
        List<ClassRow> perClass = new ArrayList<>();
        for (int c = 0; c < report.classes().size(); c++) {
            double[] f1 = new double[Strategy.values().length];
            Arrays.fill(f1, Double.NaN);
            int support = 0;
            for (var entry : report.strategies().entrySet()) {
                f1[entry.getKey().ordinal()] = entry.getValue().perClass().get(c).f1();
                support = entry.getValue().perClass().get(c).support();
            }
            perClass.add(new ClassRow(report.classes().get(c), support, f1));
        }
        return new Comparison(report, List.copyOf(rows), List.copyOf(perClass));
    }

    public StrategyRow row(Strategy strategy) {
        return strategies.stream().filter(r -> r.strategy() == strategy).findFirst().orElseThrow();
    }

    /** Number of labelled test samples scored. */
    public int testCount() {
        return report.testSize();
    }

    public List<String> classes() {
        return report.classes();
    }

    /** Late fusion these scores are for. */
    public LateFusion.Resolved lateFusion() {
        return report.lateFusion();
    }

    /** The headline above the scores, naming the late fusion they are for. */
    public String summary() {
        return String.format(Locale.ROOT, "%d test samples · late fusion: %s", testCount(),
                lateFusion().fusion().describe());
    }

    /** Confusion matrix of early fusion, [true][predicted]. */
    public int[][] earlyConfusion() {
        return confusion(Strategy.EARLY);
    }

    /** Confusion matrix of late fusion, [true][predicted]. */
    public int[][] lateConfusion() {
        return confusion(Strategy.LATE);
    }

    /** Early (A) vs late (B) on the same test samples. */
    public McNemarTest.Result mcNemar() {
        return report.earlyVsLate().mcNemar();
    }

    /** Test samples where early and late predict different classes. */
    public List<MetricsReport.DisagreementRow> disagreements() {
        return report.earlyVsLate().disagreements();
    }

    private int[][] confusion(Strategy s) {
        ClassificationMetrics m = report.strategies().get(s);
        return m.confusion();
    }
}
