package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.pipeline.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;

/**
 * The image, text and fused projections of one run side by side, with one selection: selecting, hovering
 * or focusing a point in any of them (or in the main projection) lights up the same sample in all. Each
 * pane is a {@link ProjectionViewModel} with its space fixed; method and colouring follow the main
 * projection, so the three always show the same layout method in the same colours.
 */
public final class LinkedViewsViewModel {

    private final ProjectionViewModel main;
    private final Map<Space, ProjectionViewModel> panes = new EnumMap<>(Space.class);
    private final List<ProjectionViewModel> all = new ArrayList<>();
    private boolean syncing;

    LinkedViewsViewModel(ProjectionViewModel main, ObservableValue<Predictions> predictions,
                         ObservableValue<Strategy> activeStrategy, ObservableValue<Dataset> dataset) {
        this.main = main;
        all.add(main);
        for (Space s : Space.OF_A_RUN) {
            ProjectionViewModel pane = new ProjectionViewModel(predictions, activeStrategy, dataset);
            pane.spaceProperty().set(s);
            pane.methodProperty().bindBidirectional(main.methodProperty());
            pane.colourModeProperty().bindBidirectional(main.colourModeProperty());
            pane.testOnlyProperty().bindBidirectional(main.testOnlyProperty());
            pane.hoveredProperty().bindBidirectional(main.hoveredProperty());
            pane.focusedProperty().bindBidirectional(main.focusedProperty());
            panes.put(s, pane);
            all.add(pane);
        }
        for (ProjectionViewModel v : all) {
            v.selectionProperty().addListener((obs, old, now) -> propagate(v, now));
        }
    }

    /** Copies one view's selection to the others, keeping its order (a ranked search stays ranked). */
    private void propagate(ProjectionViewModel from, int[] selection) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            for (ProjectionViewModel v : all) {
                if (v != from && !Arrays.equals(v.selectionProperty().get(), selection)) {
                    v.selectRanked(selection);
                }
            }
        } finally {
            syncing = false;
        }
    }

    /** The pane showing {@code space}. */
    public ProjectionViewModel pane(Space space) {
        return panes.get(space);
    }

    /** The three panes, image, text, fused. */
    public List<ProjectionViewModel> panes() {
        return Collections.unmodifiableList(new ArrayList<>(panes.values()));
    }

    public ProjectionViewModel main() {
        return main;
    }
}
