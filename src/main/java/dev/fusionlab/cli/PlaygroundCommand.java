package dev.fusionlab.cli;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.playground.Control;
import dev.fusionlab.playground.GeneratorSettings;
import dev.fusionlab.playground.Playground;
import dev.fusionlab.playground.PlaygroundExporter;
import dev.fusionlab.playground.PlaygroundRun;
import dev.fusionlab.playground.Preset;
import dev.fusionlab.playground.Sweep;
import dev.fusionlab.playground.SweepResult;
import dev.fusionlab.playground.SweepSpec;
import dev.fusionlab.project.ProjectionMethod;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fusionlab playground}: synthetic two-modality data with known structure through the whole pipeline,
 * written like a {@code run}; or, with {@code --sweep}, one control varied and the four strategies' test
 * scores written as {@code sweep.csv} and a chart.
 */
@Command(name = "playground", mixinStandardHelpOptions = true,
        description = "Synthetic image/text embeddings with known structure, through the same pipeline as 'run'.%n"
                + "Presets: redundant, complementary, xor, one-noisy (--list-presets explains them).")
final class PlaygroundCommand implements Callable<Integer> {

    @Option(names = "--preset", paramLabel = "<name>",
            description = "redundant, complementary, xor or one-noisy; without it, the generator's defaults ('custom').")
    String preset;

    @Option(names = "--list-presets", description = "Print the presets with their one-line explanation and exit.")
    boolean listPresets;

    @Option(names = "--out", paramLabel = "<dir>", description = "Output folder (created; files in it are replaced).")
    Path out;

    @Option(names = "--sweep", paramLabel = "<control>=<from>:<to>:<steps>",
            description = "Vary one control (e.g. image_snr=0:3:7) and write sweep.csv, sweep.json and sweep.png/.svg instead of one run.")
    String sweep;

    @Option(names = "--classifier", description = "softmax or mlp (default: the preset's; xor: mlp, others: softmax).")
    ClassifierKind classifier;

    @Option(names = "--combiner", description = "Late-fusion combiner: mean, weighted, product, max, stacking (default: mean).")
    LateCombiner combiner = LateCombiner.MEAN;

    @Option(names = "--image-weight", description = "Image weight of the weighted combiner, 0..1 (default: 0.5).")
    double imageWeight = 0.5;

    @Option(names = "--projection",
            description = "pca, tsne or umap (default: pca, so a playground run takes seconds; umap lays out as 'run' does).")
    ProjectionMethod projection = ProjectionMethod.PCA;

    @Mixin
    ProjectionOptions projectionOptions = new ProjectionOptions();

    @Option(names = "--dpi", defaultValue = "150", description = "Resolution of the PNG plots (default: ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--seed", description = "Seed of the data, the split, the training and the projections (default: 42).")
    Long seed;

    @Option(names = "--classes", paramLabel = "<n>", description = "Number of classes.")
    Double classes;

    @Option(names = "--samples", paramLabel = "<n>", description = "Number of samples (70/15/15 split, stratified).")
    Double samples;

    @Option(names = "--image-dim", paramLabel = "<n>", description = "Image embedding width (>= 3 x classes).")
    Double imageDim;

    @Option(names = "--text-dim", paramLabel = "<n>", description = "Text embedding width (>= 3 x classes).")
    Double textDim;

    @Option(names = "--image-snr", paramLabel = "<s>", description = "Class signal of the image (0 = pure noise).")
    Double imageSnr;

    @Option(names = "--text-snr", paramLabel = "<s>", description = "Class signal of the text (0 = pure noise).")
    Double textSnr;

    @Option(names = "--interaction", paramLabel = "<0..1>", description = "Share of the signal only in the image x text interaction.")
    Double interaction;

    @Option(names = "--complementarity", paramLabel = "<0..1>", description = "Share of each modality's signal that separates only its own class pairs.")
    Double complementarity;

    @Option(names = "--redundancy", paramLabel = "<0..1>", description = "Share of the stronger modality's noise the other repeats.")
    Double redundancy;

    @Option(names = "--label-noise", paramLabel = "<0..1>", description = "Share of labels redrawn at random.")
    Double labelNoise;

    @Override
    public Integer call() throws Exception {
        if (listPresets) {
            for (Preset p : Preset.values()) {
                System.out.println(p.key() + ": " + p.explanation());
            }
            return 0;
        }
        if (out == null) {
            throw new IllegalArgumentException("--out <dir> is required");
        }
        Preset chosen = preset == null ? null : Preset.parse(preset);
        long runSeed = seed == null ? RunConfig.defaults().seed() : seed;
        GeneratorSettings settings = chosen == null ? GeneratorSettings.defaults().withSeed(runSeed) : chosen.settings(runSeed);
        for (Map.Entry<Control, Double> e : overrides().entrySet()) {
            settings = settings.with(e.getKey(), e.getValue());
        }
        String name = chosen == null ? "custom" : chosen.key();
        ClassifierKind kind = classifier != null ? classifier : chosen == null ? ClassifierKind.SOFTMAX : chosen.defaultClassifier();
        RunConfig config = Playground.config(name, kind, runSeed).withLateFusion(combiner, imageWeight)
                .withProjection(projection, projectionOptions.toSettings());
        if (chosen != null) {
            System.out.println(chosen.key() + ": " + chosen.explanation());
        }
        String summary;
        try (CliContext context = new CliContext()) {
            if (sweep != null) {
                SweepResult result = Sweep.run(settings, name, config, SweepSpec.parse(sweep), context.task());
                PlaygroundExporter.writeSweep(result, out, dpi);
                summary = sweepTable(result) + System.lineSeparator() + "wrote " + out.resolve("sweep.csv")
                        + ", sweep.json and sweep.png/.svg";
            } else {
                PlaygroundRun run = Playground.run(settings, name, config, context.task());
                PlaygroundExporter.writeAll(run, out, dpi, context.task());
                summary = Summary.of(run.result(), out);
            }
        }
        System.out.println(summary);
        return 0;
    }

    private Map<Control, Double> overrides() {
        Map<Control, Double> given = new LinkedHashMap<>();
        put(given, Control.CLASSES, classes);
        put(given, Control.SAMPLES, samples);
        put(given, Control.IMAGE_DIM, imageDim);
        put(given, Control.TEXT_DIM, textDim);
        put(given, Control.IMAGE_SNR, imageSnr);
        put(given, Control.TEXT_SNR, textSnr);
        put(given, Control.INTERACTION, interaction);
        put(given, Control.COMPLEMENTARITY, complementarity);
        put(given, Control.REDUNDANCY, redundancy);
        put(given, Control.LABEL_NOISE, labelNoise);
        return given;
    }

    private static void put(Map<Control, Double> given, Control c, Double value) {
        if (value != null) {
            if (c.isInteger() && value != Math.rint(value)) {
                throw new IllegalArgumentException(c.option() + " takes a whole number, got " + value);
            }
            given.put(c, value);
        }
    }

    private static String sweepTable(SweepResult result) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-12s", result.spec().control().key()));
        for (Strategy s : Strategy.values()) {
            b.append(String.format(Locale.ROOT, "%8s", s.key()));
        }
        for (SweepResult.Point p : result.points()) {
            b.append(String.format(Locale.ROOT, "%n%-12s", Sweep.format(p.value())));
            for (Strategy s : Strategy.values()) {
                b.append(String.format(Locale.ROOT, "%8.3f", p.accuracy(s)));
            }
        }
        return b.toString();
    }
}
