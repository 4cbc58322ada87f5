package dev.fusionlab.ui.model;

import dev.fusionlab.fuse.Strategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Early fusion, late fusion and the unimodal baselines side by side, on the labelled test samples:
 * what the comparison view shows and what "export metrics" writes.
 *
 * @param testCount      number of labelled test samples scored
 * @param strategies     one row per strategy the run has, in {@link Strategy} order
 * @param perClass       one row per class: support and F1 of each strategy
 * @param earlyConfusion confusion matrix of early fusion, [true][predicted]
 * @param lateConfusion  confusion matrix of late fusion, [true][predicted]
 * @param mcNemar        early vs late on the same test samples
 * @param disagreements  test samples where early and late predict different classes
 */
public record Comparison(int testCount, List<StrategyRow> strategies, List<ClassRow> perClass, List<String> classes,
                         int[][] earlyConfusion, int[][] lateConfusion, McNemar mcNemar,
                         List<Disagreement> disagreements) {

    /** Headline scores of one strategy. */
    public record StrategyRow(Strategy strategy, double accuracy, double macroF1) {
    }

    /**
     * @param f1 F1 of IMAGE, TEXT, EARLY, LATE in that order (NaN where the run lacks the strategy)
     */
    public record ClassRow(String className, int support, double[] f1) {
    }

    /**
     * Exact McNemar test of early vs late fusion.
     *
     * @param earlyOnly test samples early fusion got right and late fusion wrong
     * @param lateOnly  the other way round
     * @param pValue    two-sided exact binomial p-value; 1 when they never differ
     */
    public record McNemar(int earlyOnly, int lateOnly, double pValue) {
    }

    /** A test sample the two fusions classify differently. */
    public record Disagreement(int index, String id, String truth, String early, String late) {
    }

    public static Comparison of(Predictions p) {
        int[] test = p.testIndices();
        int k = p.classes().size();
        List<StrategyRow> rows = new ArrayList<>();
        ScoreCard[] cards = new ScoreCard[Strategy.values().length];
        for (Strategy s : Strategy.values()) {
            if (p.has(s)) {
                cards[s.ordinal()] = ScoreCard.of(p.truth(), p.predicted(s), test, k);
                rows.add(new StrategyRow(s, cards[s.ordinal()].accuracy(), cards[s.ordinal()].macroF1()));
            }
        }
        List<ClassRow> perClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double[] f1 = new double[cards.length];
            for (int s = 0; s < cards.length; s++) {
                f1[s] = cards[s] == null ? Double.NaN : cards[s].f1(c);
            }
            perClass.add(new ClassRow(p.classes().get(c), ScoreCard.support(p.truth(), test, c), f1));
        }
        int[] early = p.predicted(Strategy.EARLY), late = p.predicted(Strategy.LATE);
        int earlyOnly = 0, lateOnly = 0;
        List<Disagreement> disagreements = new ArrayList<>();
        for (int i : test) {
            boolean e = early[i] == p.truth(i), l = late[i] == p.truth(i);
            earlyOnly += e && !l ? 1 : 0;
            lateOnly += l && !e ? 1 : 0;
            if (early[i] != late[i]) {
                disagreements.add(new Disagreement(i, p.sample(i).id(), p.className(p.truth(i)),
                        p.className(early[i]), p.className(late[i])));
            }
        }
        return new Comparison(test.length, rows, perClass, p.classes(),
                cards[Strategy.EARLY.ordinal()].confusion(), cards[Strategy.LATE.ordinal()].confusion(),
                new McNemar(earlyOnly, lateOnly, ScoreCard.mcNemarExactP(earlyOnly, lateOnly)), disagreements);
    }

    public StrategyRow row(Strategy strategy) {
        return strategies.stream().filter(r -> r.strategy() == strategy).findFirst().orElseThrow();
    }
}
