package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.export.plot.LegendEntry;
import dev.fusionlab.export.plot.Palette;
import java.util.ArrayList;
import java.util.List;

/**
 * The colour category of every point and the legend that explains them, for one {@link ColourMode}.
 * Both the view (via {@link #argb()}) and the plot export (via category + colours) use it, so what is
 * exported is what is shown.
 *
 * @param category colour category of each point; -1 is neutral grey (unlabelled, no prediction)
 * @param colours  ARGB colour of each category
 * @param legend   one entry per category, plus one for neutral points when there are any
 * @param title    what the colours mean, for the plot title, e.g. "late prediction"
 */
public record PointColouring(int[] category, int[] colours, List<LegendEntry> legend, String title) {

    static final int BOTH_RIGHT = 0xFF009E73;
    static final int EARLY_ONLY = 0xFF56B4E9;
    static final int LATE_ONLY = 0xFFE69F00;
    static final int BOTH_WRONG = 0xFFD55E00;

    /** One ARGB colour per point, as the renderer wants it. */
    public int[] argb() {
        int[] out = new int[category.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = category[i] < 0 ? Palette.NEUTRAL : colours[category[i]];
        }
        return out;
    }

    /**
     * Colours for {@code mode}; a run without the needed classifiers (unlabelled data, exploration only)
     * falls back to the labels, which are then all neutral.
     */
    public static PointColouring of(ColourMode mode, Predictions p, Strategy active) {
        return of(mode, p, active, false);
    }

    /**
     * As {@link #of(ColourMode, Predictions, Strategy)}; with {@code testOnly}, correct/wrong and early vs
     * late colour the test split only (training points are right almost always, so counting them hides the
     * difference) and grey the rest. Either way the title says which split the colours are for, and every
     * legend entry carries its number of points.
     */
    public static PointColouring of(ColourMode mode, Predictions p, Strategy active, boolean testOnly) {
        PointColouring c = ofAllSplits(mode, p, active);
        boolean scored = mode == ColourMode.CORRECTNESS || mode == ColourMode.AGREEMENT;
        if (scored && !c.title().contains("no classifier")) {
            c = testOnly ? onTestSplit(c, p) : c.retitled(c.title() + " · all splits");
        }
        return c.withCounts();
    }

    private static PointColouring ofAllSplits(ColourMode mode, Predictions p, Strategy active) {
        boolean predictionsNeeded = mode != ColourMode.LABEL && mode != ColourMode.FAITHFULNESS;
        boolean available = mode == ColourMode.AGREEMENT ? p.has(Strategy.EARLY) && p.has(Strategy.LATE) : p.has(active);
        if (predictionsNeeded && !available) {
            return byClass(p, p.truth(), "true label (no classifier in this run)", "unlabelled");
        }
        return switch (mode) {
            case LABEL -> byClass(p, p.truth(), "true label", "unlabelled");
            case PREDICTION -> byClass(p, p.predicted(active), active.key() + " prediction", "no prediction");
            case CORRECTNESS -> correctness(p, active);
            case AGREEMENT -> agreement(p);
            case FAITHFULNESS -> FaithfulnessColouring.pending(p.size()); // the layout's scores: ProjectionViewModel
            case FLIPS -> flips(p, active, null);
        };
    }

    private static PointColouring byClass(Predictions p, int[] classOf, String title, String neutralName) {
        return byClass(p.classes(), classOf, title, neutralName);
    }

    /** Colours by class: {@code classOf[i]} indexes {@code classes}, -1 for none. */
    static PointColouring byClass(List<String> classes, int[] classOf, String title, String neutralName) {
        int k = classes.size();
        List<LegendEntry> legend = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            legend.add(new LegendEntry(classes.get(c), Palette.colour(c)));
        }
        addNeutralEntry(classOf, legend, neutralName);
        return new PointColouring(classOf.clone(), Palette.colours(k), legend, title);
    }

    private static PointColouring correctness(Predictions p, Strategy active) {
        int[] predicted = p.predicted(active);
        int[] category = new int[p.size()];
        for (int i = 0; i < category.length; i++) {
            category[i] = p.truth(i) < 0 ? -1 : predicted[i] == p.truth(i) ? 0 : 1;
        }
        List<LegendEntry> legend = new ArrayList<>(List.of(
                new LegendEntry("correct", BOTH_RIGHT), new LegendEntry("wrong", BOTH_WRONG)));
        addNeutralEntry(category, legend, "unlabelled");
        return new PointColouring(category, new int[] {BOTH_RIGHT, BOTH_WRONG}, legend, active.key() + " correct / wrong");
    }

    private static PointColouring agreement(Predictions p) {
        int[] early = p.predicted(Strategy.EARLY), late = p.predicted(Strategy.LATE);
        int[] category = new int[p.size()];
        for (int i = 0; i < category.length; i++) {
            int t = p.truth(i);
            boolean e = early[i] == t, l = late[i] == t;
            category[i] = t < 0 ? -1 : e && l ? 0 : e ? 1 : l ? 2 : 3;
        }
        List<LegendEntry> legend = new ArrayList<>(List.of(new LegendEntry("both right", BOTH_RIGHT),
                new LegendEntry("early only right", EARLY_ONLY), new LegendEntry("late only right", LATE_ONLY),
                new LegendEntry("both wrong", BOTH_WRONG)));
        addNeutralEntry(category, legend, "unlabelled");
        return new PointColouring(category, new int[] {BOTH_RIGHT, EARLY_ONLY, LATE_ONLY, BOTH_WRONG}, legend,
                "early vs late fusion");
    }

    private PointColouring retitled(String newTitle) {
        return new PointColouring(category, colours, legend, newTitle);
    }

    /** Points outside the labelled test split turn neutral, under their own legend entry. */
    private static PointColouring onTestSplit(PointColouring c, Predictions p) {
        boolean[] test = new boolean[p.size()];
        for (int i : p.testIndices()) {
            test[i] = true;
        }
        int[] category = c.category().clone();
        boolean hidden = false;
        for (int i = 0; i < category.length; i++) {
            if (!test[i]) {
                hidden |= category[i] >= 0;
                category[i] = -1;
            }
        }
        List<LegendEntry> legend = new ArrayList<>(c.legend().subList(0, c.colours().length));
        if (hidden || c.legend().size() > c.colours().length) {
            legend.add(new LegendEntry("not in the test split", Palette.NEUTRAL));
        }
        return new PointColouring(category, c.colours(), legend, c.title() + " · test split");
    }

    /** Name of colour group {@code k} without its count, as the CSV sidecar's colour_group writes it. */
    public String groupName(int k) {
        return legend.get(k).label().replaceFirst(" \\(\\d+\\)$", "");
    }

    /** Legend names with the number of points of each entry, e.g. "both right (212)". */
    private PointColouring withCounts() {
        int[] counts = new int[colours.length + 1];
        for (int c : category) {
            counts[c < 0 ? colours.length : c]++;
        }
        List<LegendEntry> counted = new ArrayList<>();
        for (int e = 0; e < legend.size(); e++) {
            int n = e < colours.length ? counts[e] : counts[colours.length];
            counted.add(new LegendEntry(legend.get(e).label() + " (" + n + ")", legend.get(e).argb()));
        }
        return new PointColouring(category, colours, counted, title);
    }

    static final int UNCHANGED = 0xFF56B4E9; // sky blue: apart from the grey of samples not scored
    static final int CHANGED_WRONG = 0xFFCC79A7;

    /**
     * Colours by what {@code flips}' condition does to {@code active}'s prediction of each labelled test
     * sample: right to wrong, wrong to right, another wrong class, unchanged; other samples neutral. Without
     * flips for this run's samples, the true labels with a title that says what is missing.
     */
    public static PointColouring flips(Predictions p, Strategy active, ConditionFlips flips) {
        if (flips == null || (flips.samples() != p.result().samples() && !flips.samples().equals(p.result().samples()))) {
            return byClass(p, p.truth(), "true label (compute the ablation and choose a condition for flips)", "unlabelled");
        }
        int[] before = flips.intact().get(active), after = flips.altered().get(active);
        int[] category = new int[p.size()];
        for (int i = 0; i < category.length; i++) {
            int t = p.truth(i);
            if (t < 0 || before[i] < 0) {
                category[i] = -1;
            } else if (before[i] == after[i]) {
                category[i] = 3;
            } else {
                category[i] = before[i] == t ? 0 : after[i] == t ? 1 : 2;
            }
        }
        List<LegendEntry> legend = new ArrayList<>(List.of(new LegendEntry("right \u2192 wrong", BOTH_WRONG),
                new LegendEntry("wrong \u2192 right", BOTH_RIGHT), new LegendEntry("wrong \u2192 other wrong", CHANGED_WRONG),
                new LegendEntry("unchanged", UNCHANGED)));
        addNeutralEntry(category, legend, "not scored (not in test split)");
        return new PointColouring(category, new int[] {BOTH_WRONG, BOTH_RIGHT, CHANGED_WRONG, UNCHANGED}, legend,
                active.key() + " flips under " + flips.condition());
    }

    /**
     * How many points get a colour of their own (not the neutral grey): what a title should count when grey
     * points are only context, e.g. the training points under a test-split colouring.
     */
    public int colouredCount() {
        int n = 0;
        for (int c : category) {
            if (c >= 0) {
                n++;
            }
        }
        return n;
    }

    private static void addNeutralEntry(int[] category, List<LegendEntry> legend, String name) {
        for (int c : category) {
            if (c < 0) {
                legend.add(new LegendEntry(name, Palette.NEUTRAL));
                return;
            }
        }
    }
}
