package dev.fusionlab.evaluate;

import java.util.ArrayList;
import java.util.List;

/** Finds the samples on which two strategies' decisions differ. */
public final class Disagreements {

    private Disagreements() {
    }

    /**
     * @param rows  the rows to look at (e.g. the labelled test rows), in the order to report them
     * @param truth true class of every row of the run
     * @param a     strategy A's decision for every row of the run
     * @param b     strategy B's decision for every row of the run
     */
    public static List<Disagreement> among(int[] rows, int[] truth, int[] a, int[] b) {
        if (truth.length != a.length || truth.length != b.length) {
            throw new IllegalArgumentException("lengths differ: truth " + truth.length + ", A " + a.length
                    + ", B " + b.length);
        }
        List<Disagreement> out = new ArrayList<>();
        for (int r : rows) {
            if (a[r] != b[r]) {
                out.add(new Disagreement(r, truth[r], a[r], b[r]));
            }
        }
        return List.copyOf(out);
    }
}
