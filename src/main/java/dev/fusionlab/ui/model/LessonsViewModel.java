package dev.fusionlab.ui.model;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The Lessons panel: steps through a list of {@link LessonStep}s, each setting the workbench's view when
 * it is shown. Never modal: the user may change anything at any time, and going to a step only sets what
 * that step names. Hiding the panel leaves the view as it is.
 */
public final class LessonsViewModel {

    private final WorkbenchViewModel workbench;
    private final List<LessonStep> steps;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<LessonStep> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LessonStep.Place> place = new ReadOnlyObjectWrapper<>(LessonStep.Place.EXPLORE);
    private final BooleanProperty showing = new SimpleBooleanProperty(false);

    LessonsViewModel(WorkbenchViewModel workbench, List<LessonStep> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs at least one step");
        }
        this.workbench = workbench;
        this.steps = List.copyOf(steps);
        current.set(this.steps.getFirst());
        showing.addListener((obs, was, now) -> {
            if (now) {
                goTo(index.get()); // opening the panel shows the step it is at
            }
        });
    }

    /** Shows the panel at the current step and sets its view. */
    public void start() {
        if (showing.get()) {
            goTo(index.get());
        } else {
            showing.set(true);
        }
    }

    public boolean next() {
        return goTo(index.get() + 1);
    }

    public boolean previous() {
        return goTo(index.get() - 1);
    }

    /** Shows step {@code i} and sets its view; false when there is no such step. */
    public boolean goTo(int i) {
        if (i < 0 || i >= steps.size()) {
            return false;
        }
        index.set(i);
        current.set(steps.get(i));
        apply(steps.get(i).view());
        return true;
    }

    private void apply(LessonStep.View v) {
        if (v.combiner() != null) {
            workbench.settings().combinerProperty().set(v.combiner());
        }
        if (v.imageWeight() != null) {
            workbench.settings().imageWeightProperty().set(v.imageWeight());
        }
        if (v.strategy() != null) {
            workbench.activeStrategyProperty().set(v.strategy());
        }
        if (v.space() != null) {
            workbench.projection().spaceProperty().set(v.space());
        }
        if (v.colour() != null) {
            workbench.projection().colourModeProperty().set(v.colour());
        }
        if (v.place() != null) {
            place.set(null); // fires even when the user has left the place the step names
            place.set(v.place());
        }
    }

    public List<LessonStep> steps() {
        return steps;
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LessonStep> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The part of the window the current step wants shown (briefly null between steps); the window follows it. */
    public ReadOnlyObjectProperty<LessonStep.Place> placeProperty() {
        return place.getReadOnlyProperty();
    }

    /** Whether the panel is shown. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    public BooleanBinding hasNextBinding() {
        return Bindings.createBooleanBinding(() -> index.get() < steps.size() - 1, index);
    }

    public BooleanBinding hasPreviousBinding() {
        return Bindings.createBooleanBinding(() -> index.get() > 0, index);
    }

    /** "Step 3 of 9". */
    public String progressText() {
        return "Step " + (index.get() + 1) + " of " + steps.size();
    }
}
