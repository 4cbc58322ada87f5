package dev.fusionlab.evaluate;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Split;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The report card of a run: every strategy's metrics on the labelled TEST rows, and every pair of strategies
 * compared by McNemar's test with the samples they disagree on.
 *
 * @param testRows    the labelled test rows evaluated
 * @param metrics     metrics of each strategy, in {@link Strategy} order
 * @param comparisons one per pair of strategies (A before B in {@link Strategy} order)
 */
public record Evaluation(int[] testRows, Map<Strategy, ClassificationMetrics> metrics, List<StrategyPair> comparisons) {

    /**
     * Two strategies compared on the same test samples.
     *
     * @param a             strategy A
     * @param b             strategy B
     * @param mcNemar       the test; its {@code b} counts samples only A got right
     * @param disagreements the test samples on which A and B decide differently
     */
    public record StrategyPair(Strategy a, Strategy b, McNemarTest.Result mcNemar, List<Disagreement> disagreements) {
    }

    public Evaluation {
        testRows = testRows.clone();
        metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
        comparisons = List.copyOf(comparisons);
    }

    /**
     * @param truth         class per row, -1 when unlabelled
     * @param splits        split per row
     * @param probabilities class probabilities per row for each strategy to evaluate
     * @param classes       class names
     * @throws IllegalArgumentException when no TEST row is labelled
     */
    public static Evaluation onTest(int[] truth, Split[] splits, Map<Strategy, float[][]> probabilities,
                                    List<String> classes) {
        int[] rows = IntStream.range(0, truth.length)
                .filter(r -> splits[r] == Split.TEST && truth[r] >= 0).toArray();
        if (rows.length == 0) {
            throw new IllegalArgumentException("the test split has no labelled sample to evaluate on");
        }
        int[] testTruth = select(truth, rows);
        Map<Strategy, int[]> decisions = new EnumMap<>(Strategy.class);
        Map<Strategy, ClassificationMetrics> metrics = new EnumMap<>(Strategy.class);
        for (var entry : probabilities.entrySet()) {
            if (entry.getValue().length != truth.length) {
                throw new IllegalArgumentException(entry.getKey().key() + ": " + entry.getValue().length
                        + " rows of probabilities for " + truth.length + " samples");
            }
            int[] decided = Decisions.argmax(entry.getValue());
            decisions.put(entry.getKey(), decided);
            metrics.put(entry.getKey(), ClassificationMetrics.of(testTruth, select(decided, rows), classes));
        }
        List<Strategy> strategies = List.copyOf(decisions.keySet());
        List<StrategyPair> comparisons = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            for (int j = i + 1; j < strategies.size(); j++) {
                int[] a = decisions.get(strategies.get(i));
                int[] b = decisions.get(strategies.get(j));
                comparisons.add(new StrategyPair(strategies.get(i), strategies.get(j),
                        McNemarTest.compare(testTruth, select(a, rows), select(b, rows)),
                        Disagreements.among(rows, truth, a, b)));
            }
        }
        return new Evaluation(rows, metrics, comparisons);
    }

    /** The comparison of {@code a} and {@code b}, in either order as stored (A before B in {@link Strategy} order). */
    public StrategyPair comparison(Strategy a, Strategy b) {
        return comparisons.stream()
                .filter(c -> c.a() == a && c.b() == b || c.a() == b && c.b() == a)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no comparison of " + a + " and " + b));
    }

    /**
     * The comparison of {@code a} and {@code b}, oriented as asked: {@code a} is A (its {@code mcNemar().b()}
     * counts samples only {@code a} got right, {@code predictedA} is {@code a}'s), whichever order it is stored in.
     */
    public StrategyPair pair(Strategy a, Strategy b) {
        for (StrategyPair p : comparisons) {
            if (p.a() == a && p.b() == b) {
                return p;
            }
            if (p.a() == b && p.b() == a) {
                return new StrategyPair(a, b, McNemarTest.fromCounts(p.mcNemar().c(), p.mcNemar().b()),
                        p.disagreements().stream()
                                .map(d -> new Disagreement(d.row(), d.truth(), d.predictedB(), d.predictedA())).toList());
            }
        }
        throw new IllegalArgumentException("no comparison of " + a + " and " + b);
    }

    private static int[] select(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
