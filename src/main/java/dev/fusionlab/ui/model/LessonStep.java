package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.Space;
import java.util.Objects;

/**
 * One step of a lesson: a title, two or three plain sentences on what to look at, and the view it sets.
 *
 * @param title short, shown as the step's heading
 * @param text  what to look at and why, for a class
 * @param view  the view state the step sets; {@link View#KEEP} changes nothing
 */
public record LessonStep(String title, String text, View view) {

    /** Which part of the window a step shows. */
    public enum Place {
        /** the projection beside the sample grid */
        EXPLORE,
        /** image, text and fused projections side by side, with the neighbours */
        LINKED,
        /** early vs late fusion scores */
        COMPARE,
        /** early and late fusion's correct and wrong side by side, with the four cases counted */
        EARLY_VS_LATE
    }

    /**
     * The view a step sets; a null field leaves that part of the view as the user left it.
     *
     * @param place       the tab to show
     * @param space       the projection's space
     * @param colour      what the colours mean
     * @param strategy    whose predictions colour the points
     * @param combiner    the late-fusion combiner
     * @param imageWeight the image weight of weighted late fusion, in [0, 1]
     */
    public record View(Place place, Space space, ColourMode colour, Strategy strategy, LateCombiner combiner,
                       Double imageWeight) {

        public static final View KEEP = new View(null, null, null, null, null, null);

        public static View of(Place place, Space space, ColourMode colour) {
            return new View(place, space, colour, null, null, null);
        }

        public View withStrategy(Strategy s) {
            return new View(place, space, colour, s, combiner, imageWeight);
        }

        public View withLateFusion(LateCombiner c, Double weight) {
            return new View(place, space, colour, strategy, c, weight);
        }
    }

    public LessonStep {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(view, "view");
    }
}
