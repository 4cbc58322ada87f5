package dev.fusionlab.evaluate;

/**
 * A sample on which two strategies decide differently: the interesting cases to look at in the GUI.
 *
 * @param row        the sample's row in the run
 * @param truth      its true class
 * @param predictedA strategy A's decision
 * @param predictedB strategy B's decision (differs from A's)
 */
public record Disagreement(int row, int truth, int predictedA, int predictedB) {

    /** Who got the sample right (at most one can, since they disagree). */
    public enum Winner {
        A, B, NEITHER
    }

    public Winner winner() {
        return predictedA == truth ? Winner.A : predictedB == truth ? Winner.B : Winner.NEITHER;
    }
}
