package dev.fusionlab.cli;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.project.ProjectionMethod;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that describe a run, shared by {@code run} and {@code embed}. */
final class RunOptions {

    private static final RunConfig DEFAULTS = RunConfig.defaults();

    @Option(names = "--dataset", defaultValue = RunConfig.DEMO, paramLabel = "<dir|file|demo>",
            description = "Dataset folder (metadata.csv/.jsonl or class folders), Flickr-style captions file, "
                    + "or 'demo' for the bundled emoji set (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--text-column", defaultValue = "text", description = "Manifest column with the text (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Option(names = "--label-column", defaultValue = "label", description = "Manifest column with the label (default: ${DEFAULT-VALUE}).")
    String labelColumn;

    @Option(names = "--image-encoder", paramLabel = "<id>",
            description = "Image encoder: mobilenet_v2 (TorchScript, default), mobilenet_v2-onnx, or file:<model.pt|.onnx> with a descriptor.")
    String imageEncoder = DEFAULTS.imageEncoder();

    @Option(names = "--text-encoder", paramLabel = "<id>",
            description = "Text encoder: all-minilm-l6-v2 (default) or file:<model.onnx> with a descriptor.")
    String textEncoder = DEFAULTS.textEncoder();

    @Option(names = "--classifier", description = "softmax or mlp (default: softmax).")
    ClassifierKind classifier = DEFAULTS.classifier();

    @Option(names = "--combiner", description = "Late-fusion combiner: mean, weighted, product, max, stacking, tuned (weighted, image weight tuned on the validation split) (default: mean).")
    LateCombiner combiner = DEFAULTS.combiner();

    @Option(names = "--image-weight", description = "Image weight of the weighted combiner, 0..1 (default: 0.5).")
    double imageWeight = DEFAULTS.imageWeight();

    @Option(names = "--projection", description = "pca, tsne or umap (default: umap).")
    ProjectionMethod projection = DEFAULTS.projection();

    @Mixin
    ProjectionOptions projectionOptions = new ProjectionOptions();

    @Option(names = "--seed", description = "Seed of the split, the training and the projections (default: 42).")
    long seed = DEFAULTS.seed();

    RunConfig toConfig() {
        return new RunConfig(dataset, imageEncoder, textEncoder, classifier, combiner, imageWeight, projection,
                projectionOptions.toSettings(), seed, textColumn, labelColumn);
    }
}
