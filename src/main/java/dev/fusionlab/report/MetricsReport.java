package dev.fusionlab.report;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.data.Split;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.evaluate.McNemarTest;
import dev.fusionlab.evaluate.RetrievalMetrics;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.fuse.LateFusion;
import dev.fusionlab.fuse.StackingOutcome;
import dev.fusionlab.pipeline.RunResult;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The scores of one run with late fusion as chosen: what the CLI writes to {@code metrics.json}, what the
 * Compare tab shows and what its metrics export writes (all through {@link ReportJson}, one vocabulary).
 * Built once per choice by {@link #of}; nothing is retrained.
 *
 * @param classes       class names, in index order
 * @param testSize      labelled test samples scored (0 when nothing was scored)
 * @param lateFusion    late fusion as resolved for this report (asked, used, and why they differ)
 * @param strategies    test metrics of each strategy; empty when nothing was scored (see {@link #note})
 * @param lateCombiners late fusion under every combiner (weighted at the report's image weight), or why
 *                      one could not be scored
 * @param earlyVsLate   McNemar's test and the disagreements of early and late fusion; null when nothing was scored
 * @param retrieval     cross-modal retrieval on the test split, when the run has a joint space
 * @param skipped       every item the run skipped, with the reason
 * @param note          why nothing was scored (unlabelled dataset, no labelled test sample); empty when scored
 */
public record MetricsReport(List<String> classes, int testSize, LateFusion.Resolved lateFusion,
                            Map<Strategy, ClassificationMetrics> strategies,
                            Map<LateCombiner, CombinerScore> lateCombiners, EarlyVsLate earlyVsLate,
                            Optional<RetrievalMetrics> retrieval, List<SampleProblem> skipped, String note) {

    public MetricsReport {
        classes = List.copyOf(classes);
        strategies = strategies.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(strategies));
        lateCombiners = lateCombiners.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(lateCombiners));
        skipped = List.copyOf(skipped);
    }

    /**
     * Late fusion under one combiner on the test split.
     *
     * @param accuracy    test accuracy (NaN when skipped)
     * @param macroF1     test macro-F1 (NaN when skipped)
     * @param imageWeight the image weight used, NaN where none applies
     * @param skipped     why this combiner could not be scored (a run without a stacker); empty when scored
     */
    public record CombinerScore(double accuracy, double macroF1, double imageWeight, String skipped) {
    }

    /**
     * Early against late fusion on the same test samples.
     *
     * @param mcNemar       McNemar's test with early as A: {@code b()} samples only early got right,
     *                      {@code c()} only late
     * @param disagreements the test samples on which they decide differently, in row order
     */
    public record EarlyVsLate(McNemarTest.Result mcNemar, List<DisagreementRow> disagreements) {

        public EarlyVsLate {
            disagreements = List.copyOf(disagreements);
        }
    }

    /** A test sample early and late fusion classify differently; {@code index} is its row in the run. */
    public record DisagreementRow(int index, String id, String truth, String early, String late) {
    }

    /** True when the strategies were scored. */
    /** Seed of the bootstrap draws: a report always states the same intervals. */
    public static final long BOOTSTRAP_SEED = 13;

    /**
     * 95% bootstrap confidence intervals of each strategy's accuracy and macro-F1 on the test split,
     * {@link dev.fusionlab.evaluate.BootstrapIntervals#DEFAULT_RESAMPLES} draws with a fixed seed. Computed on
     * demand from the confusion matrices (the pairs of true and predicted class are all a draw needs), so
     * building a report stays cheap when the GUI rebuilds it on every combiner change; empty when nothing
     * was scored.
     */
    public Map<Strategy, dev.fusionlab.evaluate.BootstrapIntervals> intervals() {
        Map<Strategy, dev.fusionlab.evaluate.BootstrapIntervals> out = new EnumMap<>(Strategy.class);
        strategies.forEach((s, m) -> {
            int[][] confusion = m.confusion();
            int n = 0;
            for (int[] row : confusion) {
                for (int v : row) {
                    n += v;
                }
            }
            if (n == 0) {
                return;
            }
            int[] truth = new int[n], predicted = new int[n];
            int i = 0;
            for (int r = 0; r < confusion.length; r++) {
                for (int c = 0; c < confusion[r].length; c++) {
                    for (int v = 0; v < confusion[r][c]; v++, i++) {
                        truth[i] = r;
                        predicted[i] = c;
                    }
                }
            }
            out.put(s, dev.fusionlab.evaluate.BootstrapIntervals.of(truth, predicted, confusion.length, BOOTSTRAP_SEED));
        });
        return out;
    }

    /** A warning when the test split is too small for the scores to mean much; empty otherwise. */
    public static String caveatOf(Map<Strategy, dev.fusionlab.evaluate.BootstrapIntervals> intervals) {
        var any = intervals.get(Strategy.LATE) != null ? intervals.get(Strategy.LATE)
                : intervals.values().stream().findFirst().orElse(null);
        return any == null ? "" : any.caveat();
    }

    public boolean isScored() {
        return !strategies.isEmpty();
    }

    /** The report of {@code result} with late fusion as its config chose it. */
    public static MetricsReport of(RunResult result) {
        return of(result, result.lateFusion());
    }

    /** The report of {@code result} with late fusion as {@code late} says: nothing is retrained. */
    public static MetricsReport of(RunResult result, LateFusion.Resolved late) {
        Optional<RetrievalMetrics> retrieval = result.retrieval();
        List<SampleProblem> skipped = result.dataset().problems();
        if (!result.isClassified()) {
            return unscored(result, late, whyUnclassified(result));
        }
        Split[] splits = result.splits();
        int[] truth = result.truth();
        if (IntStream.range(0, truth.length).noneMatch(r -> truth[r] >= 0 && splits[r] == Split.TEST)) {
            return unscored(result, late, "the test split has no labelled sample to evaluate on");
        }
        Evaluation evaluation = result.evaluate(late.fusion());
        Map<LateCombiner, CombinerScore> combiners = new EnumMap<>(LateCombiner.class);
        // the user's weight: a formula carries it (clamped) whatever the combiner; else the run's
        double weight = late.fusion() instanceof LateFusion.Formula f ? f.imageWeight() : result.config().imageWeight();
        for (LateCombiner combiner : LateCombiner.values()) {
            LateFusion.Resolved each = result.lateFusion(combiner, weight);
            if (each.isFallback()) {
                combiners.put(combiner, new CombinerScore(Double.NaN, Double.NaN, Double.NaN,
                        result.stacking() instanceof dev.fusionlab.fuse.StackingOutcome.Skipped s ? s.reason()
                                : each.note()));
                continue;
            }
            ClassificationMetrics m = result.evaluate(each.fusion()).metrics().get(Strategy.LATE);
            double used = combiner == LateCombiner.WEIGHTED || combiner == LateCombiner.TUNED
                    ? each.fusion().imageWeight() : Double.NaN;
            combiners.put(combiner, new CombinerScore(m.accuracy(), m.macroF1(), used, ""));
        }
        Evaluation.StrategyPair pair = evaluation.pair(Strategy.EARLY, Strategy.LATE);
        List<DisagreementRow> disagreements = pair.disagreements().stream()
                .map(d -> new DisagreementRow(d.row(), result.samples().get(d.row()).id(),
                        result.classes().get(d.truth()), result.classes().get(d.predictedA()),
                        result.classes().get(d.predictedB())))
                .toList();
        return new MetricsReport(result.classes(), evaluation.testRows().length, late, evaluation.metrics(), combiners,
                new EarlyVsLate(pair.mcNemar(), disagreements), retrieval, skipped, "");
    }

    /** Why a run trained no classifier: no labels, one class, or what the run that made it said. */
    private static String whyUnclassified(RunResult result) {
        String skipped = "classification skipped (embeddings, joint space, retrieval and projections only)";
        if (result.classes().isEmpty()) {
            return "unlabelled dataset: " + skipped;
        }
        if (result.classes().size() == 1) {
            return "one class only (" + result.classes().getFirst() + "): " + skipped;
        }
        return result.stacking() instanceof StackingOutcome.Skipped why ? why.reason() : skipped;
    }

    private static MetricsReport unscored(RunResult result, LateFusion.Resolved late, String note) {
        return new MetricsReport(result.classes(), 0, late, Map.of(), Map.of(), null, result.retrieval(),
                result.dataset().problems(), note);
    }
}
