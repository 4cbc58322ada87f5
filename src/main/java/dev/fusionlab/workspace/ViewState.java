package dev.fusionlab.workspace;

import java.util.Arrays;

/**
 * What the workbench showed when the workspace was saved, as plain values (the core knows no JavaFX): the
 * GUI maps them to and from its ViewModels. Unknown names (a colour mode a later version removed) are
 * ignored by the GUI, which then keeps its default.
 *
 * @param openView   the open tab, e.g. {@code explore} or {@code compare}
 * @param space      projected space shown ({@code dev.fusionlab.pipeline.Space} name)
 * @param method     projection method shown ({@code ProjectionMethod} name)
 * @param colourMode colour mode ({@code ColourMode} name)
 * @param strategy   strategy whose predictions colour the points ({@code Strategy} name)
 * @param selection  selected rows of the run, in selection order (best first after a search)
 * @param viewport   visible data rectangle {@code [min_x, min_y, max_x, max_y]}, or empty for "fit all"
 */
public record ViewState(String openView, String space, String method, String colourMode, String strategy,
                        int[] selection, double[] viewport) {

    public ViewState {
        selection = selection == null ? new int[0] : selection.clone();
        viewport = viewport == null ? new double[0] : viewport.clone();
        if (viewport.length != 0 && viewport.length != 4) {
            throw new IllegalArgumentException("a viewport has 4 values (min_x, min_y, max_x, max_y), got " + viewport.length);
        }
    }

    /** Nothing chosen: the GUI's defaults. */
    public static ViewState defaults() {
        return new ViewState("explore", null, null, null, null, new int[0], new double[0]);
    }

    @Override
    public int[] selection() {
        return selection.clone();
    }

    @Override
    public double[] viewport() {
        return viewport.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ViewState v && java.util.Objects.equals(openView, v.openView)
                && java.util.Objects.equals(space, v.space) && java.util.Objects.equals(method, v.method)
                && java.util.Objects.equals(colourMode, v.colourMode) && java.util.Objects.equals(strategy, v.strategy)
                && Arrays.equals(selection, v.selection) && Arrays.equals(viewport, v.viewport);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(openView, space, method, colourMode, strategy, Arrays.hashCode(selection),
                Arrays.hashCode(viewport));
    }
}
