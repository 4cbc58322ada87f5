package dev.fusionlab.cli;

import dev.fusionlab.caption.CaptionModelCache;
import dev.fusionlab.caption.Captioning;
import dev.fusionlab.caption.CaptioningReport;
import dev.fusionlab.caption.CaptioningResult;
import dev.fusionlab.caption.CaptioningSettings;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fusionlab caption}: train an image captioner and score it against two baselines on the test split. */
@Command(name = "caption", mixinStandardHelpOptions = true,
        description = "Train a GRU image captioner (and an image + label one on labelled data) on the training "
                + "split, caption the test images and score them with BLEU-1..4 and CIDEr-D against the "
                + "nearest-neighbour and most-frequent-caption baselines; write captions.csv and captioning.json. "
                + "A second run on the same data takes the trained models from the cache.")
final class CaptionCommand implements Callable<Integer> {

    private static final RunConfig DEFAULTS = RunConfig.defaults();

    @Option(names = "--dataset", defaultValue = RunConfig.DEMO, paramLabel = "<dir|file|demo>",
            description = "Dataset folder, captions file, or 'demo' (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
    Path out;

    @Option(names = "--seed", description = "Seed of the split and the training (default: 42).")
    long seed = DEFAULTS.seed();

    @Option(names = "--image-encoder", paramLabel = "<id>", description = "Image encoder (default: mobilenet_v2).")
    String imageEncoder = DEFAULTS.imageEncoder();

    @Option(names = "--text-column", defaultValue = "text", description = "Manifest column with the caption (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Option(names = "--label-column", defaultValue = "label", description = "Manifest column with the label (default: ${DEFAULT-VALUE}).")
    String labelColumn;

    @Option(names = "--beam", defaultValue = "" + CaptioningSettings.DEFAULT_BEAM_WIDTH, paramLabel = "<width>",
            description = "Beam width of the model's captions, 1 = greedy (default: ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--epochs", paramLabel = "<n>", description = "Most training epochs (default: 40; early stopping usually ends sooner).")
    Integer epochs;

    @Override
    public Integer call() throws Exception {
        RunConfig config = DEFAULTS.withDataset(dataset).withSeed(seed)
                .withEncoders(imageEncoder, DEFAULTS.textEncoder()).withColumns(textColumn, labelColumn);
        CaptioningSettings defaults = CaptioningSettings.defaults(seed);
        CaptioningSettings settings = new CaptioningSettings(seed, beam, epochs == null ? defaults.maxEpochs() : epochs);
        CaptioningResult result;
        try (CliContext context = new CliContext(); Pipeline pipeline = Pipeline.withDefaults()) {
            EncodedDataset encoded = pipeline.encode(config, context.task());
            result = Captioning.run(encoded, settings, CaptionModelCache.defaultLocation(), context.task());
            CaptioningReport.write(result, out);
        }
        System.out.printf(Locale.ROOT, "%d test captions of %d test images (%d training captions)%n",
                result.testCaptions(), result.testImages(), result.trainCaptions());
        System.out.printf(Locale.ROOT, "%-26s %7s %7s %7s %7s %8s%n", "system", "BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4",
                "CIDEr-D");
        result.scores().forEach((system, s) -> System.out.printf(Locale.ROOT, "%-26s %7.3f %7.3f %7.3f %7.3f %8.3f%n",
                system, s.bleu1(), s.bleu2(), s.bleu3(), s.bleu4(), s.ciderD()));
        result.models().forEach((conditioning, m) -> System.out.printf(Locale.ROOT, "model %s: %s%n", conditioning.key(),
                m.fromCache() ? "from the cache" : String.format(Locale.ROOT, "trained in %.1f s, %d epochs (kept %d)",
                        m.captioner().provenance().trainMillis() / 1000.0, m.captioner().provenance().epochsRun(),
                        m.captioner().provenance().bestEpoch())));
        System.out.println("-> " + out.resolve(CaptioningReport.CAPTIONS_CSV) + ", " + out.resolve(CaptioningReport.REPORT_JSON));
        return 0;
    }

}
