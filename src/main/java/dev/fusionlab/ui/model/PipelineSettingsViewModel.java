package dev.fusionlab.ui.model;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.fuse.LateFusion;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionSettings;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The choices of the pipeline panel, turned into a {@link RunConfig} by {@link #toConfig}. Combiner and
 * weight are also live: the workbench recombines late fusion as soon as they change. Projection method
 * and settings apply to the next run, or at once to the current run through the workbench's re-project.
 */
public final class PipelineSettingsViewModel {

    private final ObservableList<String> imageEncoders = FXCollections.observableArrayList();
    private final ObservableList<String> textEncoders = FXCollections.observableArrayList();
    private final StringProperty imageEncoder = new SimpleStringProperty();
    private final StringProperty textEncoder = new SimpleStringProperty();
    private final ObjectProperty<ClassifierKind> classifier = new SimpleObjectProperty<>();
    private final ObjectProperty<LateCombiner> combiner = new SimpleObjectProperty<>();
    private final DoubleProperty imageWeight = new SimpleDoubleProperty();
    private final ObjectProperty<ProjectionMethod> projection = new SimpleObjectProperty<>();
    private final DoubleProperty tsnePerplexity = new SimpleDoubleProperty();
    private final IntegerProperty umapNeighbors = new SimpleIntegerProperty();
    private final DoubleProperty umapMinDist = new SimpleDoubleProperty();
    private final LongProperty seed = new SimpleLongProperty();

    public PipelineSettingsViewModel(List<String> imageEncoderIds, List<String> textEncoderIds) {
        RunConfig defaults = RunConfig.defaults();
        imageEncoders.setAll(imageEncoderIds.isEmpty() ? List.of(defaults.imageEncoder()) : imageEncoderIds);
        textEncoders.setAll(textEncoderIds.isEmpty() ? List.of(defaults.textEncoder()) : textEncoderIds);
        imageEncoder.set(imageEncoders.contains(defaults.imageEncoder()) ? defaults.imageEncoder() : imageEncoders.getFirst());
        textEncoder.set(textEncoders.contains(defaults.textEncoder()) ? defaults.textEncoder() : textEncoders.getFirst());
        classifier.set(defaults.classifier());
        combiner.set(defaults.combiner());
        imageWeight.set(defaults.imageWeight());
        projection.set(defaults.projection());
        ProjectionSettings layout = defaults.projectionSettings();
        tsnePerplexity.set(layout.tsnePerplexity());
        umapNeighbors.set(layout.umapNeighbors());
        umapMinDist.set(layout.umapMinDist());
        seed.set(defaults.seed());
    }

    /**
     * The projection settings as chosen, out-of-range values pulled to the nearest valid one (the
     * spinners allow none, but a property can be set from anywhere).
     */
    public ProjectionSettings projectionSettings() {
        return new ProjectionSettings(Math.max(1, tsnePerplexity.get()), Math.max(2, umapNeighbors.get()),
                Math.max(0, Math.min(0.99, umapMinDist.get())));
    }

    /** The run the user asked for, on {@code dataset} (a folder, file or {@link RunConfig#DEMO}). */
    public RunConfig toConfig(String dataset) {
        return RunConfig.defaults().withDataset(dataset)
                .withEncoders(imageEncoder.get(), textEncoder.get())
                .withClassifier(classifier.get())
                .withLateFusion(combiner.get(), LateFusion.clampWeight(imageWeight.get()))
                .withProjection(projection.get(), projectionSettings())
                .withSeed(seed.get());
    }

    public ObservableList<String> imageEncoders() {
        return imageEncoders;
    }

    public ObservableList<String> textEncoders() {
        return textEncoders;
    }

    public StringProperty imageEncoderProperty() {
        return imageEncoder;
    }

    public StringProperty textEncoderProperty() {
        return textEncoder;
    }

    public ObjectProperty<ClassifierKind> classifierProperty() {
        return classifier;
    }

    public ObjectProperty<LateCombiner> combinerProperty() {
        return combiner;
    }

    /** Weight of the image side in [0, 1], used by {@link LateCombiner#WEIGHTED}. */
    public DoubleProperty imageWeightProperty() {
        return imageWeight;
    }

    public ObjectProperty<ProjectionMethod> projectionProperty() {
        return projection;
    }

    /** t-SNE perplexity (scikit-learn's default 30). */
    public DoubleProperty tsnePerplexityProperty() {
        return tsnePerplexity;
    }

    /** UMAP neighbourhood size (umap-learn's default 15). */
    public IntegerProperty umapNeighborsProperty() {
        return umapNeighbors;
    }

    /** UMAP minimum distance in [0, 1) (umap-learn's default 0.1). */
    public DoubleProperty umapMinDistProperty() {
        return umapMinDist;
    }

    public LongProperty seedProperty() {
        return seed;
    }
}
