package dev.fusionlab.cli;

import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.export.ProjectionCsv;
import dev.fusionlab.generate.Generation;
import dev.fusionlab.generate.GenerationMeasures;
import dev.fusionlab.generate.GenerationReport;
import dev.fusionlab.generate.Mvae;
import dev.fusionlab.generate.MvaeSpec;
import dev.fusionlab.generate.PixelImages;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fusionlab generate}: trains (or takes from the cache) the dataset's multimodal VAE, measures it
 * against its baselines on the test split, and turns descriptions into images and images into captions.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Train (or reuse the cached) multimodal VAE of a dataset: text -> image generation, image -> "
                + "text, missing-modality imputation, measured on the test split against baselines. Writes "
                + "generation.json, one PNG per --text (a grid of the posterior mean and samples when --samples > 1) "
                + "with a strip of the nearest real images, and latent.npy (the joint latent space).")
final class GenerateCommand implements Callable<Integer> {

    private static final RunConfig DEFAULTS = RunConfig.defaults();
    private static final int NEAREST = 5;

    @Option(names = "--dataset", defaultValue = RunConfig.DEMO, paramLabel = "<dir|file|demo>",
            description = "Dataset folder, captions file, or 'demo' (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
    Path out;

    @Option(names = "--text", paramLabel = "<description>", description = "A description to draw (repeatable).")
    List<String> texts = new ArrayList<>();

    @Option(names = "--image", paramLabel = "<file>", description = "An image to describe with the dataset's "
            + "captions nearest the text generated from it (repeatable).")
    List<Path> images = new ArrayList<>();

    @Option(names = "--samples", defaultValue = "1", paramLabel = "<k>", description = "Images per --text: the "
            + "decoded posterior mean, then k-1 samples of the posterior (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", description = "Seed of the split, the training and the samples (default: 42).")
    long seed = DEFAULTS.seed();

    @Option(names = "--image-size", paramLabel = "<px>", description = "Side of the generated images, a power of two "
            + "(default: 32; 64 trains about three times slower).")
    int imageSize = MvaeSpec.defaults(0).imageSize();

    @Option(names = "--epochs", paramLabel = "<n>", description = "At most this many epochs (default: 60; early "
            + "stopping on the validation split usually ends sooner).")
    int epochs = MvaeSpec.defaults(0).maxEpochs();

    @Option(names = "--text-weight", paramLabel = "<w>", description = "Weight of the text reconstruction against "
            + "the image's (default: ${DEFAULT-VALUE}).")
    double textWeight = MvaeSpec.defaults(0).textWeight();

    @Option(names = "--image-encoder", paramLabel = "<id>", description = "Image encoder that measures the generated "
            + "images and feeds the classifiers (default: mobilenet_v2).")
    String imageEncoder = DEFAULTS.imageEncoder();

    @Option(names = "--text-encoder", paramLabel = "<id>", description = "Text encoder (default: all-minilm-l6-v2).")
    String textEncoder = DEFAULTS.textEncoder();

    @Option(names = "--text-column", defaultValue = "text", description = "Manifest column with the text.")
    String textColumn;

    @Option(names = "--label-column", defaultValue = "label", description = "Manifest column with the label.")
    String labelColumn;

    @Override
    public Integer call() throws IOException {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
        }
        if (texts.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("--text must not be blank");
        }
        RunConfig config = DEFAULTS.withDataset(dataset).withEncoders(imageEncoder, textEncoder).withSeed(seed)
                .withColumns(textColumn, labelColumn);
        MvaeSpec base = MvaeSpec.defaults(seed);
        MvaeSpec spec = base.withImageSize(imageSize).withEpochs(Math.min(base.annealEpochs(), epochs), epochs)
                .withTextWeight(textWeight);
        long start = System.nanoTime();
        try (CliContext context = new CliContext(); Pipeline pipeline = Pipeline.withDefaults();
             Generation generation = Generation.prepare(pipeline, config, spec, Generation.defaultStore(), context.task())) {
            TaskContext ctx = context.task();
            GenerationMeasures measures = GenerationMeasures.measure(generation, ctx);
            List<GenerationReport.TextOutput> drawn = new ArrayList<>();
            for (int t = 0; t < texts.size(); t++) {
                drawn.add(draw(pipeline, generation, texts.get(t).strip(), t + 1, ctx));
            }
            List<GenerationReport.ImageOutput> described = new ArrayList<>();
            for (Path image : images) {
                described.add(describe(generation, image));
            }
            Npy.write(out.resolve("latent.npy"),
                    generation.mvae().latents(generation.data().pixels(), generation.data().textEmbeddings()));
            ProjectionCsv.writeIds(out.resolve("latent-ids.csv"), generation.data().samples().stream().map(Sample::id).toList());
            long millis = (System.nanoTime() - start) / 1_000_000;
            GenerationReport.write(out.resolve("generation.json"), generation, measures, drawn, described, millis);
            context.close();
            print(generation, measures, drawn, described, millis);
        }
        return 0;
    }

    private GenerationReport.TextOutput draw(Pipeline pipeline, Generation generation, String text, int index,
                                             TaskContext ctx) throws IOException {
        Mvae mvae = generation.mvae();
        List<float[]> drawn = mvae.generateImages(pipeline.encodeText(textEncoder, text, ctx), samples - 1, seed);
        int scale = Math.max(1, 128 / mvae.imageSize());
        String stem = "text-" + index + "-" + slug(text);
        Path file = out.resolve(stem + ".png");
        PixelImages.writePng(PixelImages.grid(drawn, Math.min(drawn.size(), 8), scale), file);

        int[] train = generation.data().rows(Split.TRAIN);
        float[][] trainPixels = Arrays.stream(train).mapToObj(r -> generation.data().pixels()[r]).toArray(float[][]::new);
        int[] nearest = Mvae.nearestByPixels(drawn.getFirst(), trainPixels, NEAREST);
        List<float[]> strip = new ArrayList<>(List.of(drawn.getFirst()));
        List<Sample> samplesNear = new ArrayList<>();
        List<Double> mse = new ArrayList<>();
        for (int k : nearest) {
            strip.add(trainPixels[k]);
            samplesNear.add(generation.data().samples().get(train[k]));
            mse.add(PixelImages.mse(drawn.getFirst(), trainPixels[k]));
        }
        Path nearestFile = out.resolve(stem + "-nearest.png");
        PixelImages.writePng(PixelImages.grid(strip, strip.size(), scale), nearestFile);
        return new GenerationReport.TextOutput(text, file.getFileName().toString(),
                nearestFile.getFileName().toString(), samplesNear, mse);
    }

    private GenerationReport.ImageOutput describe(Generation generation, Path image) throws IOException {
        float[] pixels = PixelImages.read(image, generation.mvae().imageSize());
        List<Sample> captions = new ArrayList<>();
        List<Double> similarity = new ArrayList<>();
        for (Mvae.CaptionHit hit : generation.mvae().nearestCaptions(pixels, generation.data().textEmbeddings(), NEAREST)) {
            captions.add(generation.data().samples().get(hit.row()));
            similarity.add(hit.similarity());
        }
        return new GenerationReport.ImageOutput(image.toString(), captions, similarity);
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        s = s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
        return s.isEmpty() ? "text" : s;
    }

    private void print(Generation generation, GenerationMeasures measures, List<GenerationReport.TextOutput> drawn,
                       List<GenerationReport.ImageOutput> described, long millis) {
        var p = generation.mvae().provenance();
        System.out.printf(Locale.ROOT, "model: MVAE %d px, latent %d; %s (%d epochs, kept %d, trained in %.1f s)%n",
                p.spec().imageSize(), p.spec().latentDim(), generation.fromCache() ? "from the cache" : "trained",
                p.epochsRun(), p.bestEpoch(), p.trainMillis() / 1000.0);
        if (!measures.measured()) {
            System.out.println("measures: " + measures.missingModalityNote());
        } else {
            printMeasures(measures);
        }
        for (var d : drawn) {
            System.out.printf(Locale.ROOT, "\"%s\" -> %s (nearest training images: %s)%n", d.text(), out.resolve(d.file()),
                    String.join("; ", d.nearestImages().stream().map(Sample::text).toList()));
        }
        for (var d : described) {
            System.out.printf(Locale.ROOT, "%s -> %s%n", d.image(),
                    String.join("; ", d.captions().stream().map(Sample::text).toList()));
        }
        System.out.printf(Locale.ROOT, "wrote %s (%.1f s)%n", out.resolve("generation.json"), millis / 1000.0);
    }

    private static void printMeasures(GenerationMeasures measures) {
        var t = measures.textToImage();
        System.out.printf(Locale.ROOT, "text->image, %d test pairs: pixel MSE %.4f (mean image %.4f, nearest caption's "
                        + "image %.4f); R@1/5/10 %.3f/%.3f/%.3f (nearest caption's image %.3f/%.3f/%.3f; chance R@10 %.3f)%n",
                t.testPairs(), t.pixelMse(), t.meanImageMse(), t.nearestCaptionMse(), t.recallAt1(), t.recallAt5(),
                t.recallAt10(), t.nearestCaptionRecallAt1(), t.nearestCaptionRecallAt5(), t.nearestCaptionRecallAt10(),
                t.chanceRecallAt10());
        var i = measures.imageToText();
        System.out.printf(Locale.ROOT, "image->text: R@1/5/10 %.3f/%.3f/%.3f (nearest image's caption %.3f/%.3f/%.3f; "
                        + "chance R@10 %.3f)%n", i.recallAt1(), i.recallAt5(), i.recallAt10(), i.nearestImageRecallAt1(),
                i.nearestImageRecallAt5(), i.nearestImageRecallAt10(), i.chanceRecallAt10());
        if (measures.missingModality().isEmpty()) {
            System.out.println("missing modality: " + measures.missingModalityNote());
        }
        for (Map.Entry<String, GenerationMeasures.Score> e : measures.missingModality().entrySet()) {
            System.out.printf(Locale.ROOT, "  %-28s accuracy %.3f  macro-F1 %.3f%n", e.getKey(),
                    e.getValue().accuracy(), e.getValue().macroF1());
        }
    }
}
