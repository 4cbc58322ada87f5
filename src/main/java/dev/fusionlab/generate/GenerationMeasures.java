package dev.fusionlab.generate;

import dev.fusionlab.classify.ClassifierSpec;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.encode.EncodeResult;
import dev.fusionlab.encode.Encoder;
import dev.fusionlab.encode.EncoderCatalog;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.evaluate.RetrievalMetrics;
import dev.fusionlab.fuse.FusionInput;
import dev.fusionlab.fuse.FusionModels;
import dev.fusionlab.fuse.FusionTrainer;
import dev.fusionlab.fuse.LateFusion;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The honest measures of a {@link Generation} on the test split, each beside baselines that need no
 * generative model, whichever wins:
 * <ul>
 *   <li><b>text to image</b>: pixel MSE between the image generated from each test caption and its true
 *       image, against the training-mean image and the image of the nearest training caption; and
 *       retrieval: each generated image, encoded with the run's image encoder, ranks the test images
 *       (R@1/5/10, ties counted against it), against the nearest training caption's image;</li>
 *   <li><b>image to text</b>: the text embedding generated from each test image ranks the test captions,
 *       against the caption of the nearest training image (by image embedding);</li>
 *   <li><b>missing modality</b> (labelled data): the early-fusion classifier with the missing
 *       modality's embedding imputed through the joint latent, or by the training mean, against the
 *       remaining unimodal classifier, which is also what late fusion falls back to.</li>
 * </ul>
 * Real images enter the retrieval gallery at the model's resolution (what it could at best
 * reproduce), through the same PNG and encoder path as the generated ones. Progress stage
 * {@value #STAGE}.
 *
 * @param textToImage     text-to-image measures, null when the test split is empty
 * @param imageToText     image-to-text measures, null when the test split is empty
 * @param missingModality accuracy and macro-F1 per strategy or imputation, in a fixed order; empty when
 *                        the dataset is not labelled (see {@code missingModalityNote})
 * @param missingModalityNote why the missing-modality measures are absent, or what they mean
 */
public record GenerationMeasures(TextToImage textToImage, ImageToText imageToText, Map<String, Score> missingModality,
                                 String missingModalityNote) {

    public static final String STAGE = "measure-generation";

    /** Test pairs measured at most (the first ones): retrieval is quadratic, every one is encoded thrice. */
    public static final int MAX_TEST_PAIRS = 2_000;

    /**
     * @param pixelMse          mean squared error per pixel value (in [0, 1]) of the generated image
     * @param meanImageMse      the same for the mean training image
     * @param nearestCaptionMse the same for the training image whose caption is nearest the test caption
     * @param recallAt1         fraction of generated images whose own test image ranks first ...
     * @param chanceRecallAt10  10 / test pairs
     * @param nearestCaptionRecallAt1 the same recall for the nearest training caption's image
     */
    public record TextToImage(double pixelMse, double meanImageMse, double nearestCaptionMse, double recallAt1,
                              double recallAt5, double recallAt10, double medianRank, double chanceRecallAt10,
                              double nearestCaptionRecallAt1, double nearestCaptionRecallAt5,
                              double nearestCaptionRecallAt10, int testPairs) {
    }

    /** Recall of the own caption among the test captions, for generated text and for the nearest-image baseline. */
    public record ImageToText(double recallAt1, double recallAt5, double recallAt10, double chanceRecallAt10,
                              double nearestImageRecallAt1, double nearestImageRecallAt5,
                              double nearestImageRecallAt10, int testPairs) {
    }

    public record Score(double accuracy, double macroF1) {
    }

    /** Whether there was anything to measure (a test split); {@link #missingModalityNote()} says why not. */
    public boolean measured() {
        return textToImage != null;
    }

    /**
     * @return the measures, or, when the test split is empty, none ({@link #measured()} false) with the reason
     * @throws dev.fusionlab.task.CancelledException when cancelled
     */
    public static GenerationMeasures measure(Generation generation, TaskContext ctx) {
        GenerativeData data = generation.data();
        Mvae mvae = generation.mvae();
        int[] test = data.rows(Split.TEST);
        if (test.length == 0) {
            return new GenerationMeasures(null, null, Map.of(), "skipped: the test split is empty, nothing to measure on");
        }
        test = Arrays.copyOf(test, Math.min(test.length, MAX_TEST_PAIRS));
        int[] train = data.rows(Split.TRAIN);
        float[][] pixels = data.pixels();
        float[][] text = data.textEmbeddings();

        ctx.report(STAGE, 0, "generating " + test.length + " images from the test captions");
        float[][] generated = mvae.decodeTexts(select(text, test));
        float[][] truePixels = select(pixels, test);
        float[] meanImage = mean(select(pixels, train));
        int[] nearestCaption = new int[test.length]; // row of the training caption nearest each test caption
        float[][] trainText = select(text, train);
        for (int i = 0; i < test.length; i++) {
            nearestCaption[i] = train[Mvae.nearestByCosine(text[test[i]], trainText, 1)[0]];
        }
        double mse = 0;
        double meanMse = 0;
        double nearestMse = 0;
        for (int i = 0; i < test.length; i++) {
            mse += PixelImages.mse(generated[i], truePixels[i]);
            meanMse += PixelImages.mse(meanImage, truePixels[i]);
            nearestMse += PixelImages.mse(pixels[nearestCaption[i]], truePixels[i]);
        }
        int n = test.length;

        ctx.throwIfCancelled(STAGE);
        float[][][] encoded = encodeImages(generation.config().imageEncoder(),
                List.of(generated, truePixels, select(pixels, nearestCaption)), ctx);
        RetrievalMetrics.Ranking byGenerated = RetrievalMetrics.of(unit(encoded[1]), unit(encoded[0])).textToImage();
        RetrievalMetrics.Ranking byNearest = RetrievalMetrics.of(unit(encoded[1]), unit(encoded[2])).textToImage();
        TextToImage textToImage = new TextToImage(mse / n, meanMse / n, nearestMse / n, byGenerated.recallAt1(),
                byGenerated.recallAt5(), byGenerated.recallAt10(), byGenerated.medianRank(), Math.min(1, 10.0 / n),
                byNearest.recallAt1(), byNearest.recallAt5(), byNearest.recallAt10(), n);

        ctx.report(STAGE, 0.8, "image to text");
        float[][] imputedText = mvae.imputeTexts(truePixels);
        float[][] testText = select(text, test);
        float[][] trainImages = select(data.imageEmbeddings(), train);
        float[][] nearestImageCaption = new float[n][];
        for (int i = 0; i < n; i++) {
            int j = train[Mvae.nearestByCosine(data.imageEmbeddings()[test[i]], trainImages, 1)[0]];
            nearestImageCaption[i] = text[j];
        }
        // "images" = the test captions (the gallery), "texts" = the queries
        RetrievalMetrics.Ranking captions = RetrievalMetrics.of(unit(testText), unit(imputedText)).textToImage();
        RetrievalMetrics.Ranking captionsBaseline = RetrievalMetrics.of(unit(testText), unit(nearestImageCaption))
                .textToImage();
        ImageToText imageToText = new ImageToText(captions.recallAt1(), captions.recallAt5(), captions.recallAt10(),
                Math.min(1, 10.0 / n), captionsBaseline.recallAt1(), captionsBaseline.recallAt5(),
                captionsBaseline.recallAt10(), n);

        ctx.report(STAGE, 0.85, "missing modality");
        Map<String, Score> missing = new LinkedHashMap<>();
        String note = missingModality(generation, test, imputedText, encoded[0], missing, ctx);
        ctx.report(STAGE, 1, "done");
        return new GenerationMeasures(textToImage, imageToText, missing, note);
    }

    /**
     * Fills {@code out} with the missing-modality scores on the labelled test rows, and says what they
     * mean, or why there are none.
     */
    private static String missingModality(Generation generation, int[] test, float[][] imputedText,
                                          float[][] generatedImageEmbeddings, Map<String, Score> out, TaskContext ctx) {
        GenerativeData data = generation.data();
        List<String> classes = data.samples().stream().filter(Sample::isLabelled).map(Sample::label).distinct()
                .sorted().toList();
        if (classes.size() < 2) {
            return "skipped: the dataset is not labelled with at least 2 classes";
        }
        int[] labels = data.samples().stream().mapToInt(s -> s.isLabelled() ? classes.indexOf(s.label()) : -1).toArray();
        Split[] splits = data.samples().stream().map(Sample::split).toArray(Split[]::new);
        FusionInput input = new FusionInput(data.imageEmbeddings(), data.textEmbeddings(), labels, splits, classes);
        if (input.labelledRows(Split.TRAIN).length == 0) {
            return "skipped: the training split has no labelled sample";
        }
        List<Integer> labelledAt = new ArrayList<>(); // positions in test (and its parallel arrays) with a label
        for (int i = 0; i < test.length; i++) {
            if (labels[test[i]] >= 0) {
                labelledAt.add(i);
            }
        }
        if (labelledAt.isEmpty()) {
            return "skipped: no labelled test sample";
        }
        FusionModels models = FusionTrainer.train(input, ClassifierSpec.defaults(generation.config().classifier(),
                generation.config().seed()), ctx);
        int m = labelledAt.size();
        int[] rows = labelledAt.stream().mapToInt(i -> test[i]).toArray();
        int[] truth = Arrays.stream(rows).map(r -> labels[r]).toArray();
        float[][] image = select(data.imageEmbeddings(), rows);
        float[][] text = select(data.textEmbeddings(), rows);
        float[][] textImputed = new float[m][];
        float[][] imageImputed = new float[m][];
        for (int k = 0; k < m; k++) {
            textImputed[k] = imputedText[labelledAt.get(k)];
            imageImputed[k] = generatedImageEmbeddings[labelledAt.get(k)];
        }
        int[] trainRows = input.rows(Split.TRAIN);
        float[][] meanText = repeat(mean(select(data.textEmbeddings(), trainRows)), m);
        float[][] meanImage = repeat(mean(select(data.imageEmbeddings(), trainRows)), m);
        var early = models.early();
        var norm = models.normalisation();
        float[][] imageProbs = select(models.imageProbs(), rows);
        float[][] textProbs = select(models.textProbs(), rows);
        LateFusion late = models.late().resolve(generation.config().combiner(), generation.config().imageWeight()).fusion();

        out.put("early_both", score(early.predictProba(norm.fuse(image, text)), truth, classes));
        out.put("late_both", score(late.combine(imageProbs, textProbs), truth, classes));
        // text missing
        out.put("image_only", score(imageProbs, truth, classes));
        out.put("late_fallback_text_missing", score(imageProbs, truth, classes));
        out.put("early_text_imputed_mvae", score(early.predictProba(norm.fuse(image, textImputed)), truth, classes));
        out.put("early_text_imputed_mean", score(early.predictProba(norm.fuse(image, meanText)), truth, classes));
        // image missing
        out.put("text_only", score(textProbs, truth, classes));
        out.put("late_fallback_image_missing", score(textProbs, truth, classes));
        out.put("early_image_imputed_mvae", score(early.predictProba(norm.fuse(imageImputed, text)), truth, classes));
        out.put("early_image_imputed_mean", score(early.predictProba(norm.fuse(meanImage, text)), truth, classes));
        return m + " labelled test samples; late fusion with one modality missing falls back to the remaining "
                + "classifier, so late_fallback_* equal image_only / text_only; *_imputed_mvae fill the missing "
                + "embedding through the joint latent (text decoded, or the generated image encoded), "
                + "*_imputed_mean with the training mean; early_both and late_both have both modalities";
    }

    private static Score score(float[][] probabilities, int[] truth, List<String> classes) {
        int[] predicted = new int[probabilities.length];
        for (int r = 0; r < predicted.length; r++) {
            int best = 0;
            for (int c = 1; c < probabilities[r].length; c++) {
                if (probabilities[r][c] > probabilities[r][best]) {
                    best = c;
                }
            }
            predicted[r] = best;
        }
        ClassificationMetrics metrics = ClassificationMetrics.of(truth, predicted, classes);
        return new Score(metrics.accuracy(), metrics.macroF1());
    }

    /**
     * Each set of images through the image encoder, as PNG files at the model's resolution in a temporary
     * folder (the encoders read files), deleted afterwards.
     */
    static float[][][] encodeImages(String encoderId, List<float[][]> sets, TaskContext ctx) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("fusionlab-generated-");
            List<Path> files = new ArrayList<>();
            for (int s = 0; s < sets.size(); s++) {
                for (int i = 0; i < sets.get(s).length; i++) {
                    Path file = dir.resolve(s + "-" + i + ".png");
                    PixelImages.writePng(PixelImages.toImage(sets.get(s)[i]), file);
                    files.add(file);
                }
            }
            EncodeResult result;
            try (Encoder<Path> encoder = EncoderCatalog.openImage(encoderId, EncoderCatalog.DEFAULT_IMAGE_BATCH_SIZE)) {
                result = encoder.encode(files, ctx);
            }
            float[][][] out = new float[sets.size()][][];
            int at = 0;
            for (int s = 0; s < sets.size(); s++) {
                out[s] = new float[sets.get(s).length][];
                for (int i = 0; i < out[s].length; i++, at++) {
                    if (!result.succeeded(at)) {
                        throw new IllegalStateException("the image encoder failed on a generated image: "
                                + result.failure(at).orElseThrow());
                    }
                    out[s][i] = result.vector(at);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode generated images: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (var paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ignored) {
                    // a temporary folder left behind is harmless
                }
            }
        }
    }

    static float[][] select(float[][] x, int[] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    static float[] mean(float[][] rows) {
        float[] mean = new float[rows[0].length];
        double[] sum = new double[mean.length];
        for (float[] r : rows) {
            for (int d = 0; d < r.length; d++) {
                sum[d] += r[d];
            }
        }
        for (int d = 0; d < mean.length; d++) {
            mean[d] = (float) (sum[d] / rows.length);
        }
        return mean;
    }

    private static float[][] repeat(float[] row, int times) {
        float[][] out = new float[times][];
        Arrays.fill(out, row);
        return out;
    }

    private static float[][] unit(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = TextScaler.unit(rows[r]);
        }
        return out;
    }
}
