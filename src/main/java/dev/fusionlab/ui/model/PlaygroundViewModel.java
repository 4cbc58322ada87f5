package dev.fusionlab.ui.model;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.export.chart.ChartFormat;
import dev.fusionlab.export.chart.LineChartSpec;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.playground.Control;
import dev.fusionlab.playground.GeneratorSettings;
import dev.fusionlab.playground.Playground;
import dev.fusionlab.playground.PlaygroundRun;
import dev.fusionlab.playground.Preset;
import dev.fusionlab.playground.Sweep;
import dev.fusionlab.playground.SweepResult;
import dev.fusionlab.playground.SweepSpec;
import dev.fusionlab.project.ProjectionMethod;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The fusion playground's state: a preset (with its one-line explanation), every generator control, the
 * classifier, and a sweep of one control over a range. A run goes through the workbench's background job and
 * is then shown like any run; a sweep keeps its scores for the accuracy-vs-control chart.
 */
public final class PlaygroundViewModel {

    private final WorkbenchServices services;
    private final BackgroundTaskViewModel task;
    private final Consumer<RunResult> show;
    private final Supplier<LateCombiner> combiner;
    private final Supplier<Double> imageWeight;
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final Map<Control, DoubleProperty> controls = new EnumMap<>(Control.class);
    private final ObjectProperty<ClassifierKind> classifier = new SimpleObjectProperty<>(ClassifierKind.SOFTMAX);
    private final ObjectProperty<Control> sweepControl = new SimpleObjectProperty<>(Control.INTERACTION);
    private final DoubleProperty sweepFrom = new SimpleDoubleProperty(0);
    private final DoubleProperty sweepTo = new SimpleDoubleProperty(1);
    private final IntegerProperty sweepSteps = new SimpleIntegerProperty(5);
    private final ReadOnlyObjectWrapper<SweepResult> sweep = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    PlaygroundViewModel(WorkbenchServices services, BackgroundTaskViewModel task, Consumer<RunResult> show,
                        Supplier<LateCombiner> combiner, Supplier<Double> imageWeight) {
        this.services = services;
        this.task = task;
        this.show = show;
        this.combiner = combiner;
        this.imageWeight = imageWeight;
        for (Control c : Control.values()) {
            controls.put(c, new SimpleDoubleProperty());
        }
        controls.get(Control.SEED).set(RunConfig.defaults().seed());
        preset.addListener((obs, old, now) -> applyPreset(now));
        preset.set(Preset.COMPLEMENTARY);
    }

    /** Sets every control (keeping the seed), the classifier and a sweep that shows the preset's point. */
    private void applyPreset(Preset p) {
        explanation.set(p == null ? "your own settings" : p.explanation());
        if (p == null) {
            return;
        }
        GeneratorSettings s = p.settings((long) controls.get(Control.SEED).get());
        for (Control c : Control.values()) {
            controls.get(c).set(c.get(s));
        }
        classifier.set(p.defaultClassifier());
        switch (p) {
            case REDUNDANT -> sweepOf(Control.REDUNDANCY, 0, 1, 5);
            case COMPLEMENTARY -> sweepOf(Control.COMPLEMENTARITY, 0, 1, 5);
            case XOR -> sweepOf(Control.INTERACTION, 0, 1, 5);
            case ONE_NOISY -> sweepOf(Control.SAMPLES, 100, 900, 5);
        }
    }

    private void sweepOf(Control c, double from, double to, int steps) {
        sweepControl.set(c);
        sweepFrom.set(from);
        sweepTo.set(to);
        sweepSteps.set(steps);
    }

    /** The generator settings the controls describe. @throws IllegalArgumentException naming a bad control */
    public GeneratorSettings settings() {
        return new GeneratorSettings(whole(Control.CLASSES), whole(Control.SAMPLES), whole(Control.IMAGE_DIM),
                whole(Control.TEXT_DIM), value(Control.IMAGE_SNR), value(Control.TEXT_SNR), value(Control.INTERACTION),
                value(Control.COMPLEMENTARITY), value(Control.REDUNDANCY), value(Control.LABEL_NOISE),
                Math.round(value(Control.SEED)));
    }

    private double value(Control c) {
        double v = controls.get(c).get();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(c.key() + " must be a finite number, got " + v);
        }
        return v;
    }

    private int whole(Control c) {
        return (int) Math.round(value(c));
    }

    /** The preset's key when the controls are still the preset's, else {@code custom}. */
    public String name() {
        Preset p = preset.get();
        if (p == null) {
            return "custom";
        }
        try {
            GeneratorSettings s = settings();
            return s.equals(p.settings(s.seed())) ? p.key() : "custom";
        } catch (IllegalArgumentException e) {
            return "custom";
        }
    }

    /** The run's configuration: the chosen classifier and seed, the workbench's late fusion, PCA layouts. */
    public RunConfig config() {
        long seed = (long) controls.get(Control.SEED).get();
        return Playground.config(name(), classifier.get(), seed).withProjection(ProjectionMethod.PCA)
                .withLateFusion(combiner.get(), imageWeight.get());
    }

    /** The sweep the sweep controls describe. @throws IllegalArgumentException when the range is not valid */
    public SweepSpec sweepSpec() {
        return new SweepSpec(sweepControl.get(), sweepFrom.get(), sweepTo.get(), sweepSteps.get());
    }

    /**
     * Generates the data and runs it in the background; when done the run is shown like any other.
     *
     * @return false when the settings are not valid ({@link #problemProperty()} says why) or a job is running
     */
    public boolean run() {
        GeneratorSettings s;
        RunConfig config;
        try {
            s = settings();
            config = config();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        problem.set("");
        String name = config.dataset().substring(Playground.DATASET_PREFIX.length());
        return task.start("Playground " + name, ctx -> services.playground(s, name, config, ctx, dev.fusionlab.pipeline.LiveLayouts.NONE),
                (PlaygroundRun r) -> show.accept(r.result()),
                r -> "Playground " + name + ": " + r.result().samples().size() + " synthetic samples, "
                        + r.settings().classes() + " classes");
    }

    /** Runs the sweep in the background and keeps its scores for {@link #chart(int)}. */
    public boolean runSweep() {
        GeneratorSettings s;
        RunConfig config;
        SweepSpec spec;
        try {
            spec = sweepSpec();
            s = settings();
            spec.control().apply(s, spec.from());
            spec.control().apply(s, spec.to());
            config = config();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        problem.set("");
        String name = config.dataset().substring(Playground.DATASET_PREFIX.length());
        return task.start("Sweep " + spec.control().key(), ctx -> services.sweep(s, name, config, spec, ctx), sweep::set,
                r -> "Sweep of " + spec.control().key() + ": " + r.points().size() + " runs (" + Sweep.format(spec.from())
                        + " to " + Sweep.format(spec.to()) + ")");
    }

    /** Test accuracy of image / text / early / late against the swept control; null before a sweep. */
    public LineChartSpec chart(int dpi) {
        SweepResult r = sweep.get();
        return r == null ? null : r.chart(dpi);
    }

    /** Writes the sweep chart (PNG at {@code dpi}, or SVG) in the background. */
    public boolean exportChart(ChartFormat format, Path file, int dpi) {
        LineChartSpec spec = chart(dpi);
        if (spec == null) {
            return false;
        }
        return task.start("Exporting " + file.getFileName(), ctx -> {
            format.write(spec, file);
            return file;
        }, written -> { }, written -> "Wrote " + written);
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    /** What the chosen preset is and what fusion does on it. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The value of one generator control (whole numbers for the integer ones). */
    public DoubleProperty control(Control c) {
        return controls.get(c);
    }

    public ObjectProperty<ClassifierKind> classifierProperty() {
        return classifier;
    }

    public ObjectProperty<Control> sweepControlProperty() {
        return sweepControl;
    }

    public DoubleProperty sweepFromProperty() {
        return sweepFrom;
    }

    public DoubleProperty sweepToProperty() {
        return sweepTo;
    }

    public IntegerProperty sweepStepsProperty() {
        return sweepSteps;
    }

    /** The last sweep's scores; null before one. */
    public ReadOnlyObjectProperty<SweepResult> sweepProperty() {
        return sweep.getReadOnlyProperty();
    }

    /** Why the last run or sweep could not start (a control out of range), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
