package dev.fusionlab.ui.model;

import dev.fusionlab.export.plot.LegendEntry;
import dev.fusionlab.export.plot.Palette;
import java.util.ArrayList;
import java.util.List;

/**
 * Colours for {@link ColourMode#FAITHFULNESS}: each point by the share of its high-dimensional neighbours
 * that the 2D layout kept ({@link dev.fusionlab.project.quality.NeighbourhoodPreservation}), in five bands
 * from a dark purple (invented neighbourhood) to a yellow (kept). The ramp is viridis, readable with
 * colour-blindness and in grey.
 */
public final class FaithfulnessColouring {

    /** Viridis at 0, 0.25, 0.5, 0.75, 1. */
    static final int[] BANDS = {0xFF440154, 0xFF3B528B, 0xFF21918C, 0xFF5EC962, 0xFFFDE725};
    static final String[] NAMES = {"0–20 % kept", "20–40 % kept", "40–60 % kept", "60–80 % kept", "80–100 % kept"};

    private FaithfulnessColouring() {
    }

    /** The band of a score in [0, 1]: 0 for [0, 0.2), ..., 4 for [0.8, 1]. */
    static int band(double score) {
        return Math.max(0, Math.min(BANDS.length - 1, (int) Math.floor(score * BANDS.length)));
    }

    public static PointColouring of(double[] scores) {
        int[] category = new int[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            category[i] = Double.isNaN(scores[i]) ? -1 : band(scores[i]);
            sum += Double.isNaN(scores[i]) ? 0 : scores[i];
        }
        List<LegendEntry> legend = new ArrayList<>();
        for (int b = 0; b < BANDS.length; b++) {
            legend.add(new LegendEntry(NAMES[b], BANDS[b]));
        }
        String mean = String.format(java.util.Locale.ROOT, "%.0f %%", 100 * sum / Math.max(1, scores.length));
        return new PointColouring(category, BANDS.clone(), legend, "neighbours kept (mean " + mean + ")");
    }

    /** All grey while the scores are computed. */
    static PointColouring pending(int n) {
        int[] category = new int[n];
        java.util.Arrays.fill(category, -1);
        return new PointColouring(category, new int[0], List.of(new LegendEntry("computing faithfulness…",
                Palette.NEUTRAL)), "faithfulness (computing)");
    }
}
