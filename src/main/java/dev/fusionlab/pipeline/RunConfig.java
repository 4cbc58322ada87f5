package dev.fusionlab.pipeline;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionSettings;

/**
 * Everything a user chooses for one run. The GUI's pipeline panel and the CLI's options both fill one.
 *
 * @param dataset      a dataset folder or captions file, or {@code demo} for the bundled emoji set
 * @param imageEncoder image encoder id (see the encode package), e.g. {@code mobilenet_v2}
 * @param textEncoder  text encoder id, e.g. {@code all-minilm-l6-v2}
 * @param classifier   classifier used by every strategy
 * @param combiner     late-fusion combiner
 * @param imageWeight  image weight for {@link LateCombiner#WEIGHTED}, in [0, 1]
 * @param projection   projection method computed for the image, text and fused spaces
 * @param projectionSettings t-SNE perplexity, UMAP neighbours and min-dist
 * @param seed         seed of splits, training and projections: same seed, same results
 * @param textColumn   manifest column holding the text (manifest datasets only)
 * @param labelColumn  manifest column holding the label (manifest datasets only)
 */
public record RunConfig(String dataset, String imageEncoder, String textEncoder, ClassifierKind classifier,
                        LateCombiner combiner, double imageWeight, ProjectionMethod projection,
                        ProjectionSettings projectionSettings, long seed,
                        String textColumn, String labelColumn) {

    public static final String DEMO = "demo";

    public RunConfig {
        if (imageWeight < 0 || imageWeight > 1) {
            throw new IllegalArgumentException("image weight must be in [0, 1], got " + imageWeight);
        }
    }

    /** The defaults of both the GUI and the CLI: the bundled demo, offline encoders, UMAP, seed 42. */
    public static RunConfig defaults() {
        return new RunConfig(DEMO, "mobilenet_v2", "all-minilm-l6-v2", ClassifierKind.SOFTMAX,
                LateCombiner.MEAN, 0.5, ProjectionMethod.UMAP, ProjectionSettings.defaults(), 42, "text", "label");
    }

    /** How the dataset is read for this run: its seed decides the splits, the columns the text and label. */
    public DatasetOptions datasetOptions() {
        return DatasetOptions.defaults().withSeed(seed).withTextColumn(textColumn).withLabelColumn(labelColumn);
    }

    public RunConfig withDataset(String newDataset) {
        return new RunConfig(newDataset, imageEncoder, textEncoder, classifier, combiner, imageWeight, projection,
                projectionSettings, seed, textColumn, labelColumn);
    }

    public RunConfig withEncoders(String newImageEncoder, String newTextEncoder) {
        return new RunConfig(dataset, newImageEncoder, newTextEncoder, classifier, combiner, imageWeight, projection,
                projectionSettings, seed, textColumn, labelColumn);
    }

    public RunConfig withClassifier(ClassifierKind newClassifier) {
        return new RunConfig(dataset, imageEncoder, textEncoder, newClassifier, combiner, imageWeight, projection,
                projectionSettings, seed, textColumn, labelColumn);
    }

    public RunConfig withLateFusion(LateCombiner newCombiner, double newImageWeight) {
        return new RunConfig(dataset, imageEncoder, textEncoder, classifier, newCombiner, newImageWeight, projection,
                projectionSettings, seed, textColumn, labelColumn);
    }

    public RunConfig withProjection(ProjectionMethod newProjection) {
        return new RunConfig(dataset, imageEncoder, textEncoder, classifier, combiner, imageWeight, newProjection,
                projectionSettings, seed, textColumn, labelColumn);
    }

    public RunConfig withProjection(ProjectionMethod newProjection, ProjectionSettings newSettings) {
        return new RunConfig(dataset, imageEncoder, textEncoder, classifier, combiner, imageWeight, newProjection,
                newSettings, seed, textColumn, labelColumn);
    }

    public RunConfig withSeed(long newSeed) {
        return new RunConfig(dataset, imageEncoder, textEncoder, classifier, combiner, imageWeight, projection,
                projectionSettings, newSeed, textColumn, labelColumn);
    }

    public RunConfig withColumns(String newTextColumn, String newLabelColumn) {
        return new RunConfig(dataset, imageEncoder, textEncoder, classifier, combiner, imageWeight, projection,
                projectionSettings, seed, newTextColumn, newLabelColumn);
    }
}
