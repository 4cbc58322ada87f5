package dev.fusionlab.ui.view;

import dev.fusionlab.ui.model.PointColouring;
import dev.fusionlab.ui.scatter.ScatterLayout;

/**
 * The order a frame draws points in: grey points (not scored, not in the test split, unlabelled) first, the
 * coloured ones over them. The renderer draws in index order, so a test split coloured by correct/wrong
 * would otherwise lie under the four times as many grey training points. Computed once per layout and
 * colouring; without grey points (or with only grey ones) the index order is kept and nothing is copied.
 */
final class DrawOrder {

    private ScatterLayout layout;
    private PointColouring colouring;
    private int[] colours;
    private float[] xs, ys;
    private int[] orderedColours;
    /** position[i]: where point i is drawn in the arrays; null for the index order */
    private int[] position;

    /** Brings the order up to date for this frame's layout, colouring (null: uncoloured) and point colours. */
    void update(ScatterLayout l, PointColouring c, int[] argb) {
        if (l == layout && c == colouring && argb == colours) {
            return;
        }
        layout = l;
        colouring = c;
        colours = argb;
        position = null;
        if (c == null || c.category().length != l.size()) {
            return;
        }
        int[] category = c.category();
        int grey = 0;
        for (int k : category) {
            grey += k < 0 ? 1 : 0;
        }
        if (grey == 0 || grey == category.length) {
            return;
        }
        int n = category.length;
        xs = new float[n];
        ys = new float[n];
        orderedColours = new int[n];
        position = new int[n];
        int next = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                if ((category[i] < 0) == (pass == 0)) {
                    xs[next] = l.xs()[i];
                    ys[next] = l.ys()[i];
                    orderedColours[next] = argb[i];
                    position[i] = next++;
                }
            }
        }
    }

    float[] xs() {
        return position == null ? layout.xs() : xs;
    }

    float[] ys() {
        return position == null ? layout.ys() : ys;
    }

    int[] colours() {
        return position == null ? colours : orderedColours;
    }

    /** Point indices as positions in the drawn arrays. */
    int[] positions(int[] points) {
        if (position == null) {
            return points;
        }
        int[] out = new int[points.length];
        for (int k = 0; k < points.length; k++) {
            out[k] = position[points[k]];
        }
        return out;
    }
}
