package dev.fusionlab.ui.model;

/** What the colour of a point in the projection view means. */
public enum ColourMode {
    /** the true class */
    LABEL("True label"),
    /** the class predicted by the active strategy */
    PREDICTION("Prediction"),
    /** whether the active strategy got the sample right */
    CORRECTNESS("Correct / wrong"),
    /** early and late fusion compared: both right, early only, late only, both wrong */
    AGREEMENT("Early vs late"),
    /** how well the 2D layout keeps each point's high-dimensional neighbours ({@link FaithfulnessColouring}) */
    FAITHFULNESS("Faithfulness"),
    /**
     * what an ablation condition (chosen in the robustness view) does to the active strategy's test
     * predictions: right to wrong, wrong to right, changed, unchanged
     */
    FLIPS("Flips under condition");

    private final String title;

    ColourMode(String title) {
        this.title = title;
    }

    @Override
    public String toString() {
        return title;
    }
}
