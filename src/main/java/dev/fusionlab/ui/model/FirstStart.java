package dev.fusionlab.ui.model;

import dev.fusionlab.pipeline.RunConfig;

/**
 * What the workbench does when it opens: loads the bundled demo and, unless turned off, runs it as soon as
 * it is loaded (from the embedding cache after the first time) and opens the Lessons panel beside it, whose
 * first step is in view when the result shows. All of it in the background: the window is usable at once, and anything the
 * user starts first (opening another dataset, a run) simply wins, since the auto-run only starts on the
 * demo and only while nothing else runs and no result is shown.
 *
 * <p>Turned off with {@code -Dfusionlab.autorun=false} or {@code FUSIONLAB_AUTORUN=false}, or by the
 * user's setting in the Lessons panel.
 */
public final class FirstStart {

    /** System property that turns the automatic demo run off ({@code false}) or on. */
    public static final String PROPERTY = "fusionlab.autorun";

    private FirstStart() {
    }

    /**
     * The flag's value: the system property, else the environment variable {@code FUSIONLAB_AUTORUN},
     * else {@code saved} (the user's setting).
     */
    public static boolean autorun(boolean saved) {
        String value = System.getProperty(PROPERTY, System.getenv("FUSIONLAB_AUTORUN"));
        return value == null ? saved : !value.strip().equalsIgnoreCase("false");
    }

    /** Opens the demo; with {@code autorun}, runs it once loaded and opens the lessons as it starts. */
    public static void begin(WorkbenchViewModel vm, boolean autorun) {
        if (autorun) {
            var once = new boolean[] {false};
            vm.task().runningProperty().addListener((obs, was, running) -> { // the loading job is over
                if (!running && !once[0] && vm.datasetProperty().get() != null
                        && RunConfig.DEMO.equals(vm.datasetLocationProperty().get()) && vm.resultProperty().get() == null) {
                    once[0] = true;
                    if (vm.run()) {
                        vm.lessons().start(); // beside the run's progress, so the first layout fits the final space
                    }
                }
            });
        }
        vm.openDataset(RunConfig.DEMO);
    }
}
