package dev.fusionlab.ui.view;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Runs a list of UI updates one per frame instead of all at once, so that filling several big
 * controls (each costing CSS and layout of new cells) never holds the FX thread for one long stretch.
 * Starting a new list drops the steps of the previous one that have not run yet.
 */
final class PulseSteps {

    private final Deque<Runnable> steps = new ArrayDeque<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Runnable next = steps.pollFirst();
            if (next == null) {
                stop();
            } else {
                next.run();
            }
        }
    };

    /** Runs the first step now and each following one on a later frame. FX thread only. */
    void run(List<Runnable> newSteps) {
        steps.clear();
        if (newSteps.isEmpty()) {
            return;
        }
        newSteps.getFirst().run();
        steps.addAll(newSteps.subList(1, newSteps.size()));
        timer.start();
    }
}
