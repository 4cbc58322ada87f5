package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Sample;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the tooltip of a point says: the sample (its thumbnail and caption), its label and what each
 * strategy predicted, with whether that was right, and how sure each strategy was (its most probable
 * classes), so that a wrong prediction can be told apart as a near miss or a confident error.
 *
 * @param predictions predicted class name per strategy the run has, in {@link Strategy} order
 * @param topClasses  per strategy, its {@value #TOP} most probable classes, most probable first
 */
public record HoverInfo(int index, Sample sample, String truth, Map<Strategy, String> predictions,
                        Map<Strategy, List<ClassProbability>> topClasses) {

    /** How many classes per strategy the card lists. */
    public static final int TOP = 3;

    /** Longest class name the compact line keeps whole. */
    private static final int NAME_CHARS = 14;

    /** One class and the probability a strategy gave it. */
    public record ClassProbability(String className, double probability) {
    }

    /** Without probabilities (a run without classifiers, hand-made cards). */
    public HoverInfo(int index, Sample sample, String truth, Map<Strategy, String> predictions) {
        this(index, sample, truth, predictions, Map.of());
    }

    public boolean isCorrect(Strategy strategy) {
        return truth.equals(predictions.get(strategy));
    }

    /** "72% Smileys & Emo… · 15% Animals · 5% Food", or "" when the strategy has no probabilities. */
    public String topLine(Strategy strategy) {
        return topClasses.getOrDefault(strategy, List.of()).stream()
                .map(c -> String.format(Locale.ROOT, "%.0f%% %s", c.probability() * 100, shorten(c.className())))
                .collect(Collectors.joining(" · "));
    }

    /** The {@code k} most probable classes of one probability row, most probable first (ties: lower index). */
    public static List<ClassProbability> top(float[] probabilities, List<String> classes, int k) {
        return java.util.stream.IntStream.range(0, probabilities.length).boxed()
                .sorted((a, b) -> Float.compare(probabilities[b], probabilities[a]))
                .limit(k).map(c -> new ClassProbability(classes.get(c), probabilities[c])).toList();
    }

    private static String shorten(String name) {
        return name.length() <= NAME_CHARS ? name : name.substring(0, NAME_CHARS - 1) + "…";
    }
}
