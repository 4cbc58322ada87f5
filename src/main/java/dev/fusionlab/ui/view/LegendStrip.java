package dev.fusionlab.ui.view;

import dev.fusionlab.export.plot.LegendEntry;
import dev.fusionlab.ui.model.PointColouring;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Circle;

/**
 * One legend for plots side by side that share their colours, in a strip above them rather than over
 * any of them, so it hides no point. Wraps onto more lines when the window is narrow.
 */
final class LegendStrip extends FlowPane {

    LegendStrip() {
        super(14, 2);
        getStyleClass().add("legend-strip");
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(0);
        setPrefWrapLength(1200); // one line unless the width given is narrower
    }

    /**
     * Shows the entries of colourings that share their colours. Each entry keeps its count when every
     * colouring counts the same (colour by label: the same predictions in every space); otherwise (e.g.
     * faithfulness, scored per layout) the names alone.
     */
    void show(List<PointColouring> colourings) {
        getChildren().clear();
        List<PointColouring> shown = colourings.stream().filter(c -> c != null).toList();
        if (shown.isEmpty()) {
            return;
        }
        PointColouring first = shown.getFirst();
        boolean sameCounts = shown.stream().allMatch(c -> c.legend().equals(first.legend()));
        List<LegendEntry> entries = first.legend();
        for (int k = 0; k < entries.size(); k++) {
            LegendEntry e = entries.get(k);
            String text = sameCounts ? e.label() : first.groupName(k);
            Label label = new Label(text, new Circle(6, ScatterView.argbColour(e.argb())));
            label.getStyleClass().add("legend-entry");
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            getChildren().add(label);
        }
    }

    /** Shows fixed entries (name, ARGB colour). */
    void showEntries(List<LegendEntry> entries) {
        getChildren().clear();
        for (LegendEntry e : entries) {
            Label label = new Label(e.label(), new Circle(6, ScatterView.argbColour(e.argb())));
            label.getStyleClass().add("legend-entry");
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            getChildren().add(label);
        }
    }
}
