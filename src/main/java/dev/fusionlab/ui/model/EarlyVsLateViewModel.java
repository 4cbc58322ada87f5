package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.evaluate.BootstrapIntervals;
import dev.fusionlab.evaluate.McNemarTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Early and late fusion side by side, for a class: two projections of one space, the left coloured by
 * whether early fusion got each sample right, the right by late fusion, with one selection and one hover
 * (shared with every other projection of the window), a heading per strategy with its test accuracy and
 * 95 % interval, and the four cases counted (both right, only early, only late, both wrong), each of which
 * can be selected. Colours follow the window's "test split only" switch: on, only the labelled test
 * samples are scored and the rest turn grey; the counts then count the test split, as the scores do.
 */
public final class EarlyVsLateViewModel {

    /** How the two strategies did on one sample. */
    public enum Case {
        BOTH_RIGHT("both right", true, true),
        ONLY_EARLY("only early right", true, false),
        ONLY_LATE("only late right", false, true),
        BOTH_WRONG("both wrong", false, false);

        private final String label;
        private final boolean early;
        private final boolean late;

        Case(String label, boolean early, boolean late) {
            this.label = label;
            this.early = early;
            this.late = late;
        }

        public String label() {
            return label;
        }

        /** Whether early fusion is right in this case: its point is "correct" in the left plot. */
        public boolean earlyRight() {
            return early;
        }

        /** Whether late fusion is right in this case. */
        public boolean lateRight() {
            return late;
        }

        static Case of(boolean early, boolean late) {
            return early && late ? BOTH_RIGHT : early ? ONLY_EARLY : late ? ONLY_LATE : BOTH_WRONG;
        }
    }

    /**
     * The samples of each case.
     *
     * @param rows     per case, the rows in it, ascending
     * @param testOnly whether only the labelled test split was counted (else every labelled sample)
     */
    public record Cases(Map<Case, int[]> rows, boolean testOnly) {

        public int count(Case c) {
            return rows.get(c).length;
        }

        public int total() {
            return rows.values().stream().mapToInt(r -> r.length).sum();
        }

        /** "of 250 test samples" or "of 300 labelled samples (all splits)". */
        public String scope() {
            return "of " + total() + (testOnly ? " test samples" : " labelled samples (all splits)");
        }
    }

    private final ProjectionViewModel main;
    private final ProjectionViewModel early;
    private final ProjectionViewModel late;
    private final List<ProjectionViewModel> linked;
    private final javafx.beans.value.ObservableValue<Predictions> predictions;
    private final javafx.beans.value.ObservableValue<Comparison> comparison;
    private final ScoreIntervals intervals;
    private final ObjectProperty<dev.fusionlab.pipeline.Space> space =
            new SimpleObjectProperty<>(dev.fusionlab.pipeline.Space.FUSED);
    private final ReadOnlyObjectWrapper<Cases> cases = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Case> selectedCase = new ReadOnlyObjectWrapper<>();
    private final Map<Strategy, ReadOnlyStringWrapper> scores = new EnumMap<>(Strategy.class);
    private final ReadOnlyStringWrapper mcNemar = new ReadOnlyStringWrapper("");
    private boolean syncing;

    /**
     * @param uiThread where the bootstrap intervals computed in the background are applied
     */
    public EarlyVsLateViewModel(WorkbenchViewModel workbench, Executor uiThread) {
        this.main = workbench.projection();
        this.predictions = workbench.predictionsProperty();
        this.comparison = workbench.comparisonProperty();
        this.intervals = new ScoreIntervals(comparison, uiThread);
        early = pane(Strategy.EARLY, workbench);
        late = pane(Strategy.LATE, workbench);
        linked = List.of(main, early, late);
        for (ProjectionViewModel v : linked) {
            v.selectionProperty().addListener((obs, old, now) -> propagate(v, now));
        }
        for (Strategy s : List.of(Strategy.EARLY, Strategy.LATE)) {
            scores.put(s, new ReadOnlyStringWrapper(""));
        }
        predictions.addListener((obs, old, now) -> recount());
        main.testOnlyProperty().addListener((obs, old, now) -> recount());
        comparison.addListener((obs, old, now) -> rescore());
        intervals.intervalsProperty().addListener((obs, old, now) -> rescore());
        recount();
        rescore();
    }

    /** A projection of this view's space coloured by whether {@code strategy} got each sample right. */
    private ProjectionViewModel pane(Strategy strategy, WorkbenchViewModel workbench) {
        ProjectionViewModel pane = new ProjectionViewModel(predictions, new SimpleObjectProperty<>(strategy),
                workbench.datasetProperty());
        pane.colourModeProperty().set(ColourMode.CORRECTNESS);
        pane.spaceProperty().bind(space);
        pane.methodProperty().bindBidirectional(main.methodProperty());
        pane.testOnlyProperty().bindBidirectional(main.testOnlyProperty());
        pane.hoveredProperty().bindBidirectional(main.hoveredProperty());
        pane.focusedProperty().bindBidirectional(main.focusedProperty());
        return pane;
    }

    /** Copies one view's selection to the others, keeping its order; a selection by hand drops the case. */
    private void propagate(ProjectionViewModel from, int[] selection) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            for (ProjectionViewModel v : linked) {
                if (v != from && !Arrays.equals(v.selectionProperty().get(), selection)) {
                    v.selectRanked(selection);
                }
            }
            Case c = selectedCase.get();
            Cases now = cases.get();
            if (c != null && (now == null || !Arrays.equals(now.rows().get(c), selection))) {
                selectedCase.set(null);
            }
        } finally {
            syncing = false;
        }
    }

    private void recount() {
        Predictions p = predictions.getValue();
        if (p == null || !p.has(Strategy.EARLY) || !p.has(Strategy.LATE)) {
            cases.set(null);
            selectedCase.set(null);
            return;
        }
        boolean testOnly = main.testOnlyProperty().get();
        int[] rows = testOnly ? p.testIndices()
                : java.util.stream.IntStream.range(0, p.size()).filter(i -> p.truth(i) >= 0).toArray();
        int[] e = p.predicted(Strategy.EARLY), l = p.predicted(Strategy.LATE);
        Map<Case, List<Integer>> lists = new EnumMap<>(Case.class);
        for (Case c : Case.values()) {
            lists.put(c, new ArrayList<>());
        }
        for (int i : rows) {
            lists.get(Case.of(e[i] == p.truth(i), l[i] == p.truth(i))).add(i);
        }
        Map<Case, int[]> out = new EnumMap<>(Case.class);
        lists.forEach((c, list) -> out.put(c, list.stream().mapToInt(Integer::intValue).toArray()));
        Cases counted = new Cases(out, testOnly);
        cases.set(counted);
        Case c = selectedCase.get();
        if (c != null) { // the combiner moved or the split switch flipped: the case's points are others now
            selectCase(c);
        }
    }

    private void rescore() {
        Comparison cmp = comparison.getValue();
        Map<Strategy, BootstrapIntervals> ci = intervals.intervalsProperty().get();
        for (Strategy s : List.of(Strategy.EARLY, Strategy.LATE)) {
            scores.get(s).set(cmp == null ? "" : scoreText(cmp.row(s).accuracy(), ci.get(s)));
        }
        if (cmp == null) {
            mcNemar.set("");
        } else {
            McNemarTest.Result r = cmp.mcNemar();
            mcNemar.set(String.format(Locale.ROOT, "McNemar's test on the %d test samples where exactly one is right:"
                    + " p = %.3g%s", r.b() + r.c(), r.pValue(), r.significantAt(0.05) ? " (a real difference at 5 %)"
                    : " (no significant difference at 5 %)"));
        }
    }

    /**
     * "test accuracy 85.0 % (95 % CI 81.2–88.5)", the interval once computed: short enough for a heading
     * over half a 1280-pixel window (the number of test samples is under the plots).
     */
    static String scoreText(double accuracy, BootstrapIntervals ci) {
        String score = String.format(Locale.ROOT, "test accuracy %.1f %%", 100 * accuracy);
        return score + (ci == null ? " (interval: computing…)" : String.format(Locale.ROOT,
                " (95 %% CI %.1f\u2013%.1f)", 100 * ci.accuracy().low(), 100 * ci.accuracy().high()));
    }

    /**
     * Selects the samples of one case everywhere (this view, the projection, the linked views, the sample
     * grid); selecting the case that is selected clears the selection.
     *
     * @return false when there is nothing to count (no run, or no early or late fusion)
     */
    public boolean toggleCase(Case c) {
        if (cases.get() == null) {
            return false;
        }
        if (c == selectedCase.get()) {
            selectedCase.set(null);
            main.clearSelection();
            return true;
        }
        return selectCase(c);
    }

    private boolean selectCase(Case c) {
        Cases now = cases.get();
        if (now == null) {
            return false;
        }
        main.focusedProperty().set(-1); // a point pointed out elsewhere would look like one of the case's
        main.select(now.rows().get(c));
        selectedCase.set(c);
        return true;
    }

    /** The colour of a right (or wrong) sample in either plot, ARGB: the correct / wrong colouring's. */
    public static int colour(boolean right) {
        return right ? PointColouring.BOTH_RIGHT : PointColouring.BOTH_WRONG;
    }

    /** The heading of a strategy's pane: its name, and late fusion's combiner as now chosen. */
    public String title(Strategy s) {
        Comparison cmp = comparison.getValue();
        return switch (s) {
            case EARLY -> "Early fusion";
            case LATE -> "Late fusion" + (cmp == null ? "" : " (" + cmp.lateFusion().fusion().describe() + ")");
            default -> throw new IllegalArgumentException("only early and late fusion are compared here, not " + s);
        };
    }

    /** The pane coloured by {@code s}'s correctness (EARLY or LATE). */
    public ProjectionViewModel pane(Strategy s) {
        return switch (s) {
            case EARLY -> early;
            case LATE -> late;
            default -> throw new IllegalArgumentException("only early and late fusion are compared here, not " + s);
        };
    }

    /** The space both panes show (fused at first); the method is the window's. */
    public ObjectProperty<dev.fusionlab.pipeline.Space> spaceProperty() {
        return space;
    }

    /** Test accuracy and its interval of EARLY or LATE, empty without a comparison. */
    public ReadOnlyStringProperty scoreProperty(Strategy s) {
        ReadOnlyStringWrapper w = scores.get(s);
        if (w == null) {
            throw new IllegalArgumentException("only early and late fusion are compared here, not " + s);
        }
        return w.getReadOnlyProperty();
    }

    /** The McNemar line under the counts, empty without a comparison. */
    public ReadOnlyStringProperty mcNemarProperty() {
        return mcNemar.getReadOnlyProperty();
    }

    /** The four cases of the shown run, null without early and late fusion. */
    public ReadOnlyObjectProperty<Cases> casesProperty() {
        return cases.getReadOnlyProperty();
    }

    /** The case whose samples are selected, null when the selection is anything else. */
    public ReadOnlyObjectProperty<Case> selectedCaseProperty() {
        return selectedCase.getReadOnlyProperty();
    }

    /** Whether the colours score the test split only: the window's switch. */
    public javafx.beans.property.BooleanProperty testOnlyProperty() {
        return main.testOnlyProperty();
    }

    /** Intervals of the shown comparison, empty until computed in the background. */
    public ReadOnlyObjectProperty<Map<Strategy, BootstrapIntervals>> intervalsProperty() {
        return intervals.intervalsProperty();
    }
}
