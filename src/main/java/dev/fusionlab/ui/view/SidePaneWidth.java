package dev.fusionlab.ui.view;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * Keeps the side pane of a split (the sample grid beside the projection) at the width the user gave it.
 * A split pane whose side does not resize with its parent squeezes that side when the window shrinks and
 * never gives the width back when it grows again; this gives it back, up to half the split, and takes
 * the wanted width from the user's own divider drags only.
 */
final class SidePaneWidth {

    private double wanted;
    private final SplitPane split;
    private final Region side;

    private SidePaneWidth(SplitPane split, Region side, double initial) {
        this.split = split;
        this.side = side;
        this.wanted = initial;
    }

    /** The side is the last item of {@code split}. */
    static void keep(SplitPane split, Region side, double initialWidth) {
        SidePaneWidth keeper = new SidePaneWidth(split, side, initialWidth);
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (onDivider(e.getTarget())) {
                keeper.wanted = side.getWidth();
            }
        });
        // after the layout pass: the split pane re-places its divider itself while it is being resized
        split.widthProperty().addListener((obs, old, width) -> Platform.runLater(() -> keeper.fit(split.getWidth())));
    }

    private void fit(double width) {
        if (width <= 0 || split.getDividers().isEmpty()) {
            return;
        }
        double target = Math.max(side.minWidth(-1), Math.min(wanted, width * 0.5));
        split.setDividerPosition(split.getDividers().size() - 1, Math.max(0.2, 1 - target / width));
    }

    private static boolean onDivider(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
            if (n instanceof SplitPane) {
                return false;
            }
        }
        return false;
    }

    /** The width the side is kept at when there is room. */
    double wanted() {
        return wanted;
    }
}
