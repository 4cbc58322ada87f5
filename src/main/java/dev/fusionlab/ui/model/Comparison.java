package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.evaluate.McNemarTest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Early fusion, late fusion and the unimodal baselines side by side on the labelled test samples, as
 * the comparison view shows them: the {@link Evaluation} of the evaluate package, with late fusion
 * recombined for the current combiner, turned into rows.
 *
 * @param testCount      number of labelled test samples scored
 * @param strategies     one row per strategy the run has, in {@link Strategy} order
 * @param perClass       one row per class: support and F1 of each strategy
 * @param earlyConfusion confusion matrix of early fusion, [true][predicted]
 * @param lateConfusion  confusion matrix of late fusion, [true][predicted]
 * @param mcNemar        early (A) vs late (B) on the same test samples
 * @param disagreements  test samples where early and late predict different classes
 */
public record Comparison(int testCount, List<StrategyRow> strategies, List<ClassRow> perClass, List<String> classes,
                         int[][] earlyConfusion, int[][] lateConfusion, McNemarTest.Result mcNemar,
                         List<Disagreement> disagreements) {

    /** Headline scores of one strategy. */
    public record StrategyRow(Strategy strategy, double accuracy, double macroF1) {
    }

    /**
     * @param f1 F1 of IMAGE, TEXT, EARLY, LATE in that order (NaN where the run lacks the strategy)
     */
    public record ClassRow(String className, int support, double[] f1) {
    }

    /** A test sample the two fusions classify differently; {@code index} is its row in the run. */
    public record Disagreement(int index, String id, String truth, String early, String late) {
    }

    /** @return the comparison, or null when the run has no labelled test sample or lacks a fusion */
    public static Comparison of(Predictions p) {
        if (!p.has(Strategy.EARLY) || !p.has(Strategy.LATE) || p.testIndices().length == 0) {
            return null;
        }
        Map<Strategy, float[][]> probabilities = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            if (p.has(s)) {
                probabilities.put(s, p.probabilities(s));
            }
        }
        Split[] splits = p.result().samples().stream().map(Sample::split).toArray(Split[]::new);
        Evaluation evaluation = Evaluation.onTest(p.truth(), splits, probabilities, p.classes());

        List<StrategyRow> rows = new ArrayList<>();
        evaluation.metrics().forEach((s, m) -> rows.add(new StrategyRow(s, m.accuracy(), m.macroF1())));
        List<ClassRow> perClass = new ArrayList<>();
        for (int c = 0; c < p.classes().size(); c++) {
            double[] f1 = new double[Strategy.values().length];
            java.util.Arrays.fill(f1, Double.NaN);
            int support = 0;
            for (var entry : evaluation.metrics().entrySet()) {
                f1[entry.getKey().ordinal()] = entry.getValue().perClass().get(c).f1();
                support = entry.getValue().perClass().get(c).support();
            }
            perClass.add(new ClassRow(p.classes().get(c), support, f1));
        }
        Evaluation.Comparison earlyVsLate = evaluation.comparison(Strategy.EARLY, Strategy.LATE);
        List<Disagreement> disagreements = earlyVsLate.disagreements().stream()
                .map(d -> new Disagreement(d.row(), p.sample(d.row()).id(), p.className(d.truth()),
                        p.className(p.predicted(Strategy.EARLY)[d.row()]), p.className(p.predicted(Strategy.LATE)[d.row()])))
                .toList();
        ClassificationMetrics early = evaluation.metrics().get(Strategy.EARLY);
        ClassificationMetrics late = evaluation.metrics().get(Strategy.LATE);
        McNemarTest.Result test = earlyVsLate.a() == Strategy.EARLY ? earlyVsLate.mcNemar()
                : McNemarTest.fromCounts(earlyVsLate.mcNemar().c(), earlyVsLate.mcNemar().b());
        return new Comparison(evaluation.testRows().length, rows, perClass, p.classes(), early.confusion(),
                late.confusion(), test, disagreements);
    }

    public StrategyRow row(Strategy strategy) {
        return strategies.stream().filter(r -> r.strategy() == strategy).findFirst().orElseThrow();
    }
}
