package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.export.plot.PlotTheme;
import dev.fusionlab.export.plot.PointTable;
import dev.fusionlab.export.plot.ScatterPlotSpec;
import dev.fusionlab.export.plot.Viewport;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.scatter.Polygon;
import dev.fusionlab.ui.scatter.ScatterLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the projection view: which layout (space x method), what the colours mean, which points are
 * selected, hovered or focused. The view only draws what this says and forwards gestures to it.
 */
public final class ProjectionViewModel {

    private static final int[] NONE = new int[0];

    private final ObservableValue<Predictions> predictions;
    private final ObservableValue<Dataset> dataset;
    private final ObservableValue<Strategy> activeStrategy;

    private final ObjectProperty<Space> space = new SimpleObjectProperty<>(Space.FUSED);
    private final ObjectProperty<ProjectionMethod> method = new SimpleObjectProperty<>(ProjectionMethod.UMAP);
    /** True while the view shows an intermediate layout that no result backs yet. */
    private boolean previewShown;
    private final ObjectProperty<ColourMode> colourMode = new SimpleObjectProperty<>(ColourMode.LABEL);
    private final javafx.beans.property.BooleanProperty testOnly = new javafx.beans.property.SimpleBooleanProperty(true);
    private final ObservableList<ProjectionMethod> availableMethods = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScatterLayout> layout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PointColouring> colouring = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<int[]> selection = new ReadOnlyObjectWrapper<>(NONE);
    private final IntegerProperty hovered = new SimpleIntegerProperty(-1);
    private final ObjectProperty<ConditionFlips> flips = new SimpleObjectProperty<>();
    private final IntegerProperty focused = new SimpleIntegerProperty(-1);
    /** The data rectangle the user zoomed or panned to; null while the view fits the whole layout. */
    private final ObjectProperty<dev.fusionlab.export.plot.Viewport> zoom = new SimpleObjectProperty<>();

    private RunResult result;
    /** Where {@link ColourMode#FAITHFULNESS} finds the scores of a layout (null while not computed). */
    private java.util.function.Function<ProjectionKey, double[]> faithfulness = k -> null;

    /**
     * @param predictions the run's predictions; a new run arrives as predictions of a new result, so
     *                    layout and colours always belong to the same run
     */
    ProjectionViewModel(ObservableValue<Predictions> predictions, ObservableValue<Strategy> activeStrategy,
                        ObservableValue<Dataset> dataset) {
        this.predictions = predictions;
        this.dataset = dataset;
        this.activeStrategy = activeStrategy;
        space.addListener((obs, old, now) -> updateLayout());
        method.addListener((obs, old, now) -> updateLayout());
        predictions.addListener((obs, old, now) -> {
            RunResult r = now == null ? null : now.result();
            if (r != result) {
                RunResult previous = result;
                result = r;
                onNewResult(previous, r);
            } else {
                updateColouring();
            }
        });
        activeStrategy.addListener((obs, old, now) -> updateColouring());
        colourMode.addListener((obs, old, now) -> updateColouring());
        testOnly.addListener((obs, old, now) -> updateColouring());
        flips.addListener((obs, old, now) -> updateColouring());
    }

    /**
     * A result over other samples starts with nothing selected; one over the same samples (a re-project,
     * or a new run of the same dataset and seed) keeps the user's selection and focus, since its rows mean
     * the same. Either way the method the result was laid out with is shown.
     */
    private void onNewResult(RunResult previous, RunResult now) {
        previewShown = false;
        boolean sameSamples = previous != null && now != null && previous.samples().equals(now.samples());
        if (!sameSamples) {
            clearSelection();
            focused.set(-1);
        }
        hovered.set(-1);
        if (now != null) {
            List<ProjectionMethod> methods = methodsOf(now);
            availableMethods.setAll(methods);
            if (methods.contains(now.config().projection())) {
                method.set(now.config().projection());
            } else if (!methods.contains(method.get()) && !methods.isEmpty()) {
                method.set(methods.getFirst());
            }
        } else {
            availableMethods.clear();
        }
        updateLayout();
    }

    /**
     * A job that showed intermediate layouts ended without a result (cancelled or failed): the view goes
     * back to what the current result holds, or to nothing, instead of keeping a half-converged layout.
     */
    public void endPreview() {
        if (!previewShown) {
            return;
        }
        previewShown = false;
        RunResult r = result;
        availableMethods.setAll(r == null ? List.of() : methodsOf(r)); // drop a method only previewed
        if (r != null && !availableMethods.contains(method.get()) && !availableMethods.isEmpty()) {
            method.set(availableMethods.contains(r.config().projection()) ? r.config().projection()
                    : availableMethods.getFirst());
        }
        updateLayout();
    }

    private static List<ProjectionMethod> methodsOf(RunResult r) {
        return r.projections().keySet().stream().map(ProjectionKey::method).distinct().sorted().toList();
    }

    private void updateLayout() {
        RunResult r = result;
        double[][] coordinates = r == null ? null : r.projections().get(key());
        layout.set(coordinates == null ? null : ScatterLayout.of(key(), coordinates));
        updateColouring();
    }

    private void updateColouring() {
        Predictions p = predictions.getValue();
        if (p != null && colourMode.get() == ColourMode.FAITHFULNESS) {
            double[] scores = faithfulness.apply(key());
            colouring.set(scores != null && scores.length == p.size() ? FaithfulnessColouring.of(scores)
                    : FaithfulnessColouring.pending(p.size()));
            return;
        }
        colouring.set(p == null ? null : colourMode.get() == ColourMode.FLIPS && p.has(activeStrategy.getValue())
                ? PointColouring.flips(p, activeStrategy.getValue(), flips.get())
                : PointColouring.of(colourMode.get(), p, activeStrategy.getValue(), testOnly.get()));
    }

    /** Sets where faithfulness scores come from ({@link FaithfulnessViewModel}) and recolours. */
    void faithfulnessSource(java.util.function.Function<ProjectionKey, double[]> source) {
        faithfulness = source;
        updateColouring();
    }

    /** Recolours, e.g. when faithfulness scores arrived. */
    void refreshColouring() {
        updateColouring();
    }

    /**
     * Shows an intermediate layout while a projection is still being computed (t-SNE converging): in
     * the current colours when it has the current run's size; before the first run, coloured by the
     * open dataset's labels when every sample is in it, else grey. Ignored when the user looks at
     * another space. Call on the UI thread.
     */
    public void previewLayout(ProjectionKey previewKey, double[][] coordinates) {
        if (previewKey.space() != space.get()) {
            return;
        }
        Predictions p = predictions.getValue();
        if (p != null && coordinates.length != p.size()) {
            return;
        }
        previewShown = true;
        if (!availableMethods.contains(previewKey.method())) { // else the method chooser goes blank
            List<ProjectionMethod> methods = new ArrayList<>(availableMethods);
            methods.add(previewKey.method());
            methods.sort(null);
            availableMethods.setAll(methods);
        }
        method.set(previewKey.method()); // the method chooser names what is being drawn
        Dataset d = dataset.getValue();
        if (p == null && d != null && d.samples().size() == coordinates.length && colouring.get() == null) {
            List<String> classes = d.classes();
            int[] truth = d.samples().stream()
                    .mapToInt(s -> s.isLabelled() ? Collections.binarySearch(classes, s.label()) : -1).toArray();
            colouring.set(PointColouring.byClass(classes, truth, "true label", "unlabelled"));
        }
        layout.set(ScatterLayout.of(previewKey, coordinates));
    }

    public ProjectionKey key() {
        return new ProjectionKey(space.get(), method.get());
    }

    /** The point nearest to a data position within a data distance, or -1; sets the hovered point. */
    public int hoverAt(double x, double y, double maxDistance) {
        ScatterLayout l = layout.get();
        int i = l == null ? -1 : l.grid().nearest(x, y, maxDistance);
        hovered.set(i);
        return i;
    }

    /** Selects the points inside a lasso drawn in data coordinates; returns how many. */
    public int selectInside(Polygon lasso) {
        ScatterLayout l = layout.get();
        select(l == null ? NONE : l.grid().inside(lasso));
        return selection.get().length;
    }

    public void select(int... indices) {
        int[] sorted = indices.clone();
        Arrays.sort(sorted);
        selection.set(sorted);
    }

    /** Selects these points in this order, best first (a search's hits): the sample grid keeps the order. */
    public void selectRanked(int... bestFirst) {
        selection.set(bestFirst.clone());
    }

    public void clearSelection() {
        selection.set(NONE);
    }

    /** Tooltip content of point {@code i}. */
    public HoverInfo hoverInfo(int i) {
        Predictions p = predictions.getValue();
        Map<Strategy, String> predicted = new EnumMap<>(Strategy.class);
        Map<Strategy, java.util.List<HoverInfo.ClassProbability>> top = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            if (p.has(s)) {
                predicted.put(s, p.className(p.predicted(s)[i]));
                top.put(s, HoverInfo.top(p.probabilities(s)[i], p.classes(), HoverInfo.TOP));
            }
        }
        return new HoverInfo(i, p.sample(i), p.className(p.truth(i)), predicted, top);
    }

    /** Points drawn on top: the selection, then the focused and the hovered point. */
    public int[] highlighted() {
        return highlighted(true);
    }

    private int[] highlighted(boolean withHovered) {
        int[] sel = selection.get();
        int[] extra = java.util.stream.IntStream.of(focused.get(), withHovered ? hovered.get() : -1)
                .filter(i -> i >= 0).toArray();
        if (extra.length == 0) {
            return sel;
        }
        int[] out = Arrays.copyOf(sel, sel.length + extra.length);
        System.arraycopy(extra, 0, out, sel.length, extra.length);
        return out;
    }

    /**
     * The plot of what the view shows, for export: its layout, colours, legend, selection and
     * {@code visible} data rectangle (the hovered point is not part of it).
     */
    public ScatterPlotSpec plotSpec(Viewport visible, int widthPx, int heightPx, int dpi, PlotTheme theme,
                                    double pointRadius) {
        int[] shown = highlighted(false);
        ScatterLayout l = layout.get();
        PointColouring c = colouring.get();
        if (l == null || c == null) {
            throw new IllegalStateException("no projection to export yet");
        }
        String title = titleOf(space.get()) + " space · " + method.get() + " · " + c.title();
        String[] axes = axisLabels();
        return new ScatterPlotSpec(title, axes[0], axes[1], l.xs(), l.ys(), c.category(),
                c.colours(), c.legend(), shown, visible, widthPx, heightPx, dpi, pointRadius, theme);
    }

    /** The CSV sidecar of the plot: id, coordinates, split, label and each strategy's prediction. */
    public PointTable pointTable() {
        Predictions p = predictions.getValue();
        int n = p.size();
        List<String> ids = new ArrayList<>(n);
        Map<String, List<String>> columns = new LinkedHashMap<>();
        List<String> split = new ArrayList<>(n), label = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(p.sample(i).id());
            split.add(p.sample(i).split() == null ? "" : p.sample(i).split().name().toLowerCase(java.util.Locale.ROOT));
            label.add(p.truth(i) < 0 ? "" : p.className(p.truth(i)));
        }
        columns.put("split", split);
        columns.put("label", label);
        for (Strategy s : Strategy.values()) {
            if (p.has(s)) {
                int[] predicted = p.predicted(s);
                columns.put(s.key(), Arrays.stream(predicted).mapToObj(p::className).toList());
            }
        }
        PointColouring c = colouring.get();
        columns.put("colour_group", Arrays.stream(c.category())
                .mapToObj(k -> k < 0 ? "" : c.groupName(k)).toList());
        return new PointTable(ids, columns);
    }

    /**
     * Names of the shown layout's axes: with PCA, each principal component with the share of the
     * embedding's variance it shows ("PC1 (23.4%)"), as computed with the layout
     * ({@link RunResult#explainedVariance}); otherwise, or without it (a workspace saved before it was
     * kept), "PCA 1", "UMAP 1".
     */
    public String[] axisLabels() {
        ScatterLayout l = layout.get();
        Predictions p = predictions.getValue();
        if (l != null && p != null && l.key().method() == dev.fusionlab.project.ProjectionMethod.PCA) {
            double[] ratios = p.result().explainedVariance().get(l.key());
            if (ratios != null) {
                return new String[] {pcAxis(1, ratios[0]), pcAxis(2, ratios[1])};
            }
        }
        Object m = l != null ? l.key().method() : method.get();
        return new String[] {m + " 1", m + " 2"};
    }

    /** "PC1 (23.4%)" for axis 1 with ratio 0.234. */
    static String pcAxis(int axis, double ratio) {
        return String.format(java.util.Locale.ROOT, "PC%d (%.1f%%)", axis, ratio * 100);
    }

    static String titleOf(Space s) {
        return switch (s) {
            case IMAGE -> "Image";
            case TEXT -> "Text";
            case FUSED -> "Fused";
            case LATENT -> "Joint latent (MVAE)";
        };
    }

    public ObjectProperty<Space> spaceProperty() {
        return space;
    }

    /** Correct/wrong and early vs late colour the test split only (the rest grey); true by default. */
    public javafx.beans.property.BooleanProperty testOnlyProperty() {
        return testOnly;
    }

    public ObjectProperty<ProjectionMethod> methodProperty() {
        return method;
    }

    /**
     * The zoom: the data rectangle the view shows after the user zoomed or panned, null while it fits the
     * whole layout. The view publishes it and follows it when set from outside (a reopened workspace).
     */
    public ObjectProperty<dev.fusionlab.export.plot.Viewport> zoomProperty() {
        return zoom;
    }

    public ObjectProperty<ColourMode> colourModeProperty() {
        return colourMode;
    }

    /** Methods the current run has layouts for. */
    public ObservableList<ProjectionMethod> availableMethods() {
        return availableMethods;
    }

    public ReadOnlyObjectProperty<ScatterLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PointColouring> colouringProperty() {
        return colouring.getReadOnlyProperty();
    }

    /** Selected point indices, ascending; empty for none. Do not modify the array. */
    public ReadOnlyObjectProperty<int[]> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public IntegerProperty hoveredProperty() {
        return hovered;
    }

    /** A single point to point out (e.g. a disagreement picked in the comparison view), or -1. */
    public IntegerProperty focusedProperty() {
        return focused;
    }

    /** What an ablation condition does to each test sample's predictions, for {@link ColourMode#FLIPS}; null for none. */
    public ObjectProperty<ConditionFlips> flipsProperty() {
        return flips;
    }
}
